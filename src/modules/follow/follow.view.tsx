// The pages of following: the form to follow a subject (address, how often, what is kept), the page after
// sending, the answers to the personal links (confirmed, expired, unknown, unsubscribed), and the officer's
// overview of how many follow what (counts only, no addresses).
import { textLang } from '../../platform/i18n/content.js';
import { Csrf, ErrorSummary, fieldId, InLang, SubmitButton, TextField } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import type { T } from '../../platform/i18n/i18n.js';
import { FREQUENCIES, PENDING_HOURS } from './follow.model.js';
import { paths, SUBJECT_WORDS } from './follow.paths.js';
import { subjectContentRef as contentRef, type Subject } from './follow.service.js';
import { HONEYPOT } from './follow.schema.js';

const k = 'follow';

const MARK = '\u2063';

/** "Handlungsfeld „Bildung“" with the name marked German where it is (a page in another language shows it untranslated). */
export function SubjectName({ ctx, subject, template = `${k}.subjectLabel.${subject.type}` }: { ctx: PageContext; subject: Subject; template?: string }) {
  const name = subject.number ? `${subject.number} ${subject.title}` : subject.title;
  const [before, after] = ctx.t(template, { name: MARK, subject: ctx.t(`${k}.subjectLabel.${subject.type}`, { name: MARK }) }).split(MARK);
  return (
    <>
      {before}
      <InLang attrs={textLang(ctx, ...contentRef(subject))}>{name}</InLang>
      {after}
    </>
  );
}


export function followLabels(t: T): Record<string, string> {
  return { email: t(`${k}.form.email`), frequency: t(`${k}.form.frequency`) };
}

/** The link on a subject's page. */
export function FollowLink({ ctx, subject, own = false }: { ctx: PageContext; subject: { type: Subject['type']; id: number }; own?: boolean }) {
  const { t } = ctx;
  return (
    <section class="follow-link" aria-labelledby={`follow-${subject.type}`}>
      <h2 class="kern-heading-small" id={`follow-${subject.type}`}>{t(`${k}.link.heading`)}</h2>
      {own ? <p class="kern-body">{t(`${k}.link.ownHint`)}</p> : null}
      <p class="kern-body">
        <a class="kern-link" href={paths.follow(ctx.municipality!.slug, SUBJECT_WORDS[subject.type], subject.id)}>{t(own ? `${k}.link.own` : `${k}.link.${subject.type}`)}</a>
      </p>
    </section>
  );
}

export function FollowPage({ ctx, subject, back, form }: { ctx: PageContext; subject: Subject; back: string; form: FormState }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const name = subject.number ? `${subject.number} ${subject.title}` : subject.title;
  const title = t(`${k}.form.title`);
  const labels = followLabels(t);
  const chosen = form.values.frequency ?? 'weekly';
  const error = form.errors.frequency;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: back, label: name, attrs: textLang(ctx, ...contentRef(subject)) }]}>
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">
          <SubjectName ctx={ctx} subject={subject} template={`${k}.form.intro`} />
        </p>
        <ul class="kern-list kern-list--bullet">
          <li>{t(`${k}.form.what`)}</li>
          <li>{t(`${k}.form.confirm`, { count: PENDING_HOURS })}</li>
          <li>{t(`${k}.form.privacy`)}</li>
        </ul>
        <form method="post" action={paths.follow(slug, SUBJECT_WORDS[subject.type], subject.id)} class="form stack" novalidate>
          <ErrorSummary t={t} form={form} labels={labels} />
          <Csrf token={ctx.csrfToken} />
          <TextField t={t} form={form} name="email" label={labels.email} type="email" autocomplete="email" inputmode="email" maxLength={254} />
          <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id={fieldId('frequency')}>
            <legend class="kern-label">{labels.frequency}</legend>
            <div class="kern-fieldset__body">
              {FREQUENCIES.map((f) => (
                <div class="kern-form-check">
                  <input class="kern-form-check__radio" type="radio" id={`${fieldId('frequency')}-${f}`} name="frequency" value={f} checked={chosen === f} />
                  <label class="kern-label" for={`${fieldId('frequency')}-${f}`}>{t(`${k}.frequency.${f}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <div class="hp-field" aria-hidden="true">
            <label for={fieldId(HONEYPOT)}>{t(`${k}.form.honeypot`)}</label>
            <input type="text" id={fieldId(HONEYPOT)} name={HONEYPOT} value="" tabindex={-1} autocomplete="off" />
          </div>
          <SubmitButton label={t(`${k}.form.submit`)} />
        </form>
      </div>
    </Layout>
  );
}

/** A short page with a heading, a message and a way back (after sending, confirming, unsubscribing). */
export function MessagePage({ ctx, title, message, back }: { ctx: PageContext; title: string; message: string; back: { href: string; subject?: Subject } }) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body" role="status">{message}</p>
        <p class="kern-body">
          <a class="kern-link" href={back.href}>{back.subject ? <SubjectName ctx={ctx} subject={back.subject} template={`${k}.back`} /> : ctx.t(`${k}.home`)}</a>
        </p>
      </div>
    </Layout>
  );
}

export function AdminFollowPage({ ctx, counts }: { ctx: PageContext; counts: Array<{ subject_type: string; frequency: string; n: number }> }) {
  const { t } = ctx;
  const title = t(`${k}.admin.title`);
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]} area="admin">
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(`${k}.admin.intro`)}</p>
        {counts.length === 0 ? (
          <p class="kern-body">{t(`${k}.admin.none`)}</p>
        ) : (
          <DataTable
            caption={t(`${k}.admin.caption`)}
            columns={[{ label: t(`${k}.admin.subject`) }, { label: t(`${k}.admin.frequency`) }, { label: t(`${k}.admin.count`), numeric: true }]}
            rows={counts.map((r) => [t(`${k}.subjectTypes.${r.subject_type}`), t(`${k}.frequency.${r.frequency}`), String(r.n)])}
            rowHeaders
          />
        )}
      </div>
    </Layout>
  );
}
