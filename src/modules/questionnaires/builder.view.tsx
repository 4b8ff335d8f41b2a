// The builder's pages: the list, the settings form, a questionnaire's page with its sections and questions,
// the section and question forms (options edited without JavaScript), and the translation page. Pure views.
import type { Child } from 'hono/jsx';
import { ActionButton, Checkbox, Csrf, ErrorSummary, errorText, fieldId, hintWithLimit, Select, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { formatDate, formatNumber } from '../../platform/views/format.js';
import type { T } from '../../platform/i18n/i18n.js';
import type { ListedQuestionnaire } from './builder.repository.js';
import { HELP_MAX, isChoice, LONG_TEXT_MAX, OPTION_MAX, PRIVACY_MAX, QUESTION_KINDS, QUESTION_MAX, TITLE_MAX, type QuestionKind } from './builder.schema.js';
import type { PublishProblem, TranslationRow } from './builder.service.js';
import { translationField } from './builder.service.js';
import type { Definition, QOption, Question, QuestionnaireHead, QuestionnaireState, QuestionType, Section } from './questionnaire.model.js';
import { paths } from './questionnaires.paths.js';

const B = 'questionnaires.builder';

export function StateBadge({ t, state }: { t: T; state: QuestionnaireState }) {
  const variant = state === 'published' ? 'success' : state === 'closed' ? 'warning' : 'info';
  return (
    <span class={`kern-badge kern-badge--${variant}`}>
      <span class="kern-label kern-label--small">{t(`questionnaires.state.${state}`)}</span>
    </span>
  );
}

const when = (iso: string | null, lang: string, t: T) => (iso ? formatDate(iso, lang) : t(`${B}.noDate`));

const listCrumb = (ctx: PageContext): Crumb => ({ href: paths.adminList(ctx.municipality!.slug), label: ctx.t(`${B}.title`) });
const questionnaireCrumb = (ctx: PageContext, q: QuestionnaireHead): Crumb => ({ href: paths.admin(ctx.municipality!.slug, q.id), label: q.title });

// ---- the list -------------------------------------------------------------------------------------------------

export function ListPage({ ctx, items }: { ctx: PageContext; items: ListedQuestionnaire[] }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t(`${B}.title`)} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{t(`${B}.title`)}</h1>
          <p class="kern-body">{t(`${B}.intro`)}</p>
          <p>
            <a class="kern-btn kern-btn--primary" href={paths.adminNew(slug)}>
              <span class="kern-label">{t(`${B}.new`)}</span>
            </a>
          </p>
        </div>
        <DataTable
          caption={t(`${B}.title`)}
          columns={[{ label: t(`${B}.list.title`) }, { label: t(`${B}.list.plan`) }, { label: t(`${B}.list.state`) }, { label: t(`${B}.list.opens`) }, { label: t(`${B}.list.closes`) }, { label: t(`${B}.list.responses`), numeric: true }]}
          rowHeaders
          rows={items.map((q) => [
            <a class="kern-link" href={paths.admin(slug, q.id)}>{q.title}</a>,
            q.planTitle,
            <StateBadge t={t} state={q.state} />,
            when(q.opensAt, lang, t),
            when(q.closesAt, lang, t),
            formatNumber(q.responses, lang),
          ])}
          empty={t(`${B}.list.empty`)}
        />
      </div>
    </Layout>
  );
}

// ---- settings --------------------------------------------------------------------------------------------------

function DateTimeGroup({ t, form, name, legend }: { t: T; form: FormState; name: 'opens' | 'closes'; legend: string }) {
  const error = form.errors[`${name}_date`] ?? form.errors[`${name}_time`];
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}>
      <legend class="kern-label">{legend}</legend>
      <div class="kern-hint">{t(`${B}.settings.${name}Hint`)}</div>
      <div class="date-time">
        <TextField t={t} form={form} name={`${name}_date`} label={t(`${B}.settings.date`)} type="date" width="short" optional />
        <TextField t={t} form={form} name={`${name}_time`} label={t(`${B}.settings.time`)} type="time" width="short" optional />
      </div>
    </fieldset>
  );
}

