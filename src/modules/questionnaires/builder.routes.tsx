// The questionnaire builder's pages (admin area, permission questionnaires.manage): the list, settings,
// publishing, closing, copying, deleting, sections, questions and translations.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { errorText, LANGUAGES, translator } from '../../platform/i18n/i18n.js';
import type { RouteContext } from '../../platform/module.js';
import { moveSchema } from '../../platform/validation/fields.js';
import { ConfirmDeletePage } from '../../platform/views/entity-form.view.js';
import type { FormState, FormValues } from '../../platform/views/page.js';
import { newQuestionKindSchema, parseQuestionForm, sectionSchema, settingsSchema, utcToBerlin } from './builder.schema.js';
import { ChangeRefusedError, DEMOGRAPHIC_TYPE, demographicDefaults, PublishRefusedError, translationField, type PublishProblem } from './builder.service.js';
import { ConfirmChoice, ListPage, QuestionKindPage, QuestionnairePage, QuestionPage, RefusedPage, SectionPage, SettingsPage, TranslationPage, type QuestionFormModel } from './builder.view.js';
import type { Definition, Demographic, Question, QuestionType } from './questionnaire.model.js';
import { paths } from './questionnaires.paths.js';

const B = 'questionnaires.builder';
const PERMISSION = 'questionnaires.manage';

