// Pages of event registration: the registration form (also the section on an event's public page), the
// "check your mail" page, a registrant's personal page (confirm, state, waiting position, cancel), and the
// officer's pages (events with registrations and the retention days, an event's attendees, removing one).
import type { T } from '../../platform/i18n/i18n.js';
import { ActionButton, Checkbox, Csrf, ErrorSummary, fieldId, SubmitButton, TextField } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { berlinDay, formatDate, formatNumber, formatTime } from '../../platform/views/format.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { processPaths } from './process.paths.js';
import { paths } from './registrations.paths.js';
import type { EventRow } from './registrations.repository.js';
import { HONEYPOT, type Needs } from './registrations.schema.js';
import { PENDING_HOURS, type Availability, type NeedsSummary, type Registration } from './registration.model.js';

export type ShownEvent = Omit<EventRow, 'online_url'>;

/** "14. März 2026 um 10:00 – 16:00" (another day: both in full), in Berlin time. */
export function eventWhen(event: { starts_at: string; ends_at: string }, lang: string): string {
  const sameDay = berlinDay(new Date(event.starts_at)) === berlinDay(new Date(event.ends_at));
  return `${formatDate(event.starts_at, lang)} – ${sameDay ? formatTime(event.ends_at, lang) : formatDate(event.ends_at, lang)}`;
}

const placeOf = (t: T, e: ShownEvent) => (e.online === 1 ? t('participation.registrations.online') : [e.place_name, e.address.replace(/\s*\n\s*/g, ', ')].filter(Boolean).join(', '));

/** A registrant's needs in words ("Dolmetschen: Arabisch; Kinderbetreuung: 2 Kinder"). */
export function needsText(t: T, needs: Needs): string {
  const k = 'participation.registrations.needs';
  return [
    needs.interpreter ? t(`${k}.interpreterFor`, { language: needs.interpreter }) : '',
    needs.sign_language ? t(`${k}.signLanguage`) : '',
    needs.childcare ? t(`${k}.childcareFor`, { count: needs.childcare }) : '',
    needs.step_free ? t(`${k}.stepFree`) : '',
    needs.other ? t(`${k}.otherText`, { text: needs.other }) : '',
  ].filter(Boolean).join('; ');
}

/** The needs summed up: "3× Dolmetschen Arabisch, 2× Kinderbetreuung (3 Kinder), 1× Gebärdensprache, 2× stufenloser Zugang". */
export function needsSummaryText(t: T, s: NeedsSummary): string {
  const k = 'participation.registrations.summary';
  return [
    ...s.interpreter.map((i) => t(`${k}.interpreter`, { count: i.count, language: i.language })),
    s.childcare.registrations ? t(`${k}.childcare`, { count: s.childcare.registrations, children: t(`${k}.children`, { count: s.childcare.children }) }) : '',
    s.signLanguage ? t(`${k}.signLanguage`, { count: s.signLanguage }) : '',
    s.stepFree ? t(`${k}.stepFree`, { count: s.stepFree }) : '',
    s.other ? t(`${k}.other`, { count: s.other }) : '',
  ].filter(Boolean).join(', ');
}

function EventFacts({ ctx, event }: { ctx: PageContext; event: ShownEvent }) {
  const { t, lang } = ctx;
  return (
    <dl class="registration-facts">
      <dt>{t('participation.registrations.when')}</dt>
      <dd>{eventWhen(event, lang)}</dd>
      <dt>{t('participation.registrations.where')}</dt>
      <dd>{placeOf(t, event) || '–'}</dd>
      {event.accessibility && event.online !== 1 ? (
        <>
          <dt>{t('participation.registrations.accessibility')}</dt>
          <dd>{event.accessibility}</dd>
        </>
      ) : null}
    </dl>
  );
}

