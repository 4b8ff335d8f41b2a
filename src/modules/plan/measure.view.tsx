import { textLang } from '../../platform/i18n/content.js';
import { formatDate } from '../../platform/views/format.js';
// A measure's page: public (goal, field, actors, status, timeframe, notes, history) and in the admin area
// the same with the forms to change its status and add a progress note.
import type { Child } from 'hono/jsx';
import { paths } from './plan.paths.js';
import type { T } from '../../platform/i18n/i18n.js';
import { ActionButton, Checkbox, Csrf, ErrorSummary, hintWithLimit, Select, StatusBadge, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import type { MeasureActorRef } from './plan.repository.js';
import { STATUS_CATEGORIES } from './status.js';
import { LIMITS } from './plan.schema.js';

export interface MeasureDetail {
  measure: {
    id: number;
    number: string | null;
    is_further: number;
    text: string;
    status_label: string;
    status_category: string;
    status_date: string | null;
    timeframe_start: string | null;
    timeframe_end: string | null;
    timeframe_label: string;
    target_groups: string;
    actors: MeasureActorRef[];
    attributes: Array<{ label: string; value: string }>;
  };
  plan: { id: number; title: string; state: string };
  field: { id: number; title: string };
  goal: { id: number; number?: string | null; text: string } | null;
  /** On the public page without internal notes (see PlanService.publicMeasureDetail). */
  notes: Array<{ id: number; text: string; note_date: string | null; author_name: string; is_internal: number }>;
  /** On the public page `changed_by_name` is the public name (empty: the administration) and internal notes are empty. */
  history: Array<{ id: number; from_label: string | null; from_category: string | null; to_label: string; to_category: string; note: string; note_internal: number; changed_at: string; changed_by_name: string }>;
}

export function ActorLinks({ t, slug, actors, link }: { t: T; slug: string; actors: MeasureActorRef[]; link: boolean }) {
  if (actors.length === 0) return <span>{t('measure.noActors')}</span>;
  return (
    <ul class="kern-list">
      {actors.map((a) => (
        <li>
          {link ? <a class="kern-link" href={paths.actor(slug, a.id)}>{a.name}</a> : a.name}
          {a.parentName ? ` (${a.parentName})` : ''} – {t(`actorRole.${a.role}`)}
        </li>
      ))}
    </ul>
  );
}

/** The plan's own wording where it has one; otherwise the dates entered. */
function timeframe(d: MeasureDetail, lang: string): string {
  const { timeframe_start: s, timeframe_end: e } = d.measure;
  if (d.measure.timeframe_label) return d.measure.timeframe_label;
  if (s && e) return `${formatDate(s, lang)} – ${formatDate(e, lang)}`;
  return formatDate(s ?? e, lang);
}

function MeasureFacts({ ctx, d, publicLinks }: { ctx: PageContext; d: MeasureDetail; publicLinks: boolean }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <dl class="facts">
      <dt>{t('field.singular')}</dt>
      <dd {...textLang(ctx, 'field', d.field.id, 'title')}>{publicLinks ? <a class="kern-link" href={paths.field(slug, d.field.id)}>{d.field.title}</a> : d.field.title}</dd>
      <dt>{t('goal.singular')}</dt>
      <dd {...(d.goal ? textLang(ctx, 'goal', d.goal.id, 'text') : {})}>{d.goal ? numberedGoal(d.goal) : t('measure.further')}</dd>
      <dt>{t('measure.status')}</dt>
      <dd>
        <StatusBadge t={t} category={d.measure.status_category} label={d.measure.status_label} />
        {d.measure.status_date ? <span class="meta"> ({formatDate(d.measure.status_date, lang)})</span> : null}
      </dd>
      <dt>{t('measure.timeframe')}</dt>
      <dd>{timeframe(d, lang) || t('measure.noTimeframe')}</dd>
      <dt>{t('measure.actors')}</dt>
      <dd>
        <ActorLinks t={t} slug={slug} actors={d.measure.actors} link={publicLinks} />
      </dd>
      {d.measure.target_groups ? (
        <>
          <dt>{t('measure.targetGroups')}</dt>
          <dd>{d.measure.target_groups}</dd>
        </>
      ) : null}
    </dl>
  );
}

function InternalTag({ t }: { t: T }) {
  return (
    <span class="kern-badge kern-badge--warning">
      <span class="kern-label kern-label--small">{t('measure.internalTag')}</span>
    </span>
  );
}

