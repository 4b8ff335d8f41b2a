// The pages of the accessibility statement: the public statement in the order of the EU model statement (status,
// content not accessible, preparation, feedback and contact, enforcement), with the feedback form; the feedback
// form on its own page; the officer's settings and the list of feedback. The statement's standard wording is
// the reader's language; the officer's own texts are German (marked lang="de" where the page is not).
import { Checkbox, Csrf, ErrorSummary, fieldId, Select, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate } from '../../platform/views/format.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { dirOf, LANGUAGE_NAMES, LANGUAGES, type T } from '../../platform/i18n/i18n.js';
import { paths } from './accessibility.paths.js';
import type { FeedbackView } from './accessibility.service.js';
import { HONEYPOT } from './statement.schema.js';
import { BODIES, DEFAULT_ITEM_KEYS, METHODS, REASONS, STATUSES, type Statement } from './statement.model.js';

const k = 'accessibility';

/** The officer's German text, marked as German on a page in another language. */
function German({ ctx, text, class: cls }: { ctx: PageContext; text: string; class?: string }) {
  return <span class={cls} lang={ctx.lang === 'de' ? undefined : 'de'} dir={dirOf(ctx.lang) === 'rtl' ? 'ltr' : undefined}>{text}</span>;
}

function feedbackLabels(t: T) {
  return { page: t(`${k}.feedback.page`), problem: t(`${k}.feedback.problem`), name: t(`${k}.feedback.name`), email: t(`${k}.feedback.email`) };
}

/** The feedback form: the page (prefilled), the problem, and a name and e-mail only for an answer. */
export function FeedbackForm({ ctx, form, retentionDays }: { ctx: PageContext; form: FormState; retentionDays: number }) {
  const { t } = ctx;
  const labels = feedbackLabels(t);
  return (
    <form method="post" action={paths.feedback(ctx.municipality!.slug)} class="form stack" novalidate>
      <ErrorSummary t={t} form={form} labels={labels} />
      <Csrf token={ctx.csrfToken} />
      <TextField t={t} form={form} name="page" label={labels.page} optional maxLength={500} hint={t(`${k}.feedback.pageHint`)} />
      <TextArea t={t} form={form} name="problem" label={labels.problem} maxLength={5000} hint={t(`${k}.feedback.problemHint`)} />
      <p class="kern-body">{t(`${k}.feedback.answerIntro`, { count: retentionDays })}</p>
      <TextField t={t} form={form} name="name" label={labels.name} optional autocomplete="name" maxLength={120} />
      <TextField t={t} form={form} name="email" label={labels.email} optional type="email" autocomplete="email" inputmode="email" maxLength={254} />
      <div class="hp-field" aria-hidden="true">
        <label for={fieldId(HONEYPOT)}>{t(`${k}.feedback.honeypot`)}</label>
        <input type="text" id={fieldId(HONEYPOT)} name={HONEYPOT} value="" tabindex={-1} autocomplete="off" />
      </div>
      <SubmitButton label={t(`${k}.feedback.submit`)} />
    </form>
  );
}

/** An address or a phone number: German, and read left to right also on an Arabic page. */
function Address({ ctx, lines }: { ctx: PageContext; lines: string }) {
  return <German ctx={ctx} text={lines} class="pre-line" />;
}