export function builderRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, clock } = context;
  const builder = services.questionnaireBuilder;
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const t = (c: Ctx) => c.get('t');

  async function planOptions(c: Ctx) {
    const plans = await services.plans.listPlans(mid(c));
    return plans.map((p) => ({ value: String(p.id), label: p.title }));
  }

  /** Refusals of the builder (a locked question, a move that would break a condition) as a page that explains. */
  async function refused(c: Ctx, e: unknown, def: Definition, back: string) {
    if (!(e instanceof ChangeRefusedError)) throw e;
    const q = def.questionnaire;
    return render(
      c,
      <RefusedPage ctx={pageContext(c)} title={t(c)(`${B}.refused`)} message={errorText(t(c), e.key)} back={back} crumbs={[{ href: paths.adminList(slugOf(c)), label: t(c)(`${B}.title`) }, { href: paths.admin(slugOf(c), q.id), label: q.title }]} />,
      409,
    );
  }

  // ---- list, new, settings -----------------------------------------------------------------------------------

  app.get(paths.adminList.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    return render(c, <ListPage ctx={pageContext(c)} items={await builder.list(mid(c))} />);
  });

  const showSettings = async (c: Ctx, def: Definition | null, form: FormState, status: 200 | 400) =>
    render(c, <SettingsPage ctx={pageContext(c)} questionnaire={def?.questionnaire ?? null} form={form} plans={await planOptions(c)} privacyVersion={def?.privacy?.version ?? null} />, status);

  app.get(paths.adminNew.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const plan = c.req.query('plan');
    return showSettings(c, null, { values: { access: 'open', results_public: '1', plan_id: plan ?? '' }, errors: {} }, 200);
  });
  app.post(paths.adminNew.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const values = await readForm(c);
    const v = validate(settingsSchema, values);
    if (!v.ok) return showSettings(c, null, v.form, 400);
    try {
      const id = await builder.create(mid(c), v.data, by);
      return redirectWithFlash(c, paths.admin(slugOf(c), id), t(c)(`${B}.created`));
    } catch (e) {
      if (e instanceof InvalidInputError) return showSettings(c, null, { values, errors: e.errors }, 400);
      throw e;
    }
  });

  app.get(paths.adminSettings.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const def = await builder.definition(mid(c), paths.adminSettings.params(c).id);
    const q = def.questionnaire;
    const opens = utcToBerlin(q.opensAt);
    const closes = utcToBerlin(q.closesAt);
    const values: FormValues = {
      plan_id: String(q.planId),
      title: q.title,
      welcome: q.welcome,
      thanks: q.thanks,
      opens_date: opens.date,
      opens_time: opens.time,
      closes_date: closes.date,
      closes_time: closes.time,
      access: q.access,
      results_public: q.resultsPublic ? '1' : '',
      privacy: def.privacy?.text ?? '',
    };
    return showSettings(c, def, { values, errors: {} }, 200);
  });
  app.post(paths.adminSettings.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const def = await builder.definition(mid(c), paths.adminSettings.params(c).id);
    const values = await readForm(c);
    const v = validate(settingsSchema, values);
    if (!v.ok) return showSettings(c, def, v.form, 400);
    try {
      const { privacyVersion } = await builder.updateSettings(mid(c), def.questionnaire.id, v.data, by);
      return redirectWithFlash(c, paths.admin(slugOf(c), def.questionnaire.id), privacyVersion ? t(c)(`${B}.savedPrivacy`, { version: privacyVersion }) : t(c)('form.saved'));
    } catch (e) {
      if (e instanceof InvalidInputError) return showSettings(c, def, { values, errors: e.errors }, 400);
      throw e;
    }
  });

  // ---- a questionnaire's page, publishing, closing, copying, deleting ---------------------------------------------

  async function showQuestionnaire(c: Ctx, id: number, problems: PublishProblem[], status: 200 | 400) {
    const o = await builder.overview(mid(c), id);
    const tree = await services.plans.tree(mid(c), o.def.questionnaire.planId);
    const now = clock().toISOString();
    const q = o.def.questionnaire;
    const model = {
      def: o.def,
      planTitle: o.plan.title,
      responses: o.responses,
      answered: o.answered,
      fields: new Map(tree.fields.map((f) => [f.id, f.title])),
      languages: o.languages,
      problems,
      canReopen: q.state === 'closed' && (!q.closesAt || q.closesAt > now),
    };
    return render(c, <QuestionnairePage ctx={pageContext(c)} model={model} />, status);
  }

  app.get(paths.admin.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    return showQuestionnaire(c, paths.admin.params(c).id, [], 200);
  });

  app.post(paths.adminPublish.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const def = await builder.definition(mid(c), paths.adminPublish.params(c).id);
    try {
      const done = await builder.publish(mid(c), def.questionnaire.id, clock(), by);
      return redirectWithFlash(c, paths.admin(slugOf(c), def.questionnaire.id), t(c)(`${B}.publish.${done}`));
    } catch (e) {
      if (e instanceof PublishRefusedError) return showQuestionnaire(c, def.questionnaire.id, e.problems, 400);
      return refused(c, e, def, paths.admin(slugOf(c), def.questionnaire.id));
    }
  });

  app.post(paths.adminClose.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const def = await builder.definition(mid(c), paths.adminClose.params(c).id);
    try {
      await builder.close(mid(c), def.questionnaire.id, by);
      return redirectWithFlash(c, paths.admin(slugOf(c), def.questionnaire.id), t(c)(`${B}.publish.closed`));
    } catch (e) {
      return refused(c, e, def, paths.admin(slugOf(c), def.questionnaire.id));
    }
  });

  app.post(paths.adminCopy.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const def = await builder.definition(mid(c), paths.adminCopy.params(c).id);
    // The title is content, and content is German.
    const title = translator('de')(`${B}.copyOf`, { title: def.questionnaire.title }).slice(0, 300);
    const id = await builder.copy(mid(c), def.questionnaire.id, title, by);
    return redirectWithFlash(c, paths.admin(slugOf(c), id), t(c)(`${B}.copied`));
  });

  async function showDelete(c: Ctx, def: Definition, form: FormState, status: 200 | 400) {
    const q = def.questionnaire;
    const responses = await services.questionnaires.responses(mid(c), q.id);
    const needsConfirm = q.state !== 'draft' || responses > 0;
    return render(
      c,
      <ConfirmDeletePage
        ctx={pageContext(c)}
        title={t(c)(`${B}.delete.title`)}
        crumbs={[{ href: paths.adminList(slugOf(c)), label: t(c)(`${B}.title`) }, { href: paths.admin(slugOf(c), q.id), label: q.title }]}
        what={q.title}
        action={paths.adminDelete(slugOf(c), q.id)}
        cancelHref={paths.admin(slugOf(c), q.id)}
        consequence={t(c)(`${B}.delete.consequence`, { count: responses })}
        choices={needsConfirm ? <ConfirmChoice t={t(c)} form={form} label={t(c)(`${B}.delete.confirm`, { count: responses })} /> : undefined}
      />,
      status,
    );
  }
  app.get(paths.adminDelete.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    return showDelete(c, await builder.definition(mid(c), paths.adminDelete.params(c).id), { values: {}, errors: {} }, 200);
  });
  app.post(paths.adminDelete.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const def = await builder.definition(mid(c), paths.adminDelete.params(c).id);
    const values = await readForm(c);
    try {
      await builder.delete(mid(c), def.questionnaire.id, values.confirm === '1', by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showDelete(c, def, { values, errors: e.errors }, 400);
      throw e;
    }
    return redirectWithFlash(c, paths.adminList(slugOf(c)), t(c)(`${B}.delete.done`, { title: def.questionnaire.title }));
  });

  // ---- sections ------------------------------------------------------------------------------------------------

  const choiceQuestionsBefore = (def: Definition, sectionIndex: number, index: number): Question[] =>
    def.sections.flatMap((s, si) => s.questions.filter((q, qi) => (si < sectionIndex || (si === sectionIndex && qi < index)) && (q.type === 'single' || q.type === 'multiple')));

  async function showSection(c: Ctx, def: Definition, sectionId: number | null, form: FormState, status: 200 | 400) {
    const tree = await services.plans.tree(mid(c), def.questionnaire.planId);
    const found = sectionId ? builder.sectionOf(def, sectionId) : null;
    const index = found ? found.index : def.sections.length;
    return render(
      c,
      <SectionPage ctx={pageContext(c)} def={def} section={found?.section ?? null} form={form} fields={tree.fields.map((f) => ({ value: String(f.id), label: f.title }))} candidates={choiceQuestionsBefore(def, index, 0)} />,
      status,
    );
  }

  app.get(paths.adminSectionNew.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const def = await builder.definition(mid(c), paths.adminSectionNew.params(c).id);
    return showSection(c, def, null, { values: {}, errors: {} }, 200);
  });
  app.post(paths.adminSectionNew.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const def = await builder.definition(mid(c), paths.adminSectionNew.params(c).id);
    const values = await readForm(c);
    const v = validate(sectionSchema, values);
    if (!v.ok) return showSection(c, def, null, v.form, 400);
    try {
      await builder.createSection(mid(c), def.questionnaire.id, v.data, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showSection(c, def, null, { values, errors: e.errors }, 400);
      throw e;
    }
    return redirectWithFlash(c, paths.admin(slugOf(c), def.questionnaire.id), t(c)(`${B}.section.created`));
  });

  app.get(paths.adminSection.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const { id, sectionId } = paths.adminSection.params(c);
    const def = await builder.definition(mid(c), id);
    const { section } = builder.sectionOf(def, sectionId);
    const values = { title: section.title, description: section.description, field_id: section.fieldId ? String(section.fieldId) : '', condition: section.condition?.optionIds.join(',') ?? '' };
    return showSection(c, def, sectionId, { values, errors: {} }, 200);
  });
  app.post(paths.adminSection.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const { id, sectionId } = paths.adminSection.params(c);
    const def = await builder.definition(mid(c), id);
    builder.sectionOf(def, sectionId);
    const values = await readForm(c);
    const v = validate(sectionSchema, values);
    if (!v.ok) return showSection(c, def, sectionId, v.form, 400);
    try {
      await builder.updateSection(mid(c), id, sectionId, v.data, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showSection(c, def, sectionId, { values, errors: e.errors }, 400);
      throw e;
    }
    return redirectWithFlash(c, paths.admin(slugOf(c), id), t(c)('form.saved'));
  });

  app.get(paths.adminSectionDelete.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const { id, sectionId } = paths.adminSectionDelete.params(c);
    const def = await builder.definition(mid(c), id);
    const { section } = builder.sectionOf(def, sectionId);
    return render(
      c,
      <ConfirmDeletePage
        ctx={pageContext(c)}
        title={t(c)(`${B}.section.delete`)}
        crumbs={[{ href: paths.adminList(slugOf(c)), label: t(c)(`${B}.title`) }, { href: paths.admin(slugOf(c), id), label: def.questionnaire.title }]}
        what={section.title}
        action={paths.adminSectionDelete(slugOf(c), id, sectionId)}
        cancelHref={paths.admin(slugOf(c), id)}
        consequence={t(c)(`${B}.section.deleteConsequence`, { count: section.questions.length })}
      />,
    );
  });
  app.post(paths.adminSectionDelete.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const { id, sectionId } = paths.adminSectionDelete.params(c);
    const def = await builder.definition(mid(c), id);
    try {
      await builder.deleteSection(mid(c), id, sectionId, by);
    } catch (e) {
      return refused(c, e, def, paths.admin(slugOf(c), id));
    }
    return redirectWithFlash(c, paths.admin(slugOf(c), id), t(c)(`${B}.section.deleted`));
  });

  app.post(paths.adminSectionMove.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const { id, sectionId } = paths.adminSectionMove.params(c);
    const def = await builder.definition(mid(c), id);
    builder.sectionOf(def, sectionId);
    const v = validate(moveSchema, await readForm(c));
    if (!v.ok) return c.text(t(c)('errors.choiceInvalid'), 400);
    try {
      await builder.moveSection(mid(c), id, sectionId, v.data.direction, by);
    } catch (e) {
      return refused(c, e, def, paths.admin(slugOf(c), id));
    }
    return redirectWithFlash(c, `${paths.admin(slugOf(c), id)}#section-${sectionId}`, t(c)('form.moved'));
  });

  // ---- questions ---------------------------------------------------------------------------------------------

  async function showQuestion(c: Ctx, model: QuestionFormModel, form: FormState, status: 200 | 400) {
    return render(c, <QuestionPage ctx={pageContext(c)} model={model} form={form} />, status);
  }

  function parseKind(kind: string): { type: QuestionType; demographic: Demographic | null } {
    if (kind.startsWith('demographic:')) {
      const demographic = kind.slice(12) as Demographic;
      return { type: DEMOGRAPHIC_TYPE[demographic], demographic };
    }
    return { type: kind as QuestionType, demographic: null };
  }

  async function newQuestionModel(c: Ctx, kind: string): Promise<QuestionFormModel> {
    const { id, sectionId } = paths.adminQuestionNew.params(c);
    const def = await builder.definition(mid(c), id);
    const { section, index } = builder.sectionOf(def, sectionId);
    const { type, demographic } = parseKind(kind);
    return { def, section, question: null, type, demographic, candidates: choiceQuestionsBefore(def, index, section.questions.length), counts: new Map(), answered: 0 };
  }

  app.get(paths.adminQuestionNew.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const { id, sectionId } = paths.adminQuestionNew.params(c);
    const kind = c.req.query('kind');
    // The kind page sends `step` along: sent without a kind chosen, it says so.
    if (kind === undefined && c.req.query('step') === undefined) {
      const def = await builder.definition(mid(c), id);
      return render(c, <QuestionKindPage ctx={pageContext(c)} def={def} section={builder.sectionOf(def, sectionId).section} form={{ values: {}, errors: {} }} />);
    }
    const v = validate(newQuestionKindSchema, kind === undefined ? {} : { kind });
    if (!v.ok) {
      const def = await builder.definition(mid(c), id);
      return render(c, <QuestionKindPage ctx={pageContext(c)} def={def} section={builder.sectionOf(def, sectionId).section} form={v.form} />, 400);
    }
    const model = await newQuestionModel(c, v.data.kind);
    const values: FormValues = { type: model.type, scale_min: '1', scale_max: '5' };
    if (model.demographic) {
      const d = demographicDefaults(model.demographic as Demographic);
      Object.assign(values, { text: d.text, new_option: d.options.join('\n'), other: d.other ? '1' : '' });
    }
    return showQuestion(c, model, { values, errors: {} }, 200);
  });
  app.post(paths.adminQuestionNew.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const v = validate(newQuestionKindSchema, { kind: c.req.query('kind') ?? '' });
    const values = await readForm(c);
    if (!v.ok) throw new NotFoundError('question kind');
    const model = await newQuestionModel(c, v.data.kind);
    // A demographic question keeps its own type, whatever the form says.
    const parsed = parseQuestionForm({ ...values, type: model.type });
    if (!parsed.ok) return showQuestion(c, model, { values, errors: parsed.errors }, 400);
    try {
      const questionId = await builder.createQuestion(mid(c), model.def.questionnaire.id, model.section.id, parsed.data, model.demographic as Demographic | null, by);
      return redirectWithFlash(c, `${paths.admin(slugOf(c), model.def.questionnaire.id)}#section-${model.section.id}`, t(c)(`${B}.question.created`, { id: questionId }));
    } catch (e) {
      if (e instanceof InvalidInputError) return showQuestion(c, model, { values, errors: e.errors }, 400);
      throw e;
    }
  });

  async function questionModel(c: Ctx, id: number, questionId: number): Promise<QuestionFormModel> {
    const def = await builder.definition(mid(c), id);
    const { question, section, sectionIndex, index } = builder.questionOf(def, questionId);
    const counts = await builder.answerCounts(mid(c), id, question);
    return { def, section, question, type: question.type, demographic: question.demographic, candidates: choiceQuestionsBefore(def, sectionIndex, index), counts: counts.options, answered: counts.question };
  }

  function questionValues(q: Question): FormValues {
    const values: FormValues = {
      type: q.type,
      text: q.text,
      help: q.help,
      required: q.required ? '1' : '',
      condition: q.condition?.optionIds.join(',') ?? '',
      scale_min: String(q.config.min ?? 1),
      scale_max: String(q.config.max ?? 5),
      min_label: q.config.minLabel ?? '',
      max_label: q.config.maxLabel ?? '',
      number_min: q.type === 'number' && q.config.min !== undefined ? String(q.config.min) : '',
      number_max: q.type === 'number' && q.config.max !== undefined ? String(q.config.max) : '',
      integer: q.config.integer ? '1' : '',
      max_length: q.config.maxLength !== undefined ? String(q.config.maxLength) : '',
      other: q.options.some((o) => o.isOther) ? '1' : '',
    };
    for (const o of [...q.options, ...q.rows, ...q.columns]) if (!o.isOther) values[`${o.role}_${o.id}`] = o.label;
    return values;
  }

  app.get(paths.adminQuestion.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const { id, questionId } = paths.adminQuestion.params(c);
    const model = await questionModel(c, id, questionId);
    return showQuestion(c, model, { values: questionValues(model.question!), errors: {} }, 200);
  });
  app.post(paths.adminQuestion.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const { id, questionId } = paths.adminQuestion.params(c);
    const model = await questionModel(c, id, questionId);
    const values = await readForm(c);
    const parsed = parseQuestionForm(model.demographic ? { ...values, type: model.type } : values);
    if (!parsed.ok) return showQuestion(c, model, { values, errors: parsed.errors }, 400);
    try {
      await builder.updateQuestion(mid(c), id, questionId, parsed.data, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showQuestion(c, model, { values, errors: e.errors }, 400);
      throw e;
    }
    // A new type asks for its own settings: the form comes again.
    const to = parsed.data.type !== model.type ? paths.adminQuestion(slugOf(c), id, questionId) : `${paths.admin(slugOf(c), id)}#section-${model.section.id}`;
    return redirectWithFlash(c, to, t(c)('form.saved'));
  });

  app.get(paths.adminQuestionDelete.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const { id, questionId } = paths.adminQuestionDelete.params(c);
    const model = await questionModel(c, id, questionId);
    if (model.answered > 0) return refused(c, new ChangeRefusedError(`${B}.errors.questionHasAnswers|count=${model.answered}`), model.def, paths.adminQuestion(slugOf(c), id, questionId));
    return render(
      c,
      <ConfirmDeletePage
        ctx={pageContext(c)}
        title={t(c)(`${B}.question.delete`)}
        crumbs={[{ href: paths.adminList(slugOf(c)), label: t(c)(`${B}.title`) }, { href: paths.admin(slugOf(c), id), label: model.def.questionnaire.title }]}
        what={model.question!.text}
        action={paths.adminQuestionDelete(slugOf(c), id, questionId)}
        cancelHref={paths.adminQuestion(slugOf(c), id, questionId)}
        consequence={t(c)(`${B}.question.deleteConsequence`)}
      />,
    );
  });
  app.post(paths.adminQuestionDelete.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const { id, questionId } = paths.adminQuestionDelete.params(c);
    const def = await builder.definition(mid(c), id);
    try {
      await builder.deleteQuestion(mid(c), id, questionId, by);
    } catch (e) {
      return refused(c, e, def, paths.adminQuestion(slugOf(c), id, questionId));
    }
    return redirectWithFlash(c, paths.admin(slugOf(c), id), t(c)(`${B}.question.deleted`));
  });

  app.post(paths.adminQuestionMove.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const { id, questionId } = paths.adminQuestionMove.params(c);
    const def = await builder.definition(mid(c), id);
    const { section } = builder.questionOf(def, questionId);
    const v = validate(moveSchema, await readForm(c));
    if (!v.ok) return c.text(t(c)('errors.choiceInvalid'), 400);
    try {
      await builder.moveQuestion(mid(c), id, questionId, v.data.direction, by);
    } catch (e) {
      return refused(c, e, def, paths.admin(slugOf(c), id));
    }
    return redirectWithFlash(c, `${paths.admin(slugOf(c), id)}#section-${section.id}`, t(c)('form.moved'));
  });

  // ---- translations -------------------------------------------------------------------------------------------

  const translatable = (lang: string): string => {
    if (lang === 'de' || !(LANGUAGES as readonly string[]).includes(lang)) throw new NotFoundError('language');
    return lang;
  };

  async function showTranslation(c: Ctx, id: number, lang: string, form: FormState | null, status: 200 | 400) {
    const def = await builder.definition(mid(c), id);
    const rows = await builder.translations(mid(c), id, lang, def);
    const values = form?.values ?? Object.fromEntries(rows.map((r) => [translationField(r), r.text]));
    return render(c, <TranslationPage ctx={pageContext(c)} def={def} lang={lang} rows={rows} form={{ values, errors: form?.errors ?? {} }} />, status);
  }

  app.get(paths.adminTranslation.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const { id, lang } = paths.adminTranslation.params(c);
    return showTranslation(c, id, translatable(lang), null, 200);
  });
  app.post(paths.adminTranslation.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const { id, lang } = paths.adminTranslation.params(c);
    translatable(lang);
    await builder.definition(mid(c), id);
    const values = await readForm(c);
    try {
      await builder.saveTranslations(mid(c), id, lang, values, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showTranslation(c, id, lang, { values, errors: e.errors }, 400);
      throw e;
    }
    return redirectWithFlash(c, paths.adminTranslation(slugOf(c), id, lang), t(c)(`${B}.translation.saved`));
  });

  return app;
}
