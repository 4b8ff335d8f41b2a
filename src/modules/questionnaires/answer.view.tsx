// The residents' pages of a questionnaire (pure views): the list, the start page with the privacy notice, one
// page per section with a progress indicator, the review, the personal link to continue later, the thanks,
// the clear refusals; and the officer's preview and paper form, which show the same questions.
// Every question type works without JavaScript: fieldsets and radios, selects for ranks, tables for matrices.
import { textLang } from '../../platform/i18n/content.js';
import type { Child } from 'hono/jsx';
import { Csrf, ErrorSummary, errorText, fieldId, InLang } from '../../platform/views/components.js';
import { formatDate, formatNumber } from '../../platform/views/format.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import type { Availability } from './answer.service.js';
import { errorField, field, HONEYPOT, maxLengthOf } from './answer.schema.js';
import { allQuestions, scalePoints, type Answers, type Condition, type Definition, type Question, type QuestionnaireHead, type Section } from './questionnaire.model.js';
import { questionnairesPaths as paths } from './questionnaires.paths.js';

// ---- the list and the start page's invitation ------------------------------------------------------------

/** A questionnaire's text on a resident's page: German in place of a missing translation marked lang="de" (the route loads which). */
const qLang = (ctx: PageContext, type: string, id: number, field: string) => textLang(ctx, type, id, field);
const optionLang = (ctx: PageContext, id: number) => textLang(ctx, 'questionnaire_option', id, 'label');

/** A questionnaire's title: German in place of a missing translation marked so; otherwise its own direction. */
const titleLang = (ctx: PageContext, id: number) => {
  const attrs = textLang(ctx, 'questionnaire', id, 'title');
  return attrs.lang ? attrs : { dir: 'auto' };
};