export function StatementPage(props: { ctx: PageContext; statement: Statement; isDefault: boolean; municipalityName: string; officeName: string; form: FormState }) {
  const { ctx, statement: s, isDefault } = props;
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.page.title`);
  const reason = (r: string) => t(`${k}.reasons.${r}`);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack-lg statement">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t(`${k}.page.intro`, { municipality: props.municipalityName })}</p>
        </div>

        <section class="stack" aria-labelledby="stand">
          <h2 class="kern-heading-medium" id="stand">{t(`${k}.page.statusTitle`)}</h2>
          <p class="kern-body">{t(`${k}.status.${s.status}`)}</p>
        </section>

        <section class="stack" aria-labelledby="nicht-barrierefrei">
          <h2 class="kern-heading-medium" id="nicht-barrierefrei">{t(`${k}.page.itemsTitle`)}</h2>
          {isDefault ? (
            <ul class="kern-list stack">
              {DEFAULT_ITEM_KEYS.map((key) => (
                <li>
                  <p class="kern-body">{t(`${k}.defaultItems.${key}.content`)}</p>
                  <p class="kern-body">{t(`${k}.page.reason`)}: {reason('non_compliance')}. {t(`${k}.defaultItems.${key}.justification`)}</p>
                  <p class="kern-body">{t(`${k}.page.alternative`)}: {t(`${k}.defaultItems.${key}.alternative`)}</p>
                </li>
              ))}
            </ul>
          ) : s.items.length === 0 ? (
            <p class="kern-body">{t(`${k}.page.noItems`)}</p>
          ) : (
            <ul class="kern-list stack">
              {s.items.map((item) => (
                <li>
                  <p class="kern-body"><German ctx={ctx} text={item.content} /></p>
                  <p class="kern-body">
                    {t(`${k}.page.reason`)}: {reason(item.reason)}
                    {item.justification ? <>. <German ctx={ctx} text={item.justification} /></> : null}
                  </p>
                  {item.alternative ? <p class="kern-body">{t(`${k}.page.alternative`)}: <German ctx={ctx} text={item.alternative} /></p> : null}
                </li>
              ))}
            </ul>
          )}
          {ctx.lang !== 'de' && !isDefault && s.items.length > 0 ? <p class="kern-body kern-body--small">{t(`${k}.page.germanNote`)}</p> : null}
        </section>

        <section class="stack" aria-labelledby="erstellung">
          <h2 class="kern-heading-medium" id="erstellung">{t(`${k}.page.preparationTitle`)}</h2>
          <p class="kern-body">{t(`${k}.page.prepared`, { prepared: formatDate(s.preparedOn, ctx.lang), reviewed: formatDate(s.reviewedOn, ctx.lang) })}</p>
          <p class="kern-body">
            {s.method === 'external' ? <>{t(`${k}.page.methodExternal`)} <German ctx={ctx} text={s.methodBy} />.</> : s.methodBy ? <>{t(`${k}.page.methodSelfBy`)} <German ctx={ctx} text={s.methodBy} />.</> : t(`${k}.page.methodSelf`)}
          </p>
          <p class="kern-body">{t(`${k}.page.platform`)}</p>
          <p class="kern-body">
            {t(`${k}.page.easyLanguage`)} <a class="kern-link" href={paths.easyLanguage(slug)} lang="de">{t(`${k}.page.easyLanguageLink`)}</a>
          </p>
        </section>

        <section class="stack" aria-labelledby="rueckmeldung">
          <h2 class="kern-heading-medium" id="rueckmeldung">{t(`${k}.page.feedbackTitle`)}</h2>
          <p class="kern-body">{t(`${k}.page.feedbackIntro`)}</p>
          <dl class="statement-facts">
            {props.officeName ? <><dt>{t(`${k}.page.office`)}</dt><dd><German ctx={ctx} text={props.officeName} /></dd></> : null}
            {s.contactEmail ? <><dt>{t(`${k}.page.email`)}</dt><dd><a class="kern-link" href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a></dd></> : null}
            {s.contactPhone ? <><dt>{t(`${k}.page.phone`)}</dt><dd><Address ctx={ctx} lines={s.contactPhone} /></dd></> : null}
            {s.contactAddress ? <><dt>{t(`${k}.page.address`)}</dt><dd><Address ctx={ctx} lines={s.contactAddress} /></dd></> : null}
          </dl>
          <h3 class="kern-heading-small" id="formular">{t(`${k}.feedback.title`)}</h3>
          <p class="kern-body">
            <a class="kern-link" href={`${paths.feedback(slug)}${props.form.values.page ? `?seite=${encodeURIComponent(props.form.values.page)}` : ''}`}>{t(`${k}.page.formPage`)}</a>
          </p>
          <FeedbackForm ctx={ctx} form={props.form} retentionDays={s.retentionDays} />
        </section>

        <section class="stack" aria-labelledby="schlichtung">
          <h2 class="kern-heading-medium" id="schlichtung">{t(`${k}.page.enforcementTitle`)}</h2>
          <p class="kern-body">{t(`${k}.page.enforcementIntro`)}</p>
          <dl class="statement-facts">
            <dt>{t(`${k}.page.body`)}</dt>
            <dd><German ctx={ctx} text={s.body.name} /></dd>
            {s.body.address ? <><dt>{t(`${k}.page.address`)}</dt><dd><Address ctx={ctx} lines={s.body.address} /></dd></> : null}
            {s.body.web ? <><dt>{t(`${k}.page.web`)}</dt><dd><a class="kern-link" href={s.body.web}>{s.body.web}</a></dd></> : null}
            {s.body.email ? <><dt>{t(`${k}.page.email`)}</dt><dd><a class="kern-link" href={`mailto:${s.body.email}`}>{s.body.email}</a></dd></> : null}
            {s.body.phone ? <><dt>{t(`${k}.page.phone`)}</dt><dd><Address ctx={ctx} lines={s.body.phone} /></dd></> : null}
          </dl>
        </section>
      </div>
    </Layout>
  );
}

/** The feedback form on a page of its own (the address the statement's and other pages' links open). */
export function FeedbackPage({ ctx, form, retentionDays }: { ctx: PageContext; form: FormState; retentionDays: number }) {
  const { t } = ctx;
  const title = t(`${k}.feedback.title`);
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: paths.statement(ctx.municipality!.slug), label: t(`${k}.page.title`) }]}>
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(`${k}.page.feedbackIntro`)}</p>
        <FeedbackForm ctx={ctx} form={form} retentionDays={retentionDays} />
      </div>
    </Layout>
  );
}

export function settingsLabels(t: T): Record<string, string> {
  const f = `${k}.settings`;
  return {
    status: t(`${f}.status`), prepared_on: t(`${f}.preparedOn`), reviewed_on: t(`${f}.reviewedOn`), method: t(`${f}.method`), method_by: t(`${f}.methodBy`),
    contact_email: t(`${f}.contactEmail`), contact_phone: t(`${f}.contactPhone`), contact_address: t(`${f}.contactAddress`), contact_lang: t(`${f}.contactLang`),
    land: t(`${f}.land`), body_name: t(`${f}.bodyName`), body_address: t(`${f}.bodyAddress`), body_web: t(`${f}.bodyWeb`), body_email: t(`${f}.bodyEmail`), body_phone: t(`${f}.bodyPhone`),
    retention_days: t(`${f}.retentionDays`),
  };
}

export function SettingsPage({ ctx, form, itemRows, openFeedback }: { ctx: PageContext; form: FormState; itemRows: number[]; openFeedback: number }) {
  const { t } = ctx;
  const f = `${k}.settings`;
  const slug = ctx.municipality!.slug;
  const title = t(`${f}.title`);
  const labels = settingsLabels(t);
  for (const n of itemRows) {
    labels[`item_${n}_content`] = t(`${f}.itemContentN`, { n: n + 1 });
    labels[`item_${n}_reason`] = t(`${f}.itemReasonN`, { n: n + 1 });
    labels[`item_${n}_justification`] = t(`${f}.itemJustificationN`, { n: n + 1 });
    labels[`item_${n}_alternative`] = t(`${f}.itemAlternativeN`, { n: n + 1 });
  }
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t(`${f}.intro`)}</p>
          <p class="kern-body">
            <a class="kern-link" href={paths.statement(slug)}>{t(`${f}.viewPublic`)}</a>
            {' · '}
            <a class="kern-link" href={paths.adminFeedback(slug)}>{t(`${f}.feedbackLink`, { count: openFeedback })}</a>
          </p>
        </div>
        <form method="post" action={paths.adminStatement(slug)} class="form stack-lg" novalidate>
          <ErrorSummary t={t} form={form} labels={labels} />
          <Csrf token={ctx.csrfToken} />
          <fieldset class="kern-fieldset">
            <legend class="kern-heading-medium">{t(`${f}.statusLegend`)}</legend>
<div class="kern-fieldset__body stack">
            <Select t={t} form={form} name="status" label={labels.status} options={STATUSES.map((s) => ({ value: s, label: t(`${k}.statusNames.${s}`) }))} />
          </div>
</fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-heading-medium">{t(`${f}.itemsLegend`)}</legend>
<div class="kern-fieldset__body stack">
            <p class="kern-hint">{t(`${f}.itemsHint`)}</p>
            {itemRows.map((n) => (
              <fieldset class="kern-fieldset statement-item">
                <legend class="kern-label">{t(`${f}.itemN`, { n: n + 1 })}</legend>
<div class="kern-fieldset__body stack">
                <TextArea t={t} form={form} name={`item_${n}_content`} label={t(`${f}.itemContent`)} optional rows={2} maxLength={500} hint={t(`${f}.itemContentHint`)} />
                <Select t={t} form={form} name={`item_${n}_reason`} label={t(`${f}.itemReason`)} options={REASONS.map((r) => ({ value: r, label: t(`${k}.reasons.${r}`) }))} />
                <TextArea t={t} form={form} name={`item_${n}_justification`} label={t(`${f}.itemJustification`)} optional rows={2} maxLength={1000} />
                <TextArea t={t} form={form} name={`item_${n}_alternative`} label={t(`${f}.itemAlternative`)} optional rows={2} maxLength={1000} hint={t(`${f}.itemAlternativeHint`)} />
              </div>
</fieldset>
            ))}
          </div>
</fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-heading-medium">{t(`${f}.preparationLegend`)}</legend>
<div class="kern-fieldset__body stack">
            <TextField t={t} form={form} name="prepared_on" label={labels.prepared_on} type="date" width="short" />
            <TextField t={t} form={form} name="reviewed_on" label={labels.reviewed_on} type="date" width="short" />
            <Select t={t} form={form} name="method" label={labels.method} options={METHODS.map((m) => ({ value: m, label: t(`${k}.methods.${m}`) }))} />
            <TextField t={t} form={form} name="method_by" label={labels.method_by} optional maxLength={200} hint={t(`${f}.methodByHint`)} />
          </div>
</fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-heading-medium">{t(`${f}.contactLegend`)}</legend>
<div class="kern-fieldset__body stack">
            <p class="kern-hint">{t(`${f}.contactHint`)}</p>
            <TextField t={t} form={form} name="contact_email" label={labels.contact_email} optional type="email" inputmode="email" maxLength={254} />
            <TextField t={t} form={form} name="contact_phone" label={labels.contact_phone} optional maxLength={100} />
            <TextArea t={t} form={form} name="contact_address" label={labels.contact_address} optional rows={3} maxLength={500} />
            <Select t={t} form={form} name="contact_lang" label={labels.contact_lang} options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} hint={t(`${f}.contactLangHint`)} />
            <TextField t={t} form={form} name="retention_days" label={labels.retention_days} inputmode="numeric" width="short" hint={t(`${f}.retentionHint`)} />
          </div>
</fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-heading-medium">{t(`${f}.bodyLegend`)}</legend>
<div class="kern-fieldset__body stack">
            <Select t={t} form={form} name="land" label={labels.land} options={BODIES.map((b) => ({ value: b.land, label: b.land === 'BUND' ? t(`${f}.federal`) : b.landName }))} />
            <Checkbox t={t} form={form} name="use_shipped" label={t(`${f}.useShipped`)} />
            <TextArea t={t} form={form} name="body_name" label={labels.body_name} optional rows={2} maxLength={300} hint={t(`${f}.bodyNameHint`)} />
            <TextArea t={t} form={form} name="body_address" label={labels.body_address} optional rows={3} maxLength={500} />
            <TextField t={t} form={form} name="body_web" label={labels.body_web} optional type="url" maxLength={500} />
            <TextField t={t} form={form} name="body_email" label={labels.body_email} optional type="email" inputmode="email" maxLength={254} />
            <TextField t={t} form={form} name="body_phone" label={labels.body_phone} optional maxLength={100} />
          </div>
</fieldset>
          <SubmitButton label={t('form.save')} />
        </form>
      </div>
    </Layout>
  );
}

export function FeedbackListPage({ ctx, feedback }: { ctx: PageContext; feedback: FeedbackView[] }) {
  const { t } = ctx;
  const f = `${k}.list`;
  const slug = ctx.municipality!.slug;
  const title = t(`${f}.title`);
  const table = (state: 'open' | 'answered') => {
    const rows = feedback.filter((x) => x.state === state);
    return (
      <section class="stack" aria-labelledby={`rueckmeldungen-${state}`}>
      <h2 class="kern-heading-medium" id={`rueckmeldungen-${state}`}>{t(`${f}.${state}`, { count: rows.length })}</h2>
      <DataTable
        caption={t(`${f}.${state}`, { count: rows.length })}
        empty={t(`${f}.${state}Empty`)}
        columns={[{ label: t(`${f}.received`) }, { label: t(`${f}.page`) }, { label: t(`${f}.problem`), cellClass: 'pre-line' }, { label: t(`${f}.sender`) }, { label: t(`${f}.action`) }]}
        rows={rows.map((x) => [
          formatDate(x.createdAt, ctx.lang),
          // What residents typed, in whatever language and direction: isolated from the page's direction.
          x.page ? <bdi>{x.page}</bdi> : '–',
          <bdi>{x.problem}</bdi>,
          x.personalDeleted ? t(`${f}.deleted`) : x.name || x.email ? <bdi>{[x.name, x.email].filter(Boolean).join(', ')}</bdi> : t(`${f}.anonymous`),
          x.state === 'open' ? (
            <form method="post" action={paths.adminFeedbackAnswered(slug, x.id)} class="inline-form">
              <Csrf token={ctx.csrfToken} />
              <button type="submit" class="kern-btn kern-btn--secondary kern-btn--small">
                <span class="kern-label">{t(`${f}.markAnswered`)}<span class="kern-sr-only"> ({formatDate(x.createdAt, ctx.lang)}, {x.page || '–'})</span></span>
              </button>
            </form>
          ) : (
            t(`${f}.answeredOn`, { date: formatDate(x.answeredAt, ctx.lang) })
          ),
        ])}
      />
      </section>
    );
  };
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminStatement(slug), label: t(`${k}.settings.title`) }]} area="admin">
      <div class="stack-lg">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(`${f}.intro`)}</p>
        {table('open')}
        {table('answered')}
      </div>
    </Layout>
  );
}
