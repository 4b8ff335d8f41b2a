// The questionnaire's answer pages: the residents' list, start page, one page per section, review, "continue
// later" and thanks (no account; the answers so far travel sealed in a hidden field, see answer.walk.ts, and
// only "continue later" stores a draft behind a personal link), and the officer's preview (nothing stored: the
// answers travel in a hidden field) and paper form.
import type { TextRef } from '../../platform/i18n/content.js';
import { questionnaireTexts } from './questionnaire.texts.js';
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { clientAddress, TrustedProxies } from '../../platform/auth/client.address.js';
import type { AppEnv } from '../../platform/http/env.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx, withContext } from '../../platform/http/kit.js';
import type { RouteContext, Services } from '../../platform/module.js';
import type { FormState, FormValues } from '../../platform/views/page.js';
import { openWalk, sealWalk, type Walk as SealedWalk } from './answer.walk.js';
import { answersToValues, codeSchema, errorField, HONEYPOT, navOf, parseAll, parsePage, questionsOnPage, readPreviewState } from './answer.schema.js';
import {
  ContinueLaterPage,
  InviteSection,
  PaperPage,
  QuestionnaireListPage,
  RefusedPage,
  ReviewPage,
  SectionPage,
  StartPage,
  ThanksPage,
  type FormTarget,
  type RefusalKind,
} from './answer.view.js';
import { allQuestions, visibleSections, type Answers, type Definition, type QuestionnaireHead, type Section } from './questionnaire.model.js';
import { CodeUsedError } from './questionnaire.service.js';
import { questionnairesPaths as paths } from './questionnaires.paths.js';

const REFUSED_STATUS: Record<RefusalKind, number> = { closed: 410, upcoming: 403, unknownLink: 410, codeUsed: 409, tooMany: 429, bot: 400 };

/** About half a minute a question, at least a minute. */
const minutesFor = (def: Definition) => Math.max(1, Math.round(allQuestions(def).length / 2));

/** Where a walk through the pages stands and how it goes on: the draft (public) or hidden fields (preview). */
interface Walk {
  answers: Answers;
  target: (answers: Answers) => FormTarget;
  /** Keeps the answers and the page reached (a section's id, 0 for the review). */
  keep(answers: Answers, page: number): Promise<void>;
  /** The address the page stands for (the language switch links to it): a draft's personal link. */
  path?: string;
}

