// The actor's pages: the personal link's page (no account), the page a representative sees after signing in,
// and the clear page for a link that no longer works. All of them share the per-measure update fields.
import type { Child } from 'hono/jsx';
import { paths } from './rounds.paths.js';
import { Csrf, ErrorSummary, StatusBadge, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, FormValues, PageContext } from '../../platform/views/page.js';
import { formatDate } from '../../platform/views/format.js';
import { measureTitle } from '../plan/index.js';
import type { Change, LeadMeasure } from './rounds.repository.js';
import { updateField } from './rounds.schema.js';

export interface UpdatableMeasure extends LeadMeasure {
  latest: Change | null;
}

export interface MunicipalityContact {
  name: string;
  office_name: string;
  contact_person: string;
  contact_email: string;
  contact_phone: string;
}

/** The form's starting values: what was last submitted (pending or returned), else the plan's wording. */
export function initialValues(measures: UpdatableMeasure[]): FormValues {
  const values: FormValues = {};
  for (const m of measures) {
    const open = m.latest && (m.latest.state === 'pending' || m.latest.state === 'returned') ? m.latest : null;
    values[updateField.status(m.id)] = open?.status_label ?? m.status_label;
    values[updateField.note(m.id)] = open?.note_text ?? '';
    values[updateField.date(m.id)] = open?.note_date ?? '';
    values[updateField.evidence(m.id)] = open?.evidence_url ?? '';
  }
  return values;
}

/** Labels for the error summary: "Maßnahme 12 – Status" and so on. */
export function updateLabels(ctx: PageContext, measures: LeadMeasure[]): Record<string, string> {
  const { t } = ctx;
  const labels: Record<string, string> = {};
  for (const m of measures) {
    const title = measureTitle(t, m);
    labels[updateField.status(m.id)] = `${title} – ${t('rounds.update.status')}`;
    labels[updateField.note(m.id)] = `${title} – ${t('rounds.update.note')}`;
    labels[updateField.date(m.id)] = `${title} – ${t('rounds.update.noteDate')}`;
    labels[updateField.evidence(m.id)] = `${title} – ${t('rounds.update.evidence')}`;
  }
  return labels;
}

function LatestNotice({ ctx, change }: { ctx: PageContext; change: Change | null }) {
  const { t, lang } = ctx;
  if (!change) return null;
  if (change.state === 'pending') {
    return (
      <div class="kern-alert kern-alert--info">
        <div class="kern-alert__header"><span class="kern-title">{t('rounds.update.pending', { date: formatDate(change.submitted_at, lang) })}</span></div>
      </div>
    );
  }
  if (change.state === 'returned') {
    return (
      <div class="kern-alert kern-alert--warning">
        <div class="kern-alert__header"><span class="kern-title">{t('rounds.update.returned', { date: formatDate(change.reviewed_at, lang) })}</span></div>
        <div class="kern-alert__body">
          <p class="kern-body pre-line">{change.review_comment}</p>
          <p class="kern-body">{t('rounds.update.returnedHint')}</p>
        </div>
      </div>
    );
  }
  if (change.state === 'accepted') return <p class="meta">{t('rounds.update.accepted', { date: formatDate(change.reviewed_at, lang) })}</p>;
  return null;
}

function MeasureUpdate({ ctx, m, form, level = 2 }: { ctx: PageContext; m: UpdatableMeasure; form: FormState; level?: 2 | 3 }) {
  const { t } = ctx;
  const title = measureTitle(t, m);
  const headingId = `massnahme-${m.id}`;
  return (
    <section class="card stack" aria-labelledby={headingId}>
      {level === 2 ? <h2 class="kern-heading-small" id={headingId}>{title}</h2> : <h3 class="kern-heading-small" id={headingId}>{title}</h3>}
      <p class="kern-body pre-line">{m.text}</p>
      <p class="kern-body">
        {t('rounds.update.current')} <StatusBadge t={t} category={m.status_category} label={m.status_label} />
      </p>
      <LatestNotice ctx={ctx} change={m.latest} />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t('rounds.update.legend', { measure: title })}</legend>
        <div class="kern-fieldset__body">
          <TextField t={t} form={form} name={updateField.status(m.id)} label={t('rounds.update.status')} hint={t('rounds.update.statusHint')} />
          <TextArea t={t} form={form} name={updateField.note(m.id)} label={t('rounds.update.note')} hint={t('rounds.update.noteHint')} optional />
          <TextField t={t} form={form} name={updateField.date(m.id)} label={t('rounds.update.noteDate')} hint={t('rounds.update.noteDateHint')} type="date" width="short" optional />
          <TextField t={t} form={form} name={updateField.evidence(m.id)} label={t('rounds.update.evidence')} hint={t('rounds.update.evidenceHint')} type="url" optional />
        </div>
      </fieldset>
    </section>
  );
}