const formLabels = (t: T): Record<string, string> => {
  const k = 'participation.registrations.form';
  return {
    name: t(`${k}.name`), email: t(`${k}.email`), interpreter_language: t(`${k}.interpreterLanguage`), children: t(`${k}.children`),
    need_other: t(`${k}.other`), consent: t(`${k}.consentLabel`),
  };
};

/** The registration form, or why there is none. The section of an event's public page, and the registration page's body. */
export function RegistrationSection(props: { ctx: PageContext; eventId: number; form: FormState; availability: Availability; retentionDays: number; free: number | null }) {
  const { ctx, form } = props;
  const { t } = ctx;
  const k = 'participation.registrations.form';
  if (props.availability === 'none') return null;
  const labels = formLabels(t);
  return (
    <section class="stack registration" aria-labelledby="anmeldung-titel">
      <h2 class="kern-heading-medium" id="anmeldung-titel">{t(`${k}.title`)}</h2>
      {props.availability === 'closed' ? (
        <p class="kern-body">{t(`${k}.closed`)}</p>
      ) : (
        <>
          {props.availability === 'waiting_list' ? (
            <div class="kern-alert kern-alert--warning">
              <div class="kern-alert__header"><span class="kern-title">{t(`${k}.full`)}</span></div>
            </div>
          ) : props.free !== null ? (
            <p class="kern-body">{t(`${k}.free`, { count: props.free })}</p>
          ) : null}
          <p class="kern-body">{t(`${k}.intro`)}</p>
          <form method="post" action={paths.register(ctx.municipality!.slug, props.eventId)} class="form stack" novalidate>
            <ErrorSummary t={t} form={form} labels={labels} />
            <Csrf token={ctx.csrfToken} />
            <TextField t={t} form={form} name="name" label={labels.name} autocomplete="name" maxLength={120} />
            <TextField t={t} form={form} name="email" label={labels.email} type="email" autocomplete="email" inputmode="email" maxLength={254} hint={t(`${k}.emailHint`)} />
            <fieldset class="kern-fieldset">
              <legend class="kern-label">{t(`${k}.needsLegend`)}</legend>
              <p class="kern-hint">{t(`${k}.needsHint`)}</p>
              <div class="kern-fieldset__body stack">
                <Checkbox t={t} form={form} name="need_interpreter" label={t(`${k}.interpreter`)} />
                <TextField t={t} form={form} name="interpreter_language" label={labels.interpreter_language} optional maxLength={60} hint={t(`${k}.interpreterHint`)} />
                <Checkbox t={t} form={form} name="need_sign_language" label={t(`${k}.signLanguage`)} />
                <Checkbox t={t} form={form} name="need_childcare" label={t(`${k}.childcare`)} />
                <TextField t={t} form={form} name="children" label={labels.children} optional inputmode="numeric" width="short" hint={t(`${k}.childrenHint`)} />
                <Checkbox t={t} form={form} name="need_step_free" label={t(`${k}.stepFree`)} />
                <TextField t={t} form={form} name="need_other" label={labels.need_other} optional maxLength={300} />
              </div>
            </fieldset>
            <div class="hp-field" aria-hidden="true">
              <label for={fieldId(HONEYPOT)}>{t(`${k}.honeypot`)}</label>
              <input type="text" id={fieldId(HONEYPOT)} name={HONEYPOT} value="" tabindex={-1} autocomplete="off" />
            </div>
            <div class="stack">
              <h3 class="kern-heading-small">{t(`${k}.privacyTitle`)}</h3>
              <p class="kern-body">{t(`${k}.privacy`, { count: props.retentionDays })}</p>
              <Checkbox t={t} form={form} name="consent" label={labels.consent} />
            </div>
            <SubmitButton label={props.availability === 'waiting_list' ? t(`${k}.submitWaiting`) : t(`${k}.submit`)} />
          </form>
        </>
      )}
    </section>
  );
}

/**
 * The registration page of an event: the form again with its errors (the event page's section posts here), or
 * why registering is not possible; the event's facts and a link back to the event's own page.
 */