export function answerRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, config } = context;
  const app = new Hono<AppEnv>();
  const proxies = new TrustedProxies(config.trustedProxies);
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;

  /**
   * The questionnaire a resident may see: not the officer's draft, never another municipality's. Its definition
   * is kept in memory while the municipality's content version stays.
   */
  const publicQuestionnaire = async (c: Ctx, id: number): Promise<{ q: QuestionnaireHead; def: Definition }> => {
    const m = c.get('municipality');
    const def = await services.questionnaireAnswers.definition(m.id, id, c.get('lang'), Number(m.content_version));
    if (!def || def.questionnaire.state === 'draft') throw new NotFoundError('questionnaire');
    if (c.get('lang') !== 'de') {
      // Which texts stay German (marked lang="de", with the page's note): the German definition's, looked up once more.
      const german = (await services.questionnaireAnswers.definition(m.id, id, 'de', Number(m.content_version)))!;
      c.set('content', await services.content.load(m.id, c.get('lang'), questionnaireTexts(german)));
    }
    return { q: def.questionnaire, def };
  };
  const walkKey = (c: Ctx) => c.get('flashCookie').key;

  const refuse = async (c: Ctx, q: QuestionnaireHead, kind: RefusalKind) => {
    const html = '<!doctype html>' + (await (<RefusedPage ctx={pageContext(c)} q={q} kind={kind} />).toString());
    return c.html(html, REFUSED_STATUS[kind] as 400);
  };

  // ---- the walk through the pages, shared by the residents' pages and the preview ------------------------

  const walkContext = (c: Ctx, walk: Walk) => withContext(pageContext(c), { path: walk.path ?? c.req.path });
  const sectionIndex = (sections: Section[], id: number) => sections.findIndex((s) => s.id === id);

  const showSection = (c: Ctx, def: Definition, walk: Walk, section: Section, form: FormState | null, status: 200 | 400 = 200) => {
    const sections = visibleSections(def, walk.answers);
    const questions = questionsOnPage(section, walk.answers);
    const index = Math.max(0, sectionIndex(sections, section.id));
    const state = form ?? { values: answersToValues(questions, walk.answers), errors: {} };
    return render(c, <SectionPage ctx={walkContext(c, walk)} def={def} section={section} questions={questions} page={index + 1} pages={sections.length + 1} target={walk.target(walk.answers)} form={state} />, status);
  };

  const showReview = (c: Ctx, def: Definition, walk: Walk) => {
    const sections = visibleSections(def, walk.answers);
    return render(
      c,
      <ReviewPage
        ctx={walkContext(c, walk)} def={def} answers={walk.answers} pages={sections.length + 1} target={walk.target(walk.answers)} form={{ values: {}, errors: {} }}
        sections={sections.map((section) => ({ section, questions: questionsOnPage(section, walk.answers) }))}
      />,
    );
  };

  /** Shows the page a walk stands on: a section by id, or the review (0, or a section no longer shown). */
  const showPage = (c: Ctx, def: Definition, walk: Walk, page: number) => {
    const sections = visibleSections(def, walk.answers);
    const section = sections.find((s) => s.id === page) ?? (page === 0 || sections.length === 0 ? null : sections[0]);
    return section ? showSection(c, def, walk, section, null) : showReview(c, def, walk);
  };

  /**
   * One step: read the page's answers (checked when going on; kept as they are when going back or pausing),
   * keep them, and show the next page. `submit` stores the answers when the review is sent.
   */
  const step = async (c: Ctx, def: Definition, walk: Walk, values: FormValues, finish: { later: () => Promise<Response>; submit: () => Promise<Response> }) => {
    const nav = navOf(values);
    const current = Number(values.section ?? '0');
    const sections = visibleSections(def, walk.answers);
    const goto = Number(values.goto ?? '0');
    if (goto > 0) {
      const target = sections.find((s) => s.id === goto);
      if (target) {
        await walk.keep(walk.answers, target.id);
        return showSection(c, def, walk, target, null);
      }
    }
    if (nav === 'resume') return showPage(c, def, walk, current);

    const section = sections.find((s) => s.id === current);
    if (section) {
      const earlier = { ...walk.answers };
      for (const q of section.questions) delete earlier[String(q.id)];
      const questions = questionsOnPage(section, earlier);
      const parsed = parsePage(questions, values, earlier, nav !== 'next');
      if (nav === 'next' && Object.keys(parsed.errors).length > 0) return showSection(c, def, walk, section, { values, errors: parsed.errors }, 400);
      walk.answers = { ...earlier, ...parsed.answers };
      const now = visibleSections(def, walk.answers);
      const at = sectionIndex(now, section.id);
      if (nav === 'later') {
        await walk.keep(walk.answers, section.id);
        return finish.later();
      }
      if (nav === 'back') {
        const previous = now[Math.max(0, at - 1)] ?? now[0];
        await walk.keep(walk.answers, previous.id);
        return showSection(c, def, walk, previous, null);
      }
      const next = now[at + 1];
      await walk.keep(walk.answers, next ? next.id : 0);
      return next ? showSection(c, def, walk, next, null) : showReview(c, def, walk);
    }

    // the review
    if (nav === 'back') {
      const last = sections[sections.length - 1];
      if (last) {
        await walk.keep(walk.answers, last.id);
        return showSection(c, def, walk, last, null);
      }
    }
    if (nav === 'later') return finish.later();
    if (nav === 'submit') {
      // Every shown section checked once more: a condition changed on a later page may have shown a question.
      const all = parseAll(def, answersToValues(allQuestions(def), walk.answers));
      const wrong = Object.keys(all.errors);
      if (wrong.length > 0) {
        const first = sections.find((s) => s.questions.some((q) => wrong.includes(errorField(q)))) ?? sections[0];
        const values = answersToValues(first.questions, walk.answers);
        const errors = Object.fromEntries(Object.entries(all.errors).filter(([k]) => first.questions.some((q) => errorField(q) === k)));
        await walk.keep(walk.answers, first.id);
        return showSection(c, def, walk, first, { values, errors }, 400);
      }
      walk.answers = all.answers;
      return finish.submit();
    }
    return showPage(c, def, walk, current);
  };

  // ---- the residents' pages ---------------------------------------------------------------------------

  app.get(paths.publicList.pattern, async (c) => {
    const items = await services.questionnaireAnswers.publicList(mid(c), c.get('lang'));
    c.set('content', await services.content.load(mid(c), c.get('lang'), items.map(titleRef)));
    return render(c, <QuestionnaireListPage ctx={pageContext(c)} items={items} />);
  });

  const publicTarget = (c: Ctx, id: number, sealed: SealedWalk | null): FormTarget => ({
    action: paths.publicAnswer(slugOf(c), id),
    hidden: sealed ? { walk: sealWalk(walkKey(c), sealed) } : {},
    mode: 'public',
  });

  const showStart = (c: Ctx, q: QuestionnaireHead, def: Definition, form: FormState, status: 200 | 400 = 200) =>
    render(c, <StartPage ctx={pageContext(c)} def={def} availability={services.questionnaireAnswers.availability(q)!} target={publicTarget(c, q.id, null)} form={form} minutes={minutesFor(def)} />, status);

  app.get(paths.publicStart.pattern, async (c) => {
    const { q, def } = await publicQuestionnaire(c, paths.publicStart.params(c).id);
    // the start page is the same for every resident (a campaign's QR code leads here): kept and shared
    c.set('sharedForm', true);
    const code = (c.req.query('code') ?? '').trim().slice(0, 64);
    return showStart(c, q, def, { values: code ? { code } : {}, errors: {} });
  });

  // The answer's address opened directly (a bookmark, the language switch): its start page.
  app.get(paths.publicAnswer.pattern, (c) => c.redirect(paths.publicStart(slugOf(c), paths.publicAnswer.params(c).id), 303));

  /** The resident's walk: its answers and page live in the sealed field; a saved draft is saved again. */
  const residentWalk = (c: Ctx, id: number, sealed: SealedWalk): Walk => ({
    answers: sealed.a,
    target: (answers) => publicTarget(c, id, { ...sealed, a: answers }),
    path: sealed.d !== null ? paths.publicContinue(slugOf(c), id, sealed.t) : undefined,
    keep: async (answers, page) => {
      sealed.a = answers;
      sealed.p = page;
      await services.questionnaireAnswers.keep(mid(c), sealed, c.get('lang'));
    },
  });

  const continueLater = async (c: Ctx, def: Definition, id: number, sealed: SealedWalk) => {
    await services.questionnaireAnswers.saveForLater(mid(c), sealed, c.get('lang'));
    return render(c, <ContinueLaterPage ctx={pageContext(c)} def={def} url={`${config.publicUrl}${paths.publicContinue(slugOf(c), id, sealed.t)}`} expiresAt={sealed.e} target={publicTarget(c, id, sealed)} />);
  };

  app.post(paths.publicAnswer.pattern, async (c) => {
    const id = paths.publicAnswer.params(c).id;
    const { q, def } = await publicQuestionnaire(c, id);
    const values = await readForm(c);
    const answers = services.questionnaireAnswers;
    if ((values[HONEYPOT] ?? '').trim() !== '') return refuse(c, q, 'bot');
    const raw = values.walk ?? '';
    const sealed = raw ? openWalk(walkKey(c), raw, mid(c), id, context.clock()) : null;
    if (raw && !sealed) return refuse(c, q, 'unknownLink');
    const availability = answers.availability(q);
    if (availability !== 'open') {
      // A submit sent again after the closing still finds its response.
      if (sealed && (await answers.submittedWith(mid(c), id, sealed.t))) return c.redirect(paths.publicThanks(slugOf(c), id), 303);
      return refuse(c, q, availability === 'upcoming' ? 'upcoming' : 'closed');
    }

    if (!sealed) {
      let codeId: number | null = null;
      if (q.access === 'codes') {
        const v = validate(codeSchema, values);
        if (!v.ok) return showStart(c, q, def, v.form, 400);
        const found = await answers.redeemCode(mid(c), id, v.data.code);
        if (found === undefined) return showStart(c, q, def, { values, errors: { code: 'questionnaires.answer.errors.codeUnknown' } }, 400);
        codeId = found;
      } else if (!answers.limiter.take(clientAddress(c, proxies), id)) {
        return refuse(c, q, 'tooMany');
      }
      const first = visibleSections(def, {})[0];
      const walk = residentWalk(c, id, answers.newWalk(mid(c), id, codeId, first?.id ?? 0));
      return first ? showSection(c, def, walk, first, null) : showReview(c, def, walk);
    }

    // A walk whose draft is gone, or whose code was spent: sent already (a second click, the back button, a
    // resent form) leads to the thanks page; otherwise it cannot go on.
    const draftGone = !(await answers.draftExists(mid(c), sealed));
    if (draftGone || !(await answers.codeStillValid(mid(c), sealed))) {
      if (await answers.submittedWith(mid(c), id, sealed.t)) return c.redirect(paths.publicThanks(slugOf(c), id), 303);
      return refuse(c, q, draftGone ? 'unknownLink' : 'codeUsed');
    }
    const walk = residentWalk(c, id, sealed);
    return step(c, def, walk, values, {
      later: () => continueLater(c, def, id, { ...sealed, a: walk.answers }),
      submit: async () => {
        try {
          await answers.submitWalk(mid(c), def, { ...sealed, a: walk.answers }, c.get('lang'));
        } catch (e) {
          if (e instanceof CodeUsedError) return refuse(c, q, 'codeUsed');
          throw e;
        }
        return c.redirect(paths.publicThanks(slugOf(c), id), 303);
      },
    });
  });

  app.get(paths.publicContinue.pattern, async (c) => {
    const { id, token } = paths.publicContinue.params(c);
    const { q, def } = await publicQuestionnaire(c, id);
    const answers = services.questionnaireAnswers;
    const sealed = await answers.walkFromDraft(mid(c), id, token);
    if (!sealed) {
      if (await answers.submittedWith(mid(c), id, token)) return c.redirect(paths.publicThanks(slugOf(c), id), 303);
      return refuse(c, q, 'unknownLink');
    }
    const availability = answers.availability(q);
    if (availability !== 'open') return refuse(c, q, availability === 'upcoming' ? 'upcoming' : 'closed');
    if (!(await answers.codeStillValid(mid(c), sealed))) return refuse(c, q, 'codeUsed');
    return showPage(c, def, residentWalk(c, id, sealed), sealed.p);
  });

  app.get(paths.publicThanks.pattern, async (c) => {
    const { def } = await publicQuestionnaire(c, paths.publicThanks.params(c).id);
    return render(c, <ThanksPage ctx={pageContext(c)} def={def} mode="public" />);
  });

  // ---- the officer: preview (nothing stored) and paper answers ----------------------------------------

  const adminDefinition = async (c: Ctx, id: number) => {
    const def = await services.questionnaireAnswers.definition(mid(c), id, c.get('lang'));
    if (!def) throw new NotFoundError('questionnaire');
    return def;
  };

  const previewTarget = (c: Ctx, id: number, answers: Answers): FormTarget => ({ action: paths.adminPreview(slugOf(c), id), hidden: { state: JSON.stringify(answers) }, mode: 'preview' });

  app.get(paths.adminPreview.pattern, async (c) => {
    requirePermission(c, 'questionnaires.manage');
    const id = paths.adminPreview.params(c).id;
    const def = await adminDefinition(c, id);
    return render(c, <StartPage ctx={pageContext(c)} def={def} availability="open" target={previewTarget(c, id, {})} form={{ values: {}, errors: {} }} minutes={minutesFor(def)} />);
  });

  app.post(paths.adminPreview.pattern, async (c) => {
    requirePermission(c, 'questionnaires.manage');
    const id = paths.adminPreview.params(c).id;
    const def = await adminDefinition(c, id);
    const values = await readForm(c);
    const walk: Walk = { answers: readPreviewState(values.state), target: (answers) => previewTarget(c, id, answers), keep: async () => undefined };
    if (navOf(values) === 'start') {
      const first = visibleSections(def, {})[0];
      return first ? showSection(c, def, walk, first, null) : showReview(c, def, walk);
    }
    return step(c, def, walk, values, {
      later: () => showPage(c, def, walk, Number(values.section ?? '0')),
      submit: () => render(c, <ThanksPage ctx={pageContext(c)} def={def} mode="preview" />),
    });
  });

  const paperDefinition = async (c: Ctx, id: number) => {
    const def = await adminDefinition(c, id);
    if (def.questionnaire.state === 'draft') throw new NotFoundError('published questionnaire');
    return def;
  };
  const newKey = () => randomBytes(18).toString('base64url');
  const showPaper = (c: Ctx, def: Definition, form: FormState, key: string, status: 200 | 400 = 200) =>
    render(c, <PaperPage ctx={pageContext(c)} def={def} sections={def.sections} form={form} target={{ action: paths.adminPaper(slugOf(c), def.questionnaire.id), hidden: { key }, mode: 'paper' }} />, status);

  app.get(paths.adminPaper.pattern, async (c) => {
    requirePermission(c, 'questionnaires.manage');
    const def = await paperDefinition(c, paths.adminPaper.params(c).id);
    return showPaper(c, def, { values: {}, errors: {} }, newKey());
  });

  app.post(paths.adminPaper.pattern, async (c) => {
    const by = requirePermission(c, 'questionnaires.manage');
    const def = await paperDefinition(c, paths.adminPaper.params(c).id);
    const values = await readForm(c);
    // The key made with the form: the same sheet sent twice is stored once.
    const key = /^[A-Za-z0-9_-]{16,64}$/.test(values.key ?? '') ? values.key! : newKey();
    const parsed = parseAll(def, values);
    if (Object.keys(parsed.errors).length > 0) return showPaper(c, def, { values, errors: parsed.errors }, key, 400);
    const r = await services.questionnaireAnswers.submitPaper(mid(c), def, parsed.answers, key, by);
    return redirectWithFlash(c, paths.adminPaper(slugOf(c), def.questionnaire.id), c.get('t')(r.duplicate ? 'questionnaires.answer.paper.duplicate' : 'questionnaires.answer.paper.saved'));
  });

  return app;
}

/** A questionnaire's title as the content texts know it (its German), to mark it lang="de" where untranslated. */
const titleRef = (i: { q: { id: number }; germanTitle: string }): TextRef => ({ entityType: 'questionnaire', entityId: i.q.id, field: 'title', source: i.germanTitle });

/** The invitation on the municipality's start page: the questionnaires open now. */
export function answerSections(services: Services) {
  return {
    'municipality.public': async (c: Ctx): Promise<Child | null> => {
      const items = (await services.questionnaireAnswers.publicList(c.get('municipality').id, c.get('lang'))).filter((i) => i.availability === 'open');
      if (items.length === 0) return null;
      const ct = await services.content.load(c.get('municipality').id, c.get('lang'), items.map(titleRef));
      // The start page's note about German texts counts these, too.
      c.set('content', ct.with(c.get('content')));
      return <InviteSection ctx={withContext(pageContext(c), { content: ct })} open={items.map((i) => i.q)} />;
    },
  };
}