function Contact({ ctx, m }: { ctx: PageContext; m: MunicipalityContact }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="kontakt" class="stack">
      <h2 class="kern-heading-medium" id="kontakt">{t('rounds.link.contactTitle')}</h2>
      <p class="kern-body">
        {m.office_name || m.name}
        {m.contact_person ? <><br />{m.contact_person}</> : null}
        {m.contact_email ? <><br /><a class="kern-link" href={`mailto:${m.contact_email}`}>{m.contact_email}</a></> : null}
        {m.contact_phone ? <><br />{m.contact_phone}</> : null}
      </p>
    </section>
  );
}

export function LinkPage(props: {
  ctx: PageContext;
  action: string;
  actorName: string;
  round: { title: string; deadline: string; expiresAt: string };
  plan: { title: string };
  measures: UpdatableMeasure[];
  wordings: string[];
  contact: MunicipalityContact;
  form: FormState;
  /** Sections other modules add for the actor (following its measures by e-mail). */
  extra?: Child[];
}) {
  const { ctx, round } = props;
  const { t, lang } = ctx;
  const title = t('rounds.link.title', { round: round.title });
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body kern-body--large">{t('rounds.link.greeting', { actor: props.actorName })}</p>
          <p class="kern-body">
            {t('rounds.link.intro', { office: props.contact.office_name || props.contact.name, plan: props.plan.title, deadline: formatDate(round.deadline, lang) })}
          </p>
          <p class="kern-body">{t('rounds.link.howTo')}</p>
          {props.wordings.length ? <p class="kern-body">{t('rounds.link.wordings', { wordings: props.wordings.join(', ') })}</p> : null}
          <p class="meta">{t('rounds.link.validUntil', { date: formatDate(round.expiresAt.slice(0, 10), lang) })}</p>
        </div>
        {props.measures.length === 0 ? (
          <p class="kern-body">{t('rounds.link.noMeasures')}</p>
        ) : (
          <form method="post" action={props.action} class="form stack-lg" novalidate>
            <ErrorSummary t={t} form={props.form} labels={updateLabels(ctx, props.measures)} />
            <Csrf token={ctx.csrfToken} />
            {props.measures.map((m) => <MeasureUpdate ctx={ctx} m={m} form={props.form} />)}
            <p class="kern-body">{t('rounds.link.reviewNotice')}</p>
            <SubmitButton label={t('rounds.link.submit')} />
          </form>
        )}
        {props.extra}
        <Contact ctx={ctx} m={props.contact} />
      </div>
    </Layout>
  );
}

export type RefusedKind = 'unknown' | 'revoked' | 'expired' | 'closed' | 'tooMany';

/** A link that does not (or no longer) work: what happened, and whom to ask. */
export function LinkRefusedPage({ ctx, kind, contact }: { ctx: PageContext; kind: RefusedKind; contact: MunicipalityContact }) {
  const { t } = ctx;
  const title = t(`rounds.refused.${kind}.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t(`rounds.refused.${kind}.body`)}</p>
          <p class="kern-body">{t('rounds.refused.ask', { office: contact.office_name || contact.name })}</p>
        </div>
        <Contact ctx={ctx} m={contact} />
        <p class="kern-body">
          <a class="kern-link" href={paths.municipality(ctx.municipality!.slug)}>{t('rounds.refused.toPlan')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** A representative's page: the measures their actor leads, in every published plan. */
export function OwnMeasuresPage(props: {
  ctx: PageContext;
  actorName: string | null;
  groups: Array<{ plan: { id: number; title: string }; measures: UpdatableMeasure[] }>;
  form: FormState;
  extra?: Child[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('rounds.own.title');
  const measures = props.groups.flatMap((g) => g.measures);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          {props.actorName ? <p class="kern-body">{t('rounds.own.intro', { actor: props.actorName })}</p> : <p class="kern-body">{t('rounds.own.noActor')}</p>}
        </div>
        {props.actorName && measures.length === 0 ? <p class="kern-body">{t('rounds.own.noMeasures')}</p> : null}
        {measures.length > 0 ? (
          <form method="post" action={paths.adminOwnMeasures(ctx.municipality!.slug)} class="form stack-lg" novalidate>
            <ErrorSummary t={t} form={props.form} labels={updateLabels(ctx, measures)} />
            <Csrf token={ctx.csrfToken} />
            {props.groups.map((g) => (
              <div class="stack">
                <h2 class="kern-heading-medium">{g.plan.title}</h2>
                {g.measures.map((m) => <MeasureUpdate ctx={ctx} m={m} form={props.form} level={3} />)}
              </div>
            ))}
            <SubmitButton label={t('rounds.own.submit')} />
          </form>
        ) : null}
        {props.extra}
      </div>
    </Layout>
  );
}