export function SettingsPage(props: {
  ctx: PageContext;
  questionnaire: QuestionnaireHead | null;
  form: FormState;
  plans: Array<{ value: string; label: string }>;
  privacyVersion: number | null;
}) {
  const { ctx, form, questionnaire: q } = props;
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = q ? t(`${B}.settings.title`) : t(`${B}.new`);
  const labels: Record<string, string> = {
    plan_id: t(`${B}.settings.plan`),
    title: t(`${B}.settings.name`),
    welcome: t(`${B}.settings.welcome`),
    thanks: t(`${B}.settings.thanks`),
    opens_date: t(`${B}.settings.opens`),
    opens_time: t(`${B}.settings.opens`),
    closes_date: t(`${B}.settings.closes`),
    closes_time: t(`${B}.settings.closes`),
    access: t(`${B}.settings.access`),
    privacy: t(`${B}.settings.privacy`),
  };
  const action = q ? paths.adminSettings(slug, q.id) : paths.adminNew(slug);
  return (
    <Layout ctx={ctx} title={title} crumbs={q ? [listCrumb(ctx), questionnaireCrumb(ctx, q)] : [listCrumb(ctx)]} area="admin">
      <h1 class="kern-heading-large">{title}</h1>
      <form method="post" action={action} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={labels} />
        <Csrf token={ctx.csrfToken} />
        <Select t={t} form={form} name="plan_id" label={labels.plan_id} options={props.plans} empty={q ? undefined : t(`${B}.settings.choosePlan`)} hint={t(`${B}.settings.planHint`)} />
        <TextField t={t} form={form} name="title" label={labels.title} maxLength={TITLE_MAX} hint={hintWithLimit(t, undefined, TITLE_MAX)} />
        <TextArea t={t} form={form} name="welcome" label={labels.welcome} optional rows={4} maxLength={LONG_TEXT_MAX} hint={hintWithLimit(t, t(`${B}.settings.welcomeHint`), LONG_TEXT_MAX)} />
        <TextArea t={t} form={form} name="thanks" label={labels.thanks} optional rows={3} maxLength={LONG_TEXT_MAX} hint={hintWithLimit(t, t(`${B}.settings.thanksHint`), LONG_TEXT_MAX)} />
        <DateTimeGroup t={t} form={form} name="opens" legend={labels.opens_date} />
        <DateTimeGroup t={t} form={form} name="closes" legend={labels.closes_date} />
        <fieldset class={`kern-fieldset${form.errors.access ? ' kern-fieldset--error' : ''}`} id={fieldId('access')}>
          <legend class="kern-label">{labels.access}</legend>
          {form.errors.access ? <p class="kern-error">{errorText(t, form.errors.access)}</p> : null}
          <div class="kern-fieldset__body">
            {(['open', 'codes'] as const).map((a) => (
              <div class="kern-form-check">
                <input class="kern-form-check__radio" type="radio" id={`${fieldId('access')}-${a}`} name="access" value={a} checked={(form.values.access ?? 'open') === a} />
                <label class="kern-label" for={`${fieldId('access')}-${a}`}>
                  {t(`questionnaires.access.${a}`)}
                  <span class="kern-hint">{t(`${B}.settings.accessHint.${a}`)}</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <Checkbox t={t} form={form} name="results_public" label={t(`${B}.settings.resultsPublic`)} />
        <TextArea
          t={t}
          form={form}
          name="privacy"
          label={labels.privacy}
          optional
          rows={8}
          maxLength={PRIVACY_MAX}
          hint={hintWithLimit(t, props.privacyVersion ? t(`${B}.settings.privacyVersioned`, { version: props.privacyVersion }) : t(`${B}.settings.privacyHint`), PRIVACY_MAX)}
        />
        <div class="actions">
          <SubmitButton label={q ? t('form.save') : t(`${B}.create`)} />
          <a class="kern-link" href={q ? paths.admin(slug, q.id) : paths.adminList(slug)}>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

// ---- a questionnaire's page --------------------------------------------------------------------------------------

export interface QuestionnaireModel {
  def: Definition;
  planTitle: string;
  responses: number;
  answered: Map<number, number>;
  fields: Map<number, string>;
  languages: Array<{ lang: string; missing: number; outdated: number }>;
  problems: PublishProblem[];
  canReopen: boolean;
}

function conditionText(t: T, def: Definition, c: Section['condition']): string | null {
  if (!c) return null;
  const source = def.sections.flatMap((s) => s.questions).find((q) => q.id === c.questionId);
  if (!source) return null;
  const labels = source.options.filter((o) => c.optionIds.includes(o.id)).map((o) => `„${o.label}“`);
  return t(`${B}.condition.summary`, { question: source.text, options: labels.join(t(`${B}.condition.or`)) });
}

function questionSummary(t: T, q: Question): string {
  const kind = q.demographic ? t(`questionnaires.demographic.${q.demographic}`) : t(`questionnaires.type.${q.type}`);
  return [kind, q.required ? t(`${B}.question.required`) : t(`${B}.question.optional`)].join(' · ');
}

export function QuestionnairePage({ ctx, model }: { ctx: PageContext; model: QuestionnaireModel }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const { def } = model;
  const q = def.questionnaire;
  const problemLink = (p: PublishProblem) => (p.questionId ? paths.adminQuestion(slug, q.id, p.questionId) : paths.adminSettings(slug, q.id));
  return (
    <Layout ctx={ctx} title={q.title} crumbs={[listCrumb(ctx)]} area="admin">
      <div class="stack-lg">
        {model.problems.length ? (
          <div class="kern-alert kern-alert--danger error-summary" role="alert" aria-labelledby="publish-problems-title" tabindex={-1}>
            <div class="kern-alert__header">
              <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
              <h2 class="kern-title" id="publish-problems-title">{t(`${B}.publish.problems`)}</h2>
            </div>
            <div class="kern-alert__body">
              <ul class="kern-list">
                {model.problems.map((p) => {
                  const question = p.questionId ? def.sections.flatMap((s) => s.questions).find((x) => x.id === p.questionId) : undefined;
                  return (
                    <li>
                      <a class="kern-link" href={problemLink(p)}>
                        {question ? `${question.text}: ` : ''}
                        {errorText(t, p.key)}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          </div>
        ) : null}
        <div class="stack">
          <h1 class="kern-heading-large">{q.title}</h1>
          <dl class="facts">
            <dt>{t(`${B}.list.state`)}</dt>
            <dd><StateBadge t={t} state={q.state} /></dd>
            <dt>{t(`${B}.list.plan`)}</dt>
            <dd>{model.planTitle}</dd>
            <dt>{t(`${B}.list.opens`)}</dt>
            <dd>{when(q.opensAt, lang, t)}</dd>
            <dt>{t(`${B}.list.closes`)}</dt>
            <dd>{when(q.closesAt, lang, t)}</dd>
            <dt>{t(`${B}.settings.access`)}</dt>
            <dd>{t(`questionnaires.access.${q.access}`)}</dd>
            <dt>{t(`${B}.settings.resultsPublicShort`)}</dt>
            <dd>{q.resultsPublic ? t(`${B}.yes`) : t(`${B}.no`)}</dd>
            <dt>{t(`${B}.settings.privacy`)}</dt>
            <dd>{def.privacy ? t(`${B}.privacyVersion`, { version: def.privacy.version }) : t(`${B}.privacyNone`)}</dd>
            <dt>{t(`${B}.list.responses`)}</dt>
            <dd>{formatNumber(model.responses, lang)}</dd>
          </dl>
          <p class="actions">
            <a class="kern-link" href={paths.adminSettings(slug, q.id)}>{t(`${B}.settings.title`)}</a>
            <a class="kern-link" href={paths.adminPreview(slug, q.id)}>{t(`${B}.links.preview`)}</a>
            <a class="kern-link" href={paths.adminPaper(slug, q.id)}>{t(`${B}.links.paper`)}</a>
            {q.access === 'codes' ? <a class="kern-link" href={paths.adminCodes(slug, q.id)}>{t(`${B}.links.codes`)}</a> : null}
            <a class="kern-link" href={paths.adminResults(slug, q.id)}>{t(`${B}.links.results`)}</a>
            {q.state !== 'draft' ? <a class="kern-link" href={paths.publicStart(slug, q.id)}>{t(`${B}.links.public`)}</a> : null}
          </p>
        </div>

        <section class="stack" aria-labelledby="state-title">
          <h2 class="kern-heading-medium" id="state-title">{t(`${B}.publish.heading`)}</h2>
          <p class="kern-body">{t(`${B}.publish.explain.${q.state}`)}</p>
          <div class="actions">
            {q.state === 'draft' ? <ActionButton action={paths.adminPublish(slug, q.id)} csrfToken={ctx.csrfToken} label={t(`${B}.publish.publish`)} variant="primary" size="default" /> : null}
            {q.state === 'published' ? <ActionButton action={paths.adminClose(slug, q.id)} csrfToken={ctx.csrfToken} label={t(`${B}.publish.close`)} size="default" /> : null}
            {q.state === 'closed' && model.canReopen ? <ActionButton action={paths.adminPublish(slug, q.id)} csrfToken={ctx.csrfToken} label={t(`${B}.publish.reopen`)} size="default" /> : null}
            <ActionButton action={paths.adminCopy(slug, q.id)} csrfToken={ctx.csrfToken} label={t(`${B}.copy`)} size="default" variant="tertiary" />
            <a class="kern-link" href={paths.adminDelete(slug, q.id)}>{t(`${B}.delete.link`)}</a>
          </div>
          {q.state === 'closed' && !model.canReopen ? <p class="kern-body">{t(`${B}.publish.noReopen`)}</p> : null}
        </section>

        <section class="stack" aria-labelledby="sections-title">
          <h2 class="kern-heading-medium" id="sections-title">{t(`${B}.sections`)}</h2>
          {q.state !== 'draft' ? <p class="kern-body">{t(`${B}.lockExplained`)}</p> : null}
          {def.sections.length === 0 ? <p class="kern-body">{t(`${B}.noSections`)}</p> : null}
          {def.sections.map((s, si) => (
            <section class="stack questionnaire-section" aria-labelledby={`section-${s.id}`}>
              <h3 class="kern-heading-small" id={`section-${s.id}`}>
                {t(`${B}.sectionNumbered`, { n: si + 1, title: s.title })}
              </h3>
              {s.fieldId && model.fields.get(s.fieldId) ? <p class="kern-body">{t(`${B}.section.fieldOf`, { field: model.fields.get(s.fieldId) })}</p> : null}
              {s.condition ? <p class="kern-body">{conditionText(t, def, s.condition)}</p> : null}
              <div class="actions">
                <a class="kern-link" href={paths.adminSection(slug, q.id, s.id)}>{t(`${B}.section.edit`)}<span class="kern-sr-only"> {s.title}</span></a>
                {si > 0 ? <ActionButton action={paths.adminSectionMove(slug, q.id, s.id)} csrfToken={ctx.csrfToken} label={t('form.up')} srLabel={s.title} fields={{ direction: 'up' }} variant="tertiary" /> : null}
                {si < def.sections.length - 1 ? <ActionButton action={paths.adminSectionMove(slug, q.id, s.id)} csrfToken={ctx.csrfToken} label={t('form.down')} srLabel={s.title} fields={{ direction: 'down' }} variant="tertiary" /> : null}
                <a class="kern-link" href={paths.adminSectionDelete(slug, q.id, s.id)}>{t('form.delete')}<span class="kern-sr-only"> {s.title}</span></a>
              </div>
              {s.questions.length ? (
                <ol class="question-list">
                  {s.questions.map((question, qi) => (
                    <li class="stack-sm">
                      <a class="kern-link" href={paths.adminQuestion(slug, q.id, question.id)}>{question.text}</a>
                      <span class="kern-body kern-body--small"> ({questionSummary(t, question)}{model.answered.get(question.id) ? ` · ${t(`${B}.answers`, { count: model.answered.get(question.id) })}` : ''})</span>
                      {question.condition ? <p class="kern-body kern-body--small">{conditionText(t, def, question.condition)}</p> : null}
                      <div class="actions">
                        {qi > 0 ? <ActionButton action={paths.adminQuestionMove(slug, q.id, question.id)} csrfToken={ctx.csrfToken} label={t('form.up')} srLabel={question.text} fields={{ direction: 'up' }} variant="tertiary" /> : null}
                        {qi < s.questions.length - 1 ? <ActionButton action={paths.adminQuestionMove(slug, q.id, question.id)} csrfToken={ctx.csrfToken} label={t('form.down')} srLabel={question.text} fields={{ direction: 'down' }} variant="tertiary" /> : null}
                      </div>
                    </li>
                  ))}
                </ol>
              ) : (
                <p class="kern-body">{t(`${B}.noQuestions`)}</p>
              )}
              <p>
                <a class="kern-link" href={paths.adminQuestionNew(slug, q.id, s.id)}>{t(`${B}.question.new`)}<span class="kern-sr-only"> ({s.title})</span></a>
              </p>
            </section>
          ))}
          <p>
            <a class="kern-btn kern-btn--secondary" href={paths.adminSectionNew(slug, q.id)}>
              <span class="kern-label">{t(`${B}.section.new`)}</span>
            </a>
          </p>
        </section>

        {model.languages.length ? (
          <section class="stack" aria-labelledby="translations-title">
            <h2 class="kern-heading-medium" id="translations-title">{t(`${B}.translation.heading`)}</h2>
            <ul class="kern-list">
              {model.languages.map((l) => (
                <li>
                  <a class="kern-link" href={paths.adminTranslation(slug, q.id, l.lang)}>{t(`${B}.translation.language.${l.lang}`, { defaultValue: l.lang })}</a>
                  {' – '}
                  {t(`${B}.translation.status`, { missing: l.missing, outdated: l.outdated })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

// ---- conditions -------------------------------------------------------------------------------------------------

/** The choice of an earlier question's options: checkboxes grouped by question; the condition holds if one is chosen. */
export function ConditionField({ t, form, candidates }: { t: T; form: FormState; candidates: Question[] }) {
  const chosen = new Set((form.values.condition ?? '').split(',').filter(Boolean));
  const error = form.errors.condition;
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id={fieldId('condition')}>
      <legend class="kern-label">
        {t(`${B}.condition.legend`)}
        <span class="kern-label__optional"> – {t('form.optional')}</span>
      </legend>
      <div class="kern-hint">{t(`${B}.condition.hint`)}</div>
      {error ? <p class="kern-error">{errorText(t, error)}</p> : null}
      {candidates.length === 0 ? (
        <p class="kern-body">{t(`${B}.condition.none`)}</p>
      ) : (
        candidates.map((q) => (
          <fieldset class="kern-fieldset condition-question">
            <legend class="kern-label">{q.text}</legend>
            <div class="kern-fieldset__body checkbox-list">
              {q.options.map((o) => (
                <div class="kern-form-check">
                  <input class="kern-form-check__checkbox" type="checkbox" id={`${fieldId('condition')}-${o.id}`} name="condition" value={String(o.id)} checked={chosen.has(String(o.id))} />
                  <label class="kern-label" for={`${fieldId('condition')}-${o.id}`}>{o.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ))
      )}
    </fieldset>
  );
}

// ---- sections ----------------------------------------------------------------------------------------------------

export function SectionPage(props: { ctx: PageContext; def: Definition; section: Section | null; form: FormState; fields: Array<{ value: string; label: string }>; candidates: Question[] }) {
  const { ctx, def, section, form } = props;
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const q = def.questionnaire;
  const title = section ? t(`${B}.section.edit`) : t(`${B}.section.new`);
  const labels = { title: t(`${B}.section.title`), description: t(`${B}.section.description`), field_id: t(`${B}.section.field`), condition: t(`${B}.condition.legend`) };
  return (
    <Layout ctx={ctx} title={title} crumbs={[listCrumb(ctx), questionnaireCrumb(ctx, q)]} area="admin">
      <h1 class="kern-heading-large">{title}</h1>
      <form method="post" action={section ? paths.adminSection(slug, q.id, section.id) : paths.adminSectionNew(slug, q.id)} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={labels} />
        <Csrf token={ctx.csrfToken} />
        <TextField t={t} form={form} name="title" label={labels.title} maxLength={TITLE_MAX} hint={hintWithLimit(t, undefined, TITLE_MAX)} />
        <TextArea t={t} form={form} name="description" label={labels.description} optional maxLength={HELP_MAX} hint={hintWithLimit(t, t(`${B}.section.descriptionHint`), HELP_MAX)} />
        <Select t={t} form={form} name="field_id" label={labels.field_id} options={props.fields} empty={t(`${B}.section.noField`)} hint={t(`${B}.section.fieldHint`)} optional />
        <ConditionField t={t} form={form} candidates={props.candidates} />
        <div class="actions">
          <SubmitButton label={t('form.save')} />
          <a class="kern-link" href={paths.admin(slug, q.id)}>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

// ---- questions ---------------------------------------------------------------------------------------------------

export function QuestionKindPage({ ctx, def, section, form }: { ctx: PageContext; def: Definition; section: Section; form: FormState }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const q = def.questionnaire;
  const kindLabel = (k: QuestionKind) => (k.startsWith('demographic:') ? t(`questionnaires.demographic.${k.slice(12)}`) : t(`questionnaires.type.${k}`));
  return (
    <Layout ctx={ctx} title={t(`${B}.question.new`)} crumbs={[listCrumb(ctx), questionnaireCrumb(ctx, q)]} area="admin">
      <h1 class="kern-heading-large">{t(`${B}.question.new`)}</h1>
      <p class="kern-body">{t(`${B}.question.inSection`, { section: section.title })}</p>
      <form method="get" action={paths.adminQuestionNew(slug, q.id, section.id)} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={{ kind: t(`${B}.question.kind`) }} />
        <input type="hidden" name="step" value="kind" />
        {(['types', 'demographics'] as const).map((group) => (
          <fieldset class={`kern-fieldset${form.errors.kind ? ' kern-fieldset--error' : ''}`} id={group === 'types' ? fieldId('kind') : undefined}>
            <legend class="kern-label">{t(`${B}.question.kindGroup.${group}`)}</legend>
            {group === 'demographics' ? <div class="kern-hint">{t(`${B}.question.demographicsHint`)}</div> : null}
            {group === 'types' && form.errors.kind ? <p class="kern-error">{errorText(t, form.errors.kind)}</p> : null}
            <div class="kern-fieldset__body">
              {QUESTION_KINDS.filter((k) => (group === 'types') !== k.startsWith('demographic:')).map((k) => (
                <div class="kern-form-check">
                  <input class="kern-form-check__radio" type="radio" id={`kind-${k.replace(':', '-')}`} name="kind" value={k} checked={form.values.kind === k} />
                  <label class="kern-label" for={`kind-${k.replace(':', '-')}`}>{kindLabel(k)}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ))}
        <div class="actions">
          <SubmitButton label={t(`${B}.question.continue`)} />
          <a class="kern-link" href={paths.admin(slug, q.id)}>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

/** A list of options (or matrix rows or columns) edited without JavaScript. */
function ListEditor({ t, form, prefix, items, counts, legend }: { t: T; form: FormState; prefix: 'option' | 'row' | 'column'; items: QOption[]; counts: Map<number, number>; legend: string }) {
  return (
    <fieldset class="kern-fieldset" id={fieldId(`list_${prefix}`)}>
      <legend class="kern-label">{legend}</legend>
      <div class="kern-fieldset__body stack">
        {items.map((o, i) => {
          const n = counts.get(o.id) ?? 0;
          const label = t(`${B}.list_${prefix}.item`, { n: i + 1 });
          return (
            <div class="option-edit">
              <TextField t={t} form={form} name={`${prefix}_${o.id}`} label={label} maxLength={OPTION_MAX} hint={n ? t(`${B}.answersHere`, { count: n }) : undefined} />
              <Checkbox t={t} form={form} name={`remove_${prefix}_${o.id}`} label={t(`${B}.list_${prefix}.remove`, { n: i + 1 })} />
            </div>
          );
        })}
        <TextArea t={t} form={form} name={`new_${prefix}`} label={t(`${B}.list_${prefix}.new`)} hint={t(`${B}.onePerLine`)} optional rows={4} />
      </div>
    </fieldset>
  );
}

export interface QuestionFormModel {
  def: Definition;
  section: Section;
  question: Question | null;
  type: QuestionType;
  demographic: string | null;
  candidates: Question[];
  counts: Map<number, number>;
  answered: number;
}

export function QuestionPage({ ctx, model, form }: { ctx: PageContext; model: QuestionFormModel; form: FormState }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const { def, question, type } = model;
  const q = def.questionnaire;
  const title = question ? t(`${B}.question.edit`) : t(`${B}.question.new`);
  const kind = model.demographic ? t(`questionnaires.demographic.${model.demographic}`) : t(`questionnaires.type.${type}`);
  const labels: Record<string, string> = {
    text: t(`${B}.question.text`),
    help: t(`${B}.question.help`),
    type: t(`${B}.question.type`),
    scale_min: t(`${B}.question.scaleMin`),
    scale_max: t(`${B}.question.scaleMax`),
    min_label: t(`${B}.question.minLabel`),
    max_label: t(`${B}.question.maxLabel`),
    number_min: t(`${B}.question.numberMin`),
    number_max: t(`${B}.question.numberMax`),
    max_length: t(`${B}.question.maxLength`),
    other: t(`${B}.question.other`),
    condition: t(`${B}.condition.legend`),
    new_option: t(`${B}.list_option.new`),
    new_row: t(`${B}.list_row.new`),
    new_column: t(`${B}.list_column.new`),
  };
  const lists: Array<{ prefix: 'option' | 'row' | 'column'; items: QOption[] }> = [];
  if (isChoice(type)) lists.push({ prefix: 'option', items: question?.options.filter((o) => !o.isOther) ?? [] });
  if (type === 'matrix') lists.push({ prefix: 'row', items: question?.rows ?? [] }, { prefix: 'column', items: question?.columns ?? [] });
  for (const l of lists) l.items.forEach((o, i) => {
    labels[`${l.prefix}_${o.id}`] = t(`${B}.list_${l.prefix}.item`, { n: i + 1 });
    labels[`remove_${l.prefix}_${o.id}`] = t(`${B}.list_${l.prefix}.remove`, { n: i + 1 });
  });
  const action = question ? paths.adminQuestion(slug, q.id, question.id) : `${paths.adminQuestionNew(slug, q.id, model.section.id)}?kind=${encodeURIComponent(model.demographic ? `demographic:${model.demographic}` : type)}`;
  const typeOptions = (['single', 'multiple', 'ranking', 'scale', 'matrix', 'short_text', 'long_text', 'number', 'date'] as const).map((x) => ({ value: x, label: t(`questionnaires.type.${x}`) }));
  return (
    <Layout ctx={ctx} title={title} crumbs={[listCrumb(ctx), questionnaireCrumb(ctx, q)]} area="admin">
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t(`${B}.question.kindIs`, { kind, section: model.section.title })}</p>
      {model.answered ? <p class="kern-body">{t(`${B}.question.hasAnswers`, { count: model.answered })}</p> : null}
      <form method="post" action={action} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={labels} />
        <Csrf token={ctx.csrfToken} />
        {question && !model.demographic ? (
          <Select t={t} form={form} name="type" label={labels.type} options={typeOptions} hint={t(`${B}.question.typeHint`)} />
        ) : (
          <input type="hidden" name="type" value={type} />
        )}
        <TextArea t={t} form={form} name="text" label={labels.text} rows={2} maxLength={QUESTION_MAX} hint={hintWithLimit(t, undefined, QUESTION_MAX)} />
        <TextArea t={t} form={form} name="help" label={labels.help} optional rows={2} maxLength={HELP_MAX} hint={hintWithLimit(t, t(`${B}.question.helpHint`), HELP_MAX)} />
        {model.demographic ? <p class="kern-body">{t(`${B}.question.neverRequired`)}</p> : <Checkbox t={t} form={form} name="required" label={t(`${B}.question.requiredLabel`)} />}
        {type === 'scale' ? (
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t(`${B}.question.scale`)}</legend>
            <div class="kern-fieldset__body">
              <TextField t={t} form={form} name="scale_min" label={labels.scale_min} inputmode="numeric" width="short" hint={t(`${B}.question.scaleMinHint`)} />
              <TextField t={t} form={form} name="scale_max" label={labels.scale_max} inputmode="numeric" width="short" hint={t(`${B}.question.scaleMaxHint`)} />
              <TextField t={t} form={form} name="min_label" label={labels.min_label} optional maxLength={OPTION_MAX} />
              <TextField t={t} form={form} name="max_label" label={labels.max_label} optional maxLength={OPTION_MAX} />
            </div>
          </fieldset>
        ) : null}
        {type === 'number' ? (
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t(`${B}.question.numberBounds`)}</legend>
            <div class="kern-fieldset__body">
              <TextField t={t} form={form} name="number_min" label={labels.number_min} optional width="short" />
              <TextField t={t} form={form} name="number_max" label={labels.number_max} optional width="short" />
              <Checkbox t={t} form={form} name="integer" label={t(`${B}.question.integer`)} />
            </div>
          </fieldset>
        ) : null}
        {type === 'short_text' || type === 'long_text' ? <TextField t={t} form={form} name="max_length" label={labels.max_length} optional inputmode="numeric" width="short" hint={t(`${B}.question.maxLengthHint`)} /> : null}
        {lists.map((l) => (
          <ListEditor t={t} form={form} prefix={l.prefix} items={l.items} counts={model.counts} legend={t(`${B}.list_${l.prefix}.legend`)} />
        ))}
        {type === 'single' || type === 'multiple' ? <Checkbox t={t} form={form} name="other" label={labels.other} /> : null}
        <ConditionField t={t} form={form} candidates={model.candidates} />
        <div class="actions">
          <SubmitButton label={t('form.save')} />
          <a class="kern-link" href={paths.admin(slug, q.id)}>{t('form.cancel')}</a>
        </div>
      </form>
      {question ? (
        <p class="actions">
          <a class="kern-link" href={paths.adminQuestionDelete(slug, q.id, question.id)}>{t(`${B}.question.delete`)}</a>
        </p>
      ) : null}
    </Layout>
  );
}

// ---- refusals and confirmations --------------------------------------------------------------------------------

export function RefusedPage({ ctx, title, message, back, crumbs }: { ctx: PageContext; title: string; message: string; back: string; crumbs: Crumb[] }) {
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} area="admin">
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{message}</p>
      <p>
        <a class="kern-link" href={back}>{ctx.t(`${B}.back`)}</a>
      </p>
    </Layout>
  );
}

export function ConfirmChoice({ t, form, label }: { t: T; form: FormState; label: string }): Child {
  return <Checkbox t={t} form={form} name="confirm" label={label} />;
}

// ---- translations ---------------------------------------------------------------------------------------------

export function TranslationPage({ ctx, def, lang, rows, form }: { ctx: PageContext; def: Definition; lang: string; rows: TranslationRow[]; form: FormState }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const q = def.questionnaire;
  const language = t(`${B}.translation.language.${lang}`, { defaultValue: lang });
  const title = t(`${B}.translation.title`, { language });
  const missing = rows.filter((r) => r.state === 'missing').length;
  const outdated = rows.filter((r) => r.state === 'outdated').length;
  const labelOf = (r: TranslationRow) => t(`${B}.translation.field.${r.entityType}.${r.field}`);
  const labels = Object.fromEntries(rows.map((r) => [translationField(r), labelOf(r)]));
  return (
    <Layout ctx={ctx} title={title} crumbs={[listCrumb(ctx), questionnaireCrumb(ctx, q)]} area="admin">
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t(`${B}.translation.intro`)}</p>
      <p class="kern-body">{t(`${B}.translation.status`, { missing, outdated })}</p>
      <form method="post" action={paths.adminTranslation(slug, q.id, lang)} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={labels} />
        <Csrf token={ctx.csrfToken} />
        {rows.map((r) => {
          const name = translationField(r);
          return (
            <div class={`translation-item translation-item--${r.state}`}>
              <p class="kern-body kern-body--small">
                <strong>{labelOf(r)}</strong> · {t(`${B}.translation.state.${r.state}`)}
              </p>
              <blockquote class="kern-body translation-source pre-line" lang="de">{r.source}</blockquote>
              {r.source.length > 120 || r.field === 'privacy' || r.field === 'welcome' ? (
                <TextArea t={t} form={form} name={name} label={t(`${B}.translation.input`, { field: labelOf(r), language })} optional rows={4} />
              ) : (
                <TextField t={t} form={form} name={name} label={t(`${B}.translation.input`, { field: labelOf(r), language })} optional />
              )}
              {r.state === 'outdated' ? <Checkbox t={t} form={form} name={`fits_${name}`} label={t(`${B}.translation.stillFits`)} /> : null}
            </div>
          );
        })}
        <div class="actions">
          <SubmitButton label={t('form.save')} />
          <a class="kern-link" href={paths.admin(slug, q.id)}>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