export function QuestionnaireListPage({ ctx, items }: { ctx: PageContext; items: Array<{ q: QuestionnaireHead; availability: Availability }> }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const groups: Availability[] = ['open', 'upcoming', 'closed'];
  return (
    <Layout ctx={ctx} title={t('questionnaires.answer.list.title')}>
      <h1 class="kern-heading-large">{t('questionnaires.answer.list.title')}</h1>
      <p class="kern-body">{t('questionnaires.answer.list.intro')}</p>
      {items.length === 0 ? <p class="kern-body">{t('questionnaires.answer.list.none')}</p> : null}
      {groups.map((g) => {
        const list = items.filter((i) => i.availability === g);
        if (list.length === 0) return null;
        return (
          <section aria-labelledby={`list-${g}`}>
            <h2 class="kern-heading-medium" id={`list-${g}`}>{t(`questionnaires.answer.list.${g}`)}</h2>
            <ul class="kern-list questionnaire-list">
              {list.map(({ q }) => (
                <li>
                  {g === 'closed' ? (
                    <span class="kern-body" {...titleLang(ctx, q.id)}>{q.title}</span>
                  ) : (
                    <a class="kern-link" href={paths.publicStart(slug, q.id)} {...titleLang(ctx, q.id)}>{q.title}</a>
                  )}
                  {q.isDemo ? <span class="kern-body kern-body--small"> ({t('questionnaires.answer.demo')})</span> : null}
                  <div class="kern-body kern-body--small">
                    {g === 'open' && q.closesAt ? t('questionnaires.answer.list.until', { date: formatDate(q.closesAt, lang) }) : null}
                    {g === 'upcoming' && q.opensAt ? t('questionnaires.answer.list.from', { date: formatDate(q.opensAt, lang) }) : null}
                    {g === 'closed' ? (
                      q.resultsPublic ? (
                        <a class="kern-link" href={paths.publicResults(slug, q.id)}>{t('questionnaires.answer.list.results', { title: q.title })}</a>
                      ) : (
                        t('questionnaires.answer.list.ended')
                      )
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

/** On the municipality's start page: an invitation to the questionnaires open now. */
export function InviteSection({ ctx, open }: { ctx: PageContext; open: QuestionnaireHead[] }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  if (open.length === 0) return null;
  return (
    <section class="card questionnaire-invite" aria-labelledby="questionnaire-invite-title">
      <h2 class="kern-heading-medium" id="questionnaire-invite-title">{t('questionnaires.answer.invite.title')}</h2>
      <p class="kern-body">{t('questionnaires.answer.invite.intro')}</p>
      <ul class="kern-list">
        {open.map((q) => (
          <li>
            <a class="kern-link" href={paths.publicStart(slug, q.id)} {...titleLang(ctx, q.id)}>{q.title}</a>
            {q.closesAt ? <span class="kern-body kern-body--small"> – {t('questionnaires.answer.list.until', { date: formatDate(q.closesAt, lang) })}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

// ---- the frame of the answering pages --------------------------------------------------------------------

/** Where a page's form goes and what it carries besides the answers: the sealed walk, or the preview's state. */
export interface FormTarget {
  action: string;
  hidden: Record<string, string>;
  /** The preview and the paper form: nothing reaches a resident, nothing is stored (preview) */
  mode: 'public' | 'preview' | 'paper';
}

function Frame({ ctx, def, title, mode, children, crumbs }: { ctx: PageContext; def: Definition; title: string; mode: FormTarget['mode']; children: Child; crumbs?: Crumb[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={title === def.questionnaire.title ? title : `${title} – ${def.questionnaire.title}`} area={mode === 'public' ? 'public' : 'admin'} crumbs={crumbs}>
      {mode === 'preview' ? (
        <div class="kern-alert kern-alert--info" role="note">
          <div class="kern-alert__header"><span class="kern-title">{t('questionnaires.answer.preview.notice')}</span></div>
        </div>
      ) : null}
      <p class="kern-body questionnaire-name" {...qLang(ctx, 'questionnaire', def.questionnaire.id, 'title')}>{def.questionnaire.title}</p>
      {children}
    </Layout>
  );
}

function Hidden({ target }: { target: FormTarget }) {
  return (
    <>
      {Object.entries(target.hidden).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

/** A field bots fill in and people never see (hidden by the stylesheet, out of the tab order). */
function Honeypot({ ctx }: { ctx: PageContext }) {
  return (
    <div class="questionnaire-hp" aria-hidden="true">
      <label for="feld-hp">{ctx.t('questionnaires.answer.honeypot')}</label>
      <input type="text" id="feld-hp" name={HONEYPOT} value="" tabindex={-1} autocomplete="off" />
    </div>
  );
}

function Button({ label, name, value, variant = 'primary' }: { label: string; name?: string; value?: string; variant?: 'primary' | 'secondary' | 'tertiary' }) {
  return (
    <button type="submit" class={`kern-btn kern-btn--${variant}`} name={name} value={value}>
      <span class="kern-label">{label}</span>
    </button>
  );
}

// ---- the start page -----------------------------------------------------------------------------------

function PrivacyNotice({ ctx, def, open }: { ctx: PageContext; def: Definition; open: boolean }) {
  const { t } = ctx;
  if (!def.privacy) return null;
  return (
    <details class="questionnaire-privacy" open={open}>
      <summary class="kern-link">{t('questionnaires.answer.start.privacy', { version: def.privacy.version })}</summary>
      <div class="kern-body questionnaire-text" {...qLang(ctx, 'questionnaire', def.questionnaire.id, 'privacy')}>{def.privacy.text}</div>
    </details>
  );
}

export interface StartView {
  ctx: PageContext;
  def: Definition;
  availability: Availability;
  target: FormTarget;
  form: FormState;
  /** Minutes the questionnaire takes, about. */
  minutes: number;
}

export function StartPage({ ctx, def, availability, target, form, minutes }: StartView) {
  const { t, lang } = ctx;
  const q = def.questionnaire;
  const codes = q.access === 'codes' && target.mode === 'public';
  const hasErrors = Object.keys(form.errors).length > 0;
  return (
    <Frame ctx={ctx} def={def} title={q.title} mode={target.mode}>
      <h1 class="kern-heading-large" {...qLang(ctx, 'questionnaire', q.id, 'title')}>{q.title}</h1>
      {q.isDemo ? <p class="kern-body">{t('questionnaires.answer.demoNotice')}</p> : null}
      {q.welcome ? <div class="kern-body questionnaire-text" {...qLang(ctx, 'questionnaire', q.id, 'welcome')}>{q.welcome}</div> : null}
      <ul class="kern-list kern-list--bullet">
        <li>{t('questionnaires.answer.start.minutes', { count: minutes })}</li>
        <li>{t('questionnaires.answer.start.anonymous')}</li>
        <li>{t('questionnaires.answer.start.later')}</li>
        {q.closesAt ? <li>{t('questionnaires.answer.start.until', { date: formatDate(q.closesAt, lang) })}</li> : null}
      </ul>
      <PrivacyNotice ctx={ctx} def={def} open={false} />
      {availability === 'open' ? (
        <form method="post" action={target.action} class="questionnaire-form" novalidate>
          <Csrf token={ctx.csrfToken} />
          <Hidden target={target} />
          <input type="hidden" name="nav" value="start" />
          {target.mode === 'public' ? <Honeypot ctx={ctx} /> : null}
          {hasErrors ? <ErrorSummary t={t} form={form} labels={{ code: t('questionnaires.answer.start.code') }} /> : null}
          {codes ? (
            <div class={`kern-form-input${form.errors.code ? ' kern-form-input--error' : ''}`}>
              <label class="kern-label" for={fieldId('code')}>{t('questionnaires.answer.start.code')}</label>
              <div class="kern-hint" id={`${fieldId('code')}-hint`}>{t('questionnaires.answer.start.codeHint')}</div>
              {form.errors.code ? <p class="kern-error" id={`${fieldId('code')}-error`}><span class="kern-body">{errorText(t, form.errors.code)}</span></p> : null}
              <input
                class={`kern-form-input__input${form.errors.code ? ' kern-form-input__input--error' : ''}`}
                id={fieldId('code')} name="code" type="text" autocomplete="off" spellcheck={false} value={form.values.code ?? ''} maxlength={64}
                aria-describedby={`${fieldId('code')}-hint${form.errors.code ? ` ${fieldId('code')}-error` : ''}`} aria-invalid={form.errors.code ? 'true' : undefined}
              />
            </div>
          ) : null}
          {def.privacy ? <p class="kern-body">{t('questionnaires.answer.start.consent')}</p> : null}
          <div class="actions">
            <Button label={t('questionnaires.answer.start.begin')} />
          </div>
        </form>
      ) : (
        <NotOpenNotice ctx={ctx} q={q} availability={availability} />
      )}
    </Frame>
  );
}

function NotOpenNotice({ ctx, q, availability }: { ctx: PageContext; q: QuestionnaireHead; availability: Availability }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <div class="kern-alert kern-alert--info" role="status">
      <div class="kern-alert__header">
        <span class="kern-title">
          {availability === 'upcoming'
            ? q.opensAt
              ? t('questionnaires.answer.notOpen.upcomingFrom', { date: formatDate(q.opensAt, lang) })
              : t('questionnaires.answer.notOpen.upcoming')
            : t('questionnaires.answer.notOpen.closed')}
        </span>
      </div>
      {availability === 'closed' && q.resultsPublic ? (
        <div class="kern-alert__body">
          <a class="kern-link" href={paths.publicResults(slug, q.id)}>{t('questionnaires.answer.list.results', { title: q.title })}</a>
        </div>
      ) : null}
    </div>
  );
}

// ---- one page of questions ----------------------------------------------------------------------------

export interface SectionView {
  ctx: PageContext;
  def: Definition;
  section: Section;
  /** The questions shown (conditions on earlier pages hold). */
  questions: Question[];
  /** 1-based page number and the count of pages (sections shown) plus the review. */
  page: number;
  pages: number;
  target: FormTarget;
  form: FormState;
  crumbs?: Crumb[];
}

/** Labels for the error summary: the question's text. */
export function questionLabels(questions: Question[]): Record<string, string> {
  return Object.fromEntries(questions.map((q) => [errorField(q), q.text]));
}

export function Progress({ ctx, page, pages }: { ctx: PageContext; page: number; pages: number }) {
  const { t } = ctx;
  const text = t('questionnaires.answer.progress', { page, pages });
  return (
    <div class="questionnaire-progress">
      <p class="kern-body" id="progress-text">{text}</p>
      <progress class="kern-progress" max={pages} value={page} aria-labelledby="progress-text">{text}</progress>
    </div>
  );
}

export function SectionPage({ ctx, def, section, questions, page, pages, target, form, crumbs }: SectionView) {
  const { t } = ctx;
  const hasErrors = Object.keys(form.errors).length > 0;
  const onPage = new Set(questions.map((q) => q.id));
  return (
    <Frame ctx={ctx} def={def} title={hasErrors ? `${t('questionnaires.answer.errorTitle')}: ${section.title}` : section.title} mode={target.mode} crumbs={crumbs}>
      <Progress ctx={ctx} page={page} pages={pages} />
      <form method="post" action={target.action} class="questionnaire-form" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Hidden target={target} />
        <input type="hidden" name="section" value={String(section.id)} />
        {target.mode === 'public' ? <Honeypot ctx={ctx} /> : null}
        {hasErrors ? <ErrorSummary t={t} form={form} labels={questionLabels(questions)} /> : null}
        <h1 class="kern-heading-large" {...qLang(ctx, 'questionnaire_section', section.id, 'title')}>{section.title}</h1>
        {section.description ? <div class="kern-body questionnaire-text" {...qLang(ctx, 'questionnaire_section', section.id, 'description')}>{section.description}</div> : null}
        {questions.some((q) => q.required) ? <p class="kern-body kern-body--small">{t('questionnaires.answer.requiredNote')}</p> : null}
        {questions.map((q) => (
          <QuestionField ctx={ctx} q={q} form={form} conditionNote={q.condition && onPage.has(q.condition.questionId) ? conditionText(ctx, def, q.condition) : null} />
        ))}
        <div class="actions questionnaire-actions">
          <Button label={t('questionnaires.answer.next')} name="nav" value="next" />
          {page > 1 ? <Button label={t('questionnaires.answer.back')} name="nav" value="back" variant="secondary" /> : null}
          {target.mode === 'public' ? <Button label={t('questionnaires.answer.later')} name="nav" value="later" variant="tertiary" /> : null}
        </div>
      </form>
    </Frame>
  );
}

/** "Only if you chose „Ja" at „Haben Sie einen Sprachkurs besucht?"": the condition in words. */
export function conditionText(ctx: PageContext, def: Definition, condition: Condition | null): string | null {
  if (!condition) return null;
  const source = allQuestions(def).find((x) => x.id === condition.questionId);
  if (!source) return null;
  const options = source.options.filter((o) => condition.optionIds.includes(o.id)).map((o) => `„${o.label}“`);
  return ctx.t('questionnaires.answer.conditionNote', { question: source.text, options: options.join(ctx.t('questionnaires.answer.or')) });
}

function Marker({ ctx, q }: { ctx: PageContext; q: Question }) {
  return q.required ? <span class="questionnaire-required"> ({ctx.t('questionnaires.answer.required')})</span> : <span class="kern-label__optional"> – {ctx.t('form.optional')}</span>;
}

/** One question, as a fieldset of choices or one labelled field; errors at the field, the typed value kept. */
export function QuestionField({ ctx, q, form, conditionNote }: { ctx: PageContext; q: Question; form: FormState; conditionNote: string | null }) {
  const { t, lang } = ctx;
  const name = field.question(q);
  const errorName = errorField(q);
  const error = form.errors[errorName];
  const base = fieldId(errorName);
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const noteId = `${base}-note`;
  const describedBy = [conditionNote ? noteId : '', q.help || hintFor(ctx, q) ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const typeHint = hintFor(ctx, q);
  const hint = q.help || typeHint ? (
    <>
      {q.help ? <InLang attrs={qLang(ctx, 'questionnaire_question', q.id, 'help')}>{q.help}</InLang> : null}
      {q.help && typeHint ? ' ' : null}
      {typeHint}
    </>
  ) : null;
  const notes = (
    <>
      {conditionNote ? <div class="kern-hint questionnaire-condition" id={noteId}>{conditionNote}</div> : null}
      {hint ? <div class="kern-hint" id={hintId}>{hint}</div> : null}
      {error ? (
        <p class="kern-error" id={errorId}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span class="kern-body">{errorText(t, error)}</span>
        </p>
      ) : null}
    </>
  );
  const value = form.values[name] ?? '';
  const chosen = new Set(value.split(',').filter(Boolean));
  const group = (children: Child, extraClass = '') => (
    <fieldset class={`kern-fieldset questionnaire-question${error ? ' kern-fieldset--error' : ''}${extraClass}`} aria-describedby={describedBy}>
      <legend class="kern-label"><InLang attrs={qLang(ctx, 'questionnaire_question', q.id, 'text')}>{q.text}</InLang><Marker ctx={ctx} q={q} /></legend>
      {notes}
      {children}
    </fieldset>
  );
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const kind = q.type === 'single' ? 'radio' : 'checkbox';
      return group(
        <div class="kern-fieldset__body">
          {q.options.map((o, i) => {
            const id = i === 0 ? base : `${base}-${o.id}`;
            return (
              <div class="kern-form-check">
                <input class={`kern-form-check__${kind}`} type={kind} id={id} name={name} value={String(o.id)} checked={chosen.has(String(o.id))} />
                <label class="kern-label" for={id} {...optionLang(ctx, o.id)}>{o.label}</label>
                {o.isOther ? (
                  <div class="kern-form-input questionnaire-other">
                    <label class="kern-label" for={fieldId(field.other(q))}>{t('questionnaires.answer.otherNamely', { option: o.label.replace(/[\s:]+$/, '') })}</label>
                    <input class="kern-form-input__input" type="text" id={fieldId(field.other(q))} name={field.other(q)} value={form.values[field.other(q)] ?? ''} maxlength={200} />
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>,
      );
    }
    case 'scale': {
      const points = scalePoints(q);
      const label = (p: number) => {
        const text = formatNumber(p, lang);
        if (p === points[0] && q.config.minLabel) return <>{text} – <InLang attrs={qLang(ctx, 'questionnaire_question', q.id, 'minLabel')}>{q.config.minLabel}</InLang></>;
        if (p === points[points.length - 1] && q.config.maxLabel) return <>{text} – <InLang attrs={qLang(ctx, 'questionnaire_question', q.id, 'maxLabel')}>{q.config.maxLabel}</InLang></>;
        return text;
      };
      return group(
        <div class="kern-fieldset__body kern-fieldset__body--horizontal questionnaire-scale">
          {points.map((p, i) => {
            const id = i === 0 ? base : `${base}-${p}`;
            return (
              <div class="kern-form-check">
                <input class="kern-form-check__radio" type="radio" id={id} name={name} value={String(p)} checked={value === String(p)} />
                <label class="kern-label" for={id}>{label(p)}</label>
              </div>
            );
          })}
        </div>,
      );
    }
    case 'matrix':
      return group(
        <table class="kern-table questionnaire-matrix">
          <thead>
            <tr>
              <td></td>
              {q.columns.map((c) => <th scope="col" {...optionLang(ctx, c.id)}>{c.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {q.rows.map((r) => {
              const rowName = field.row(q, r.id);
              const current = form.values[rowName] ?? '';
              return (
                <tr>
                  <th scope="row" id={`${fieldId(rowName)}-row`} {...optionLang(ctx, r.id)}>{r.label}</th>
                  {q.columns.map((c, ci) => {
                    const id = ci === 0 ? fieldId(rowName) : `${fieldId(rowName)}-${c.id}`;
                    return (
                      <td>
                        <input class="kern-form-check__radio" type="radio" id={id} name={rowName} value={String(c.id)} checked={current === String(c.id)} />
                        <label class="questionnaire-matrix__label" for={id}>
                          <span class="kern-sr-only"><InLang attrs={optionLang(ctx, r.id)}>{r.label}</InLang>: </span>
                          <InLang attrs={optionLang(ctx, c.id)}>{c.label}</InLang>
                        </label>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>,
        ' questionnaire-question--matrix',
      );
    case 'ranking':
      return group(
        <div class="kern-fieldset__body questionnaire-ranking">
          {q.options.map((o) => {
            const rankName = field.rank(q, o.id);
            const current = form.values[rankName] ?? '';
            return (
              <div class="kern-form-input">
                <label class="kern-label" for={fieldId(rankName)} {...optionLang(ctx, o.id)}>{o.label}</label>
                <div class="kern-form-input__select-wrapper">
                  <select class="kern-form-input__select" id={fieldId(rankName)} name={rankName}>
                    <option value="">{t('questionnaires.answer.noRank')}</option>
                    {q.options.map((_, i) => (
                      <option value={String(i + 1)} selected={current === String(i + 1)}>{t('questionnaires.answer.rank', { rank: i + 1 })}</option>
                    ))}
                  </select>
                </div>
              </div>
            );
          })}
        </div>,
      );
    default: {
      const control =
        q.type === 'long_text' ? (
          <textarea class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`} id={base} name={name} rows={5} maxlength={maxLengthOf(q)} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} aria-required={q.required ? 'true' : undefined}>
            {value}
          </textarea>
        ) : (
          <input
            class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}${q.type === 'number' ? ' kern-form-input__input--width-4' : ''}`}
            id={base} name={name} value={value}
            type={q.type === 'date' ? 'date' : 'text'}
            inputmode={q.type === 'number' ? (q.config.integer ? 'numeric' : 'decimal') : undefined}
            maxlength={q.type === 'short_text' ? maxLengthOf(q) : undefined}
            aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} aria-required={q.required ? 'true' : undefined}
          />
        );
      return (
        <div class={`kern-form-input questionnaire-question${error ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for={base}><InLang attrs={qLang(ctx, 'questionnaire_question', q.id, 'text')}>{q.text}</InLang><Marker ctx={ctx} q={q} /></label>
          {notes}
          {control}
        </div>
      );
    }
  }
}

/** The hint a type brings: the length limit, a number's bounds, the date's format. */
function hintFor(ctx: PageContext, q: Question): string {
  const { t, lang } = ctx;
  switch (q.type) {
    case 'short_text':
    case 'long_text':
      return t('questionnaires.answer.hint.maxLength', { max: formatNumber(maxLengthOf(q), lang) });
    case 'number': {
      const { min, max } = q.config;
      if (min !== undefined && max !== undefined) return t('questionnaires.answer.hint.between', { min: formatNumber(min, lang), max: formatNumber(max, lang) });
      if (min !== undefined) return t('questionnaires.answer.hint.atLeast', { min: formatNumber(min, lang) });
      if (max !== undefined) return t('questionnaires.answer.hint.atMost', { max: formatNumber(max, lang) });
      return q.config.integer ? t('questionnaires.answer.hint.whole') : '';
    }
    case 'multiple':
      return t('questionnaires.answer.hint.multiple');
    case 'ranking':
      return t('questionnaires.answer.hint.ranking');
    default:
      return '';
  }
}

// ---- review, continue later, thanks, refusals ------------------------------------------------------------

/** An answer in words, for the review. */
export function answerText(ctx: PageContext, q: Question, answers: Answers): string {
  const { t, lang } = ctx;
  const a = answers[String(q.id)];
  if (!a) return t('questionnaires.answer.review.none');
  const label = (id: number, list = q.options) => list.find((o) => o.id === id)?.label ?? '';
  switch (q.type) {
    case 'single':
    case 'multiple':
      return (a.optionIds ?? []).map((id) => (q.options.find((o) => o.id === id)?.isOther && a.other ? `${label(id)}: ${a.other}` : label(id))).join('; ');
    case 'matrix':
      return q.rows.filter((r) => a.rows?.[String(r.id)]).map((r) => `${r.label}: ${label(a.rows![String(r.id)], q.columns)}`).join('; ');
    case 'ranking':
      return Object.entries(a.ranks ?? {}).sort((x, y) => x[1] - y[1]).map(([id, rank]) => `${rank}. ${label(Number(id))}`).join('; ');
    case 'scale':
    case 'number':
      return a.number !== undefined ? formatNumber(a.number, lang) : '';
    case 'date':
      return a.date ? formatDate(a.date, lang) : '';
    default:
      return a.text ?? '';
  }
}

export function ReviewPage(props: { ctx: PageContext; def: Definition; sections: Array<{ section: Section; questions: Question[] }>; answers: Answers; pages: number; target: FormTarget; form: FormState; crumbs?: Crumb[] }) {
  const { ctx, def, sections, answers, pages, target, form } = props;
  const { t } = ctx;
  const hasErrors = Object.keys(form.errors).length > 0;
  return (
    <Frame ctx={ctx} def={def} title={t('questionnaires.answer.review.title')} mode={target.mode} crumbs={props.crumbs}>
      <Progress ctx={ctx} page={pages} pages={pages} />
      <form method="post" action={target.action} class="questionnaire-form" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Hidden target={target} />
        <input type="hidden" name="section" value="0" />
        {target.mode === 'public' ? <Honeypot ctx={ctx} /> : null}
        {hasErrors ? <ErrorSummary t={t} form={form} labels={{}} /> : null}
        <h1 class="kern-heading-large">{t('questionnaires.answer.review.title')}</h1>
        <p class="kern-body">{t('questionnaires.answer.review.intro')}</p>
        {sections.map(({ section, questions }) => (
          <section class="questionnaire-review" aria-labelledby={`review-${section.id}`}>
            <h2 class="kern-heading-medium" id={`review-${section.id}`} {...qLang(ctx, 'questionnaire_section', section.id, 'title')}>{section.title}</h2>
            <dl class="questionnaire-review__list">
              {questions.map((q) => (
                <>
                  <dt class="kern-body kern-body--bold" {...qLang(ctx, 'questionnaire_question', q.id, 'text')}>{q.text}</dt>
                  <dd class="kern-body">{answerText(ctx, q, answers)}</dd>
                </>
              ))}
            </dl>
            <button type="submit" class="kern-btn kern-btn--secondary" name="goto" value={String(section.id)}>
              <span class="kern-label">{t('questionnaires.answer.review.change')}</span>
              <span class="kern-sr-only">: {section.title}</span>
            </button>
          </section>
        ))}
        <PrivacyNotice ctx={ctx} def={def} open={false} />
        <p class="kern-body">{t('questionnaires.answer.review.anonymous')}</p>
        <div class="actions questionnaire-actions">
          <Button label={target.mode === 'preview' ? t('questionnaires.answer.preview.submit') : t('questionnaires.answer.review.submit')} name="nav" value="submit" />
          <Button label={t('questionnaires.answer.back')} name="nav" value="back" variant="secondary" />
          {target.mode === 'public' ? <Button label={t('questionnaires.answer.later')} name="nav" value="later" variant="tertiary" /> : null}
        </div>
      </form>
    </Frame>
  );
}

export function ContinueLaterPage({ ctx, def, url, expiresAt, target }: { ctx: PageContext; def: Definition; url: string; expiresAt: string; target: FormTarget }) {
  const { t, lang } = ctx;
  return (
    <Frame ctx={ctx} def={def} title={t('questionnaires.answer.continue.title')} mode="public">
      <h1 class="kern-heading-large">{t('questionnaires.answer.continue.title')}</h1>
      <p class="kern-body">{t('questionnaires.answer.continue.intro')}</p>
      <div class="kern-form-input">
        <label class="kern-label" for="feld-continue-link">{t('questionnaires.answer.continue.link')}</label>
        <div class="kern-hint" id="feld-continue-link-hint">{t('questionnaires.answer.continue.until', { date: formatDate(expiresAt.slice(0, 10), lang) })}</div>
        <input class="kern-form-input__input questionnaire-link" id="feld-continue-link" type="text" readonly value={url} aria-describedby="feld-continue-link-hint" />
      </div>
      <p class="kern-body"><a class="kern-link" href={url}>{t('questionnaires.answer.continue.bookmark')}</a></p>
      <p class="kern-body">{t('questionnaires.answer.continue.private')}</p>
      <form method="post" action={target.action} class="questionnaire-form">
        <Csrf token={ctx.csrfToken} />
        <Hidden target={target} />
        <input type="hidden" name="nav" value="resume" />
        <div class="actions">
          <Button label={t('questionnaires.answer.continue.resume')} />
        </div>
      </form>
    </Frame>
  );
}

export function ThanksPage({ ctx, def, mode }: { ctx: PageContext; def: Definition; mode: FormTarget['mode'] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Frame ctx={ctx} def={def} title={t('questionnaires.answer.thanks.title')} mode={mode}>
      <div class="kern-alert kern-alert--success" role="status">
        <div class="kern-alert__header">
          <h1 class="kern-title">{mode === 'preview' ? t('questionnaires.answer.preview.done') : t('questionnaires.answer.thanks.title')}</h1>
        </div>
      </div>
      {def.questionnaire.thanks ? <div class="kern-body questionnaire-text" {...qLang(ctx, 'questionnaire', def.questionnaire.id, 'thanks')}>{def.questionnaire.thanks}</div> : null}
      {mode === 'public' ? <p class="kern-body">{t('questionnaires.answer.thanks.anonymous')}</p> : null}
      {mode === 'public' && def.questionnaire.resultsPublic ? <p class="kern-body">{t('questionnaires.answer.thanks.results')}</p> : null}
      <p class="kern-body">
        {mode === 'preview' ? (
          <a class="kern-link" href={paths.admin(slug, def.questionnaire.id)}>{t('questionnaires.answer.preview.back')}</a>
        ) : (
          <a class="kern-link" href={paths.publicList(slug)}>{t('questionnaires.answer.thanks.more')}</a>
        )}
      </p>
    </Frame>
  );
}

export type RefusalKind = 'closed' | 'upcoming' | 'unknownLink' | 'codeUsed' | 'tooMany' | 'bot';

export function RefusedPage({ ctx, q, kind }: { ctx: PageContext; q: QuestionnaireHead; kind: RefusalKind }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t(`questionnaires.answer.refused.${kind}.title`)}>
      <p class="kern-body questionnaire-name">{q.title}</p>
      <h1 class="kern-heading-large">{t(`questionnaires.answer.refused.${kind}.title`)}</h1>
      {kind === 'closed' || kind === 'upcoming' ? <NotOpenNotice ctx={ctx} q={q} availability={kind} /> : <p class="kern-body">{t(`questionnaires.answer.refused.${kind}.text`)}</p>}
      <p class="kern-body">
        <a class="kern-link" href={paths.publicStart(slug, q.id)}>{t('questionnaires.answer.refused.start')}</a>
      </p>
    </Layout>
  );
}

// ---- the officer's paper form -------------------------------------------------------------------------

export function PaperPage({ ctx, def, form, target, sections }: { ctx: PageContext; def: Definition; form: FormState; target: FormTarget; sections: Section[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const questions = sections.flatMap((s) => s.questions);
  const hasErrors = Object.keys(form.errors).length > 0;
  const title = t('questionnaires.answer.paper.title');
  return (
    <Frame
      ctx={ctx} def={def} title={title} mode="paper"
      crumbs={[{ href: paths.adminList(slug), label: t('questionnaires.nav.admin') }, { href: paths.admin(slug, def.questionnaire.id), label: def.questionnaire.title }]}
    >
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('questionnaires.answer.paper.intro')}</p>
      <form method="post" action={target.action} class="questionnaire-form" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Hidden target={target} />
        {hasErrors ? <ErrorSummary t={t} form={form} labels={questionLabels(questions)} /> : null}
        {sections.map((s) => (
          <section aria-labelledby={`paper-${s.id}`} class="questionnaire-paper-section">
            <h2 class="kern-heading-medium" id={`paper-${s.id}`}>{s.title}</h2>
            {s.condition ? <p class="kern-hint">{conditionText(ctx, def, s.condition)}</p> : null}
            {s.questions.map((q) => (
              <QuestionField ctx={ctx} q={q} form={form} conditionNote={conditionText(ctx, def, q.condition)} />
            ))}
          </section>
        ))}
        <div class="actions">
          <Button label={t('questionnaires.answer.paper.save')} />
        </div>
      </form>
    </Frame>
  );
}