export function RegisterPage(props: { ctx: PageContext; event: ShownEvent; form: FormState; availability: Availability; retentionDays: number; free: number | null }) {
  const { ctx, event } = props;
  const { t } = ctx;
  const title = t('participation.registrations.page.title', { event: event.title });
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          {event.state === 'cancelled' ? <p class="kern-body kern-body--bold">{t('participation.registrations.eventCancelled')}</p> : null}
          <EventFacts ctx={ctx} event={event} />
          {event.description ? <p class="kern-body pre-line">{event.description}</p> : null}
          <p class="kern-body">
            <a class="kern-link" href={processPaths.event(ctx.municipality!.slug, event.id)}>{t('participation.registrations.backToEvent')}</a>
          </p>
        </div>
        <RegistrationSection {...props} eventId={event.id} />
      </div>
    </Layout>
  );
}

export function RegisteredPage({ ctx, event }: { ctx: PageContext; event: ShownEvent }) {
  const { t } = ctx;
  const title = t('participation.registrations.sent.title');
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t('participation.registrations.sent.body', { event: event.title, count: PENDING_HOURS })}</p>
        <p class="kern-body">{t('participation.registrations.sent.spam')}</p>
        <p class="kern-body">
          <a class="kern-link" href={processPaths.event(ctx.municipality!.slug, event.id)}>{t('participation.registrations.backToEvent')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** A registrant's page behind their personal link: the state, confirming a pending one, the way to cancel. */
export function LinkPage(props: { ctx: PageContext; token: string; event: ShownEvent; registration: Registration; position: number | null; started: boolean; expired: boolean }) {
  const { ctx, event, registration: r, token } = props;
  const { t } = ctx;
  const k = 'participation.registrations.link';
  const slug = ctx.municipality!.slug;
  const title = r.state === 'pending' ? t(`${k}.confirmTitle`) : t(`${k}.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body kern-body--large">{event.title}</p>
          <EventFacts ctx={ctx} event={event} />
        </div>
        {r.state === 'pending' ? (
          props.started || props.expired || event.state !== 'published' ? (
            <p class="kern-body">{t(`${k}.tooLate`)}</p>
          ) : (
            <form method="post" action={paths.confirm(slug, token)} class="form stack">
              <Csrf token={ctx.csrfToken} />
              <p class="kern-body">{t(`${k}.confirmBody`, { name: r.name })}</p>
              <SubmitButton label={t(`${k}.confirmButton`)} />
            </form>
          )
        ) : (
          <div class="stack">
            <p class="kern-body kern-body--bold" role="status">
              {r.state === 'confirmed' ? t(`${k}.confirmed`) : r.state === 'waiting' ? t(`${k}.waiting`, { position: props.position ?? 0 }) : t(`${k}.cancelled`)}
            </p>
            {r.state === 'confirmed' ? <p class="kern-body">{t(`${k}.confirmedMail`)}</p> : null}
            {r.state === 'waiting' ? <p class="kern-body">{t(`${k}.waitingBody`)}</p> : null}
          </div>
        )}
        {r.state !== 'cancelled' && !props.started ? (
          <p class="kern-body">
            <a class="kern-link" href={paths.cancel(slug, token)}>{t(`${k}.cancelLink`)}</a>
          </p>
        ) : null}
      </div>
    </Layout>
  );
}

export function CancelPage(props: { ctx: PageContext; token: string; event: ShownEvent; registration: Registration }) {
  const { ctx, event } = props;
  const { t } = ctx;
  const k = 'participation.registrations.cancel';
  const title = t(`${k}.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body kern-body--large">{event.title}</p>
          <EventFacts ctx={ctx} event={event} />
          <p class="kern-body">{props.registration.state === 'confirmed' ? t(`${k}.bodyPlace`) : t(`${k}.body`)}</p>
        </div>
        <form method="post" action={paths.cancel(ctx.municipality!.slug, props.token)} class="form stack">
          <Csrf token={ctx.csrfToken} />
          <div class="actions">
            <SubmitButton label={t(`${k}.button`)} />
            <a class="kern-link" href={paths.link(ctx.municipality!.slug, props.token)}>{t(`${k}.keep`)}</a>
          </div>
        </form>
      </div>
    </Layout>
  );
}

export function DeadLinkPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const title = t('participation.registrations.dead.title');
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t('participation.registrations.dead.body')}</p>
      </div>
    </Layout>
  );
}