/** The catalogue's further columns ("Kosten", "Priorität") under their own labels. */
function MeasureAttributes({ ctx, d }: { ctx: PageContext; d: MeasureDetail }) {
  if (d.measure.attributes.length === 0) return null;
  return (
    <section aria-labelledby="attributes-title" class="stack">
      <h2 class="kern-heading-medium" id="attributes-title">{ctx.t('measure.attributes')}</h2>
      <dl class="facts">
        {d.measure.attributes.map((a) => (
          <>
            <dt>{a.label}</dt>
            <dd class="pre-line">{a.value}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

/** `admin`: with the writers' names and the internal notes marked; in public, who changed it as the public may know. */
function NotesAndHistory({ ctx, d, admin }: { ctx: PageContext; d: MeasureDetail; admin: boolean }) {
  const { t, lang } = ctx;
  const who = (name: string) => (admin ? name : name || t('measure.byAdministration'));
  return (
    <>
      <section aria-labelledby="notes-title" class="stack">
        <h2 class="kern-heading-medium" id="notes-title">{t('measure.notes')}</h2>
        {d.notes.length === 0 ? <p class="kern-body">{t('measure.noNotes')}</p> : null}
        <ul class="history">
          {d.notes.map((n) => (
            <li>
              <p class="meta">
                {n.note_date ? formatDate(n.note_date, lang) : t('measure.undated')}
                {admin && n.author_name ? ` · ${n.author_name}` : ''}
                {admin && n.is_internal === 1 ? <> <InternalTag t={t} /></> : null}
              </p>
              <p class="kern-body pre-line">{n.text}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="history-title" class="stack">
        <h2 class="kern-heading-medium" id="history-title">{t('measure.history')}</h2>
        {d.history.length === 0 ? <p class="kern-body">{t('measure.noHistory')}</p> : null}
        <ol class="history">
          {d.history.map((h) => (
            <li>
              <p class="meta">
                {formatDate(h.changed_at, lang)}
                {who(h.changed_by_name) ? ` · ${who(h.changed_by_name)}` : ''}
              </p>
              {h.from_label !== null && h.from_label === h.to_label && h.from_category !== h.to_category ? (
                <p class="kern-body">{t('measure.recategorised', { label: h.to_label, from: t(`status.${h.from_category}`), to: t(`status.${h.to_category}`) })}</p>
              ) : (
                <p class="kern-body">
                  {h.from_label !== null ? t('measure.changedFromTo', { from: h.from_label || t(`status.${h.from_category}`), to: h.to_label }) : t('measure.setTo', { to: h.to_label })}{' '}
                  ({t(`status.${h.to_category}`)})
                </p>
              )}
              {h.note ? (
                <p class="kern-body pre-line">
                  {admin && h.note_internal === 1 ? <><InternalTag t={t} />{' '}</> : null}
                  {h.note}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** "1.1 Sprachförderung ausbauen": a goal's text after its number as the plan writes it. */
export function numberedGoal(g: { number?: string | null; text: string }): string {
  return g.number ? `${g.number} ${g.text}` : g.text;
}

export function measureTitle(t: T, m: { number: string | null }): string {
  return m.number !== null ? t('measure.numbered', { number: m.number }) : t('measure.furtherSingular');
}

/** Where a measure came from: the parts other modules add (questionnaire topics, residents' ideas) in one section. */
export function MeasureOrigin({ ctx, parts, area }: { ctx: PageContext; parts: Child[]; area: 'public' | 'admin' }) {
  if (parts.length === 0) return null;
  return (
    <section aria-labelledby="herkunft" class="stack measure-origin">
      <h2 class={area === 'admin' ? 'kern-heading-medium' : 'kern-heading-small'} id="herkunft">{ctx.t('measureOrigin.title')}</h2>
      {parts}
    </section>
  );
}

/** `extra`: sections other modules add below the facts (monitoring: the measure's funding). */
export function PublicMeasurePage({ ctx, d, extra }: { ctx: PageContext; d: MeasureDetail; extra?: Child }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = measureTitle(t, d.measure);
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: paths.municipality(slug), label: d.plan.title, attrs: textLang(ctx, 'plan', d.plan.id, 'title') }, { href: paths.field(slug, d.field.id), label: d.field.title, attrs: textLang(ctx, 'field', d.field.id, 'title') }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body kern-body--large pre-line" {...textLang(ctx, 'measure', d.measure.id, 'text')}>{d.measure.text}</p>
          <MeasureFacts ctx={ctx} d={d} publicLinks={true} />
        </div>
        <MeasureAttributes ctx={ctx} d={d} />
        {extra}
        <NotesAndHistory ctx={ctx} d={d} admin={false} />
      </div>
    </Layout>
  );
}

export function statusFormFields(t: T) {
  return {
    categoryOptions: STATUS_CATEGORIES.map((c) => ({ value: c, label: t(`status.${c}`) })),
  };
}

export function AdminMeasurePage(props: {
  ctx: PageContext;
  d: MeasureDetail;
  statusForm: FormState;
  noteForm: FormState;
  wordings: Array<{ label: string; category: string }>;
  canChangeStatus: boolean;
  /** sections other modules add below the facts (monitoring: the measure's funding) */
  extra?: Child;
}) {
  const { ctx, d } = props;
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = measureTitle(t, d.measure);
  const statusLabels = { status_label: t('measure.statusLabel'), status_category: t('measure.statusCategory'), note: t('measure.statusNote'), note_internal: t('measure.internal') };
  const noteLabels = { text: t('measure.noteText'), note_date: t('measure.noteDate'), internal: t('measure.internal') };
  const published = d.plan.state === 'published' || d.plan.state === 'archived';
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminPlan(slug, d.plan.id), label: d.plan.title }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body pre-line">{d.measure.text}</p>
          <MeasureFacts ctx={ctx} d={d} publicLinks={false} />
          <div class="actions">
            <a class="kern-link" href={paths.adminMeasureEdit(slug, d.measure.id)}>{t('measure.edit')}</a>
            <a class="kern-link" href={paths.adminMeasureDelete(slug, d.measure.id)}>{t('measure.delete')}</a>
            <ActionButton action={paths.adminMeasureMove(slug, d.measure.id)} csrfToken={ctx.csrfToken} label={t('form.up')} srLabel={title} fields={{ direction: 'up' }} variant="tertiary" size="default" />
            <ActionButton action={paths.adminMeasureMove(slug, d.measure.id)} csrfToken={ctx.csrfToken} label={t('form.down')} srLabel={title} fields={{ direction: 'down' }} variant="tertiary" size="default" />
          </div>
        </div>
        <MeasureAttributes ctx={ctx} d={d} />
        {props.extra}
        {props.canChangeStatus ? (
          <section aria-labelledby="status-form-title">
            <h2 class="kern-heading-medium" id="status-form-title">{t('measure.changeStatus')}</h2>
            <form method="post" action={paths.adminMeasureStatus(slug, d.measure.id)} class="form" novalidate>
              <ErrorSummary t={t} form={props.statusForm} labels={statusLabels} />
              <Csrf token={ctx.csrfToken} />
              <TextField t={t} form={props.statusForm} name="status_label" label={statusLabels.status_label} hint={hintWithLimit(t, t('measure.statusLabelHint', { examples: props.wordings.map((w) => w.label).join(', ') }), LIMITS.statusLabel)} maxLength={LIMITS.statusLabel} />
              <Select t={t} form={props.statusForm} name="status_category" label={statusLabels.status_category} options={statusFormFields(t).categoryOptions} empty={t('measure.categoryAuto')} optional />
              <TextArea t={t} form={props.statusForm} name="note" label={statusLabels.note} optional hint={hintWithLimit(t, t(published ? 'measure.statusNotePublic' : 'measure.statusNoteDraft'), LIMITS.note)} maxLength={LIMITS.note} />
              <Checkbox t={t} form={props.statusForm} name="note_internal" label={statusLabels.note_internal} />
              <SubmitButton label={t('measure.saveStatus')} />
            </form>
          </section>
        ) : null}
        <section aria-labelledby="note-form-title">
          <h2 class="kern-heading-medium" id="note-form-title">{t('measure.addNote')}</h2>
          <form method="post" action={paths.adminMeasureNote(slug, d.measure.id)} class="form" novalidate>
            <ErrorSummary t={t} form={props.noteForm} labels={noteLabels} />
            <Csrf token={ctx.csrfToken} />
            <TextArea t={t} form={props.noteForm} name="text" label={noteLabels.text} hint={hintWithLimit(t, t(published ? 'measure.notePublic' : 'measure.noteDraft'), LIMITS.note)} maxLength={LIMITS.note} />
            <TextField t={t} form={props.noteForm} name="note_date" label={noteLabels.note_date} type="date" optional hint={t('measure.noteDateHint')} />
            <Checkbox t={t} form={props.noteForm} name="internal" label={noteLabels.internal} />
            <SubmitButton label={t('measure.saveNote')} />
          </form>
        </section>
        <NotesAndHistory ctx={ctx} d={d} admin={true} />
      </div>
    </Layout>
  );
}