// ---- the officer -----------------------------------------------------------------------------------------

const adminCrumbs = (ctx: PageContext) => [{ href: paths.admin(ctx.municipality!.slug), label: ctx.t('admin.overview.title') }];

export function RegistrationsOverviewPage(props: {
  ctx: PageContext;
  events: Array<{ id: number; title: string; starts_at: string; ends_at: string; capacity: number | null; state: string; confirmed: number; waiting: number; pending: number }>;
  retention: FormState;
}) {
  const { ctx } = props;
  const { t, lang } = ctx;
  const k = 'participation.registrations.admin';
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.title`);
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={adminCrumbs(ctx)}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{title}</h1>
        <DataTable
          caption={t(`${k}.eventsCaption`)}
          columns={[{ label: t(`${k}.event`) }, { label: t(`${k}.date`) }, { label: t(`${k}.capacity`), numeric: true }, { label: t(`${k}.confirmed`), numeric: true }, { label: t(`${k}.waiting`), numeric: true }, { label: t(`${k}.pending`), numeric: true }]}
          rowHeaders
          rows={props.events.map((e) => [
            <a class="kern-link" href={paths.adminAttendees(slug, e.id)}>{e.title}</a>,
            eventWhen(e, lang),
            e.capacity === null ? t(`${k}.unlimited`) : formatNumber(e.capacity, lang),
            formatNumber(e.confirmed, lang),
            formatNumber(e.waiting, lang),
            formatNumber(e.pending, lang),
          ])}
          empty={t(`${k}.noEvents`)}
        />
        <section class="stack" aria-labelledby="aufbewahrung-titel">
          <h2 class="kern-heading-medium" id="aufbewahrung-titel">{t(`${k}.retentionTitle`)}</h2>
          <p class="kern-body">{t(`${k}.retentionIntro`)}</p>
          <form method="post" action={paths.adminRetention(slug)} class="form stack" novalidate>
            <ErrorSummary t={t} form={props.retention} labels={{ days: t(`${k}.retentionDays`) }} />
            <Csrf token={ctx.csrfToken} />
            <TextField t={t} form={props.retention} name="days" label={t(`${k}.retentionDays`)} inputmode="numeric" width="short" hint={t(`${k}.retentionHint`)} />
            <SubmitButton label={t(`${k}.retentionSave`)} />
          </form>
        </section>
      </div>
    </Layout>
  );
}

function AttendeeTable({ ctx, caption, list, waiting }: { ctx: PageContext; caption: string; list: Registration[]; waiting?: boolean }) {
  const { t, lang } = ctx;
  const k = 'participation.registrations.admin';
  const slug = ctx.municipality!.slug;
  return (
    <DataTable
      caption={caption}
      captionVisible
      columns={[...(waiting ? [{ label: t(`${k}.position`), numeric: true }] : []), { label: t(`${k}.name`) }, { label: t(`${k}.email`) }, { label: t(`${k}.needs`) }, { label: t(`${k}.registeredAt`) }, { label: t(`${k}.actions`) }]}
      rows={list.map((r, i) => [
        ...(waiting ? [formatNumber(i + 1, lang)] : []),
        r.name,
        r.email,
        needsText(t, r.needs) || '–',
        formatDate(r.createdAt, lang),
        <div class="actions">
          <ActionButton action={paths.adminRegistrationResend(slug, r.id)} csrfToken={ctx.csrfToken} label={t(`${k}.resend`)} srLabel={r.name} />
          <a class="kern-link" href={paths.adminRegistrationRemove(slug, r.id)}>{t(`${k}.remove`)}<span class="kern-sr-only"> {r.name}</span></a>
        </div>,
      ])}
      empty={t(`${k}.none`)}
    />
  );
}

export function AttendeesPage(props: {
  ctx: PageContext;
  event: EventRow;
  confirmed: Registration[];
  waiting: Registration[];
  pending: Registration[];
  needs: NeedsSummary;
  needsWaiting: NeedsSummary;
  retentionDays: number;
  deletionDue: Date;
  mailConfigured: boolean;
}) {
  const { ctx, event } = props;
  const { t, lang } = ctx;
  const k = 'participation.registrations.admin';
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.attendeesTitle`, { event: event.title });
  const summary = needsSummaryText(t, props.needs);
  const summaryWaiting = needsSummaryText(t, props.needsWaiting);
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[...adminCrumbs(ctx), { href: paths.adminRegistrations(slug), label: t(`${k}.title`) }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{eventWhen(event, lang)}</p>
          <p class="kern-body">
            {t(`${k}.counts`, { confirmed: props.confirmed.length, waiting: props.waiting.length, pending: props.pending.length })}
            {event.capacity !== null ? ` ${t(`${k}.ofCapacity`, { count: event.capacity })}` : ''}
          </p>
          <p class="meta">{t(`${k}.deletion`, { date: formatDate(props.deletionDue.toISOString(), lang), count: props.retentionDays })}</p>
          {!props.mailConfigured ? <p class="kern-body">{t(`${k}.mailOff`)}</p> : null}
        </div>
        <section class="stack" aria-labelledby="bedarfe-titel">
          <h2 class="kern-heading-medium" id="bedarfe-titel">{t(`${k}.needsTitle`)}</h2>
          <p class="kern-body" id="bedarfe-summe">{summary || t(`${k}.noNeeds`)}</p>
          {summaryWaiting ? <p class="kern-body">{t(`${k}.needsWaiting`, { summary: summaryWaiting })}</p> : null}
        </section>
        <p class="kern-body actions">
          <a class="kern-link" href={paths.adminAttendeesExport(slug, event.id, 'csv')}>{t(`${k}.exportCsv`)}</a>
          <a class="kern-link" href={paths.adminAttendeesExport(slug, event.id, 'xlsx')}>{t(`${k}.exportXlsx`)}</a>
        </p>
        <AttendeeTable ctx={ctx} caption={t(`${k}.confirmedCaption`)} list={props.confirmed} />
        <AttendeeTable ctx={ctx} caption={t(`${k}.waitingCaption`)} list={props.waiting} waiting />
        <AttendeeTable ctx={ctx} caption={t(`${k}.pendingCaption`)} list={props.pending} />
      </div>
    </Layout>
  );
}

export function RemovePage({ ctx, registration, event }: { ctx: PageContext; registration: Registration; event: EventRow }) {
  const { t } = ctx;
  const k = 'participation.registrations.admin';
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.removeTitle`, { name: registration.name });
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[...adminCrumbs(ctx), { href: paths.adminAttendees(slug, event.id), label: event.title }]}>
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(registration.state === 'confirmed' ? `${k}.removeBodyPlace` : `${k}.removeBody`, { name: registration.name, event: event.title })}</p>
        <form method="post" action={paths.adminRegistrationRemove(slug, registration.id)} class="form">
          <Csrf token={ctx.csrfToken} />
          <div class="actions">
            <SubmitButton label={t(`${k}.removeButton`)} />
            <a class="kern-link" href={paths.adminAttendees(slug, event.id)}>{t('form.cancel')}</a>
          </div>
        </form>
      </div>
    </Layout>
  );
}
