// Pages of the editions module: the overview per plan, a plan's editions with the form to freeze one and the
// report downloads, an edition read-only, the comparison, and the form to start the next edition.
import type { Child } from 'hono/jsx';
import { paths } from './editions.paths.js';
import { Csrf, ErrorSummary, Select, StatusBadge, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatShortDate } from '../../platform/views/format.js';
import type { Plan } from '../plan/index.js';
import type { CompareResult, Edition, EditionSummary } from './editions.service.js';
import { changeLines, latestNote, measureName, reasonLine, sideLabel, statusText } from './editions.describe.js';
import { measureCount, placedMeasures, type PlacedMeasure, type PlanSnapshot } from './snapshot.js';

const overviewCrumb = (ctx: PageContext): Crumb => ({ href: paths.adminEditions(ctx.municipality!.slug), label: ctx.t('editions.title') });

function PlanStateBadge({ ctx, state }: { ctx: PageContext; state: string }) {
  return (
    <span class={`kern-badge kern-badge--${state === 'published' ? 'success' : state === 'archived' ? 'warning' : 'info'}`}>
      <span class="kern-label kern-label--small">{ctx.t(`planState.${state}`)}</span>
    </span>
  );
}

export function EditionsOverviewPage({ ctx, plans }: { ctx: PageContext; plans: Array<{ plan: Plan; editions: EditionSummary[] }> }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('editions.title')} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
      <h1 class="kern-heading-large">{t('editions.title')}</h1>
      <p class="kern-body">{t('editions.intro')}</p>
      {plans.length === 0 ? <p class="kern-body">{t('editions.noPlans')}</p> : null}
      <ul class="cards">
        {plans.map(({ plan, editions }) => (
          <li class="card stack">
            <h2 class="kern-heading-small">
              <a class="kern-link" href={paths.adminPlanEditions(slug, plan.id)}>{plan.title}</a>
            </h2>
            <p class="kern-body"><PlanStateBadge ctx={ctx} state={plan.state} /></p>
            <p class="meta">
              {editions.length === 0
                ? t('editions.noEditionsShort')
                : t('editions.latest', { count: editions.length, label: editions[0].label, date: formatShortDate(editions[0].adopted_on ?? editions[0].created_at, lang) })}
            </p>
          </li>
        ))}
      </ul>
      {plans.length > 0 ? (
        <p class="actions">
          <a class="kern-btn kern-btn--secondary" href={paths.adminEditionsCompare(slug)}>
            <span class="kern-label">{t('editions.compare.title')}</span>
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

const FORM_LABELS = (ctx: PageContext) => ({
  label: ctx.t('editions.form.label'),
  adopted_on: ctx.t('editions.form.adoptedOn'),
  paper_number: ctx.t('editions.form.paperNumber'),
  note: ctx.t('editions.form.note'),
});

export interface PlanEditionsModel {
  plan: Plan;
  editions: EditionSummary[];
  form: FormState;
  can: { create: boolean; continue: boolean; delete: boolean };
}

export function PlanEditionsPage({ ctx, model }: { ctx: PageContext; model: PlanEditionsModel }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const { plan, editions, form, can } = model;
  const labels = FORM_LABELS(ctx);
  return (
    <Layout ctx={ctx} title={t('editions.plan.title', { plan: plan.title })} area="admin" crumbs={[overviewCrumb(ctx)]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{t('editions.plan.title', { plan: plan.title })}</h1>
          <p class="kern-body">
            <PlanStateBadge ctx={ctx} state={plan.state} />{' '}
            <a class="kern-link" href={paths.adminPlan(slug, plan.id)}>{t('editions.plan.workspace')}</a>
          </p>
        </div>

        <section aria-labelledby="report-title" class="stack">
          <h2 class="kern-heading-medium" id="report-title">{t('editions.report.title')}</h2>
          <p class="kern-body">{t('editions.report.intro')}</p>
          <ul class="inline-list">
            <li>
              <a class="kern-btn kern-btn--primary" href={paths.adminPlanReport(slug, plan.id, 'pdf')} download>
                <span class="kern-label">{t('editions.report.pdf')}</span>
              </a>
            </li>
            <li>
              <a class="kern-btn kern-btn--secondary" href={paths.adminPlanReport(slug, plan.id, 'docx')} download>
                <span class="kern-label">{t('editions.report.docx')}</span>
              </a>
            </li>
          </ul>
        </section>

        <section aria-labelledby="editions-title" class="stack">
          <h2 class="kern-heading-medium" id="editions-title">{t('editions.plan.editions', { count: editions.length })}</h2>
          <DataTable
            caption={t('editions.plan.tableCaption', { plan: plan.title })}
            layout="catalogue"
            empty={t('editions.plan.none')}
            columns={[{ label: t('editions.form.label') }, { label: t('editions.form.adoptedOn') }, { label: t('editions.form.paperNumber') }, { label: t('editions.takenAt') }, { label: t('editions.actions') }]}
            rows={editions.map((e) => [
              <a class="kern-link" href={paths.adminEdition(slug, e.id)}>{t('editions.edition.title', { label: e.label })}</a>,
              e.adopted_on ? formatShortDate(e.adopted_on, lang) : '–',
              e.paper_number || '–',
              t('editions.takenBy', { date: formatShortDate(e.created_at, lang), by: e.created_by || t('editions.unknownAuthor') }),
              <span class="inline-list">
                <a class="kern-link" href={`${paths.adminEditionsCompare(slug)}?from=e${e.id}&to=p${plan.id}`}>
                  {t('editions.compareWithToday')}
                  <span class="kern-sr-only"> ({t('editions.edition.title', { label: e.label })})</span>
                </a>
                {can.delete ? (
                  <a class="kern-link" href={paths.adminEditionDelete(slug, e.id)}>
                    {t('form.delete')}
                    <span class="kern-sr-only"> ({t('editions.edition.title', { label: e.label })})</span>
                  </a>
                ) : null}
              </span>,
            ])}
            rowHeaders
          />
          {editions.length > 0 ? (
            <p>
              <a class="kern-link" href={editions.length > 1 ? `${paths.adminEditionsCompare(slug)}?from=e${editions[1].id}&to=e${editions[0].id}` : paths.adminEditionsCompare(slug)}>
                {t('editions.compare.title')}
              </a>
            </p>
          ) : null}
        </section>

        {can.create ? (
          <section aria-labelledby="create-title" class="stack">
            <h2 class="kern-heading-medium" id="create-title">{t('editions.create.title')}</h2>
            <p class="kern-body">{t('editions.create.intro')}</p>
            <form method="post" action={paths.adminPlanEditions(slug, plan.id)} class="form" novalidate>
              <ErrorSummary t={t} form={form} labels={labels} />
              <Csrf token={ctx.csrfToken} />
              <TextField t={t} form={form} name="label" label={labels.label} hint={t('editions.form.labelHint')} />
              <TextField t={t} form={form} name="adopted_on" label={labels.adopted_on} hint={t('editions.form.adoptedOnHint')} type="date" optional />
              <TextField t={t} form={form} name="paper_number" label={labels.paper_number} hint={t('editions.form.paperNumberHint')} optional />
              <TextArea t={t} form={form} name="note" label={labels.note} optional rows={3} />
              <div class="actions">
                <SubmitButton label={t('editions.create.submit')} />
              </div>
            </form>
          </section>
        ) : null}

        {can.continue ? (
          <section aria-labelledby="continue-title" class="stack">
            <h2 class="kern-heading-medium" id="continue-title">{t('editions.continue.title')}</h2>
            <p class="kern-body">{t('editions.continue.intro')}</p>
            <p>
              <a class="kern-btn kern-btn--secondary" href={paths.adminPlanContinue(slug, plan.id)}>
                <span class="kern-label">{t('editions.continue.title')}</span>
              </a>
            </p>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

/** The measures of one field of a snapshot as a table, read-only. */
function SnapshotFieldTable({ ctx, caption, measures }: { ctx: PageContext; caption: string; measures: PlacedMeasure[] }) {
  const { t, lang } = ctx;
  return (
    <DataTable
      caption={caption}
      layout="catalogue"
      columns={[
        { label: t('editions.col.goal') },
        { label: t('editions.col.number') },
        { label: t('editions.col.measure'), cellClass: 'pre-line' },
        { label: t('editions.col.actors') },
        { label: t('editions.col.status') },
        { label: t('editions.col.latestNote') },
      ]}
      rows={measures.map((p) => [
        p.goal?.text ?? t('editions.furtherMeasures'),
        p.measure.number ?? '–',
        p.measure.text,
        p.measure.actors.map((a) => (a.role === 'lead' ? t('editions.leadActor', { name: a.name }) : a.name)).join(', '),
        <StatusBadge t={t} category={p.measure.status.category} label={p.measure.status.label} />,
        latestNote(t, lang, p.measure),
      ])}
    />
  );
}

function SnapshotView({ ctx, snapshot }: { ctx: PageContext; snapshot: PlanSnapshot }) {
  const { t } = ctx;
  const placed = placedMeasures(snapshot);
  return (
    <>
      {snapshot.guidingGoals.length > 0 ? (
        <section aria-labelledby="snapshot-guiding" class="stack">
          <h2 class="kern-heading-medium" id="snapshot-guiding">{t('editions.guidingGoals')}</h2>
          <ul class="kern-list">
            {snapshot.guidingGoals.map((g) => (
              <li>{g.targetYear ? t('editions.guidingGoalWithYear', { text: g.text, year: g.targetYear }) : g.text}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {snapshot.fields.map((f) => (
        <section aria-labelledby={`snapshot-field-${f.id}`} class="stack">
          <h2 class="kern-heading-medium" id={`snapshot-field-${f.id}`}>{f.title}</h2>
          {f.visions.map((v) => (
            <p class="kern-body">{t('editions.vision', { text: v })}</p>
          ))}
          <SnapshotFieldTable ctx={ctx} caption={t('editions.fieldCaption', { field: f.title })} measures={placed.filter((p) => p.field.id === f.id)} />
        </section>
      ))}
    </>
  );
}

/** `extra`: sections other modules add below the facts (the steering group's approvals). */
export function EditionPage({ ctx, edition, canDelete, extra }: { ctx: PageContext; edition: Edition; canDelete: boolean; extra?: Child }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t('editions.edition.title', { label: edition.label });
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[overviewCrumb(ctx), { href: paths.adminPlanEditions(slug, edition.plan_id), label: edition.plan_title }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t('editions.edition.readOnly')}</p>
          <dl class="facts">
            <dt>{t('editions.edition.plan')}</dt>
            <dd>{edition.snapshot.plan.title}</dd>
            <dt>{t('editions.form.adoptedOn')}</dt>
            <dd>{edition.adopted_on ? formatShortDate(edition.adopted_on, lang) : '–'}</dd>
            <dt>{t('editions.form.paperNumber')}</dt>
            <dd>{edition.paper_number || '–'}</dd>
            <dt>{t('editions.takenAt')}</dt>
            <dd>{t('editions.takenBy', { date: formatShortDate(edition.created_at, lang), by: edition.created_by || t('editions.unknownAuthor') })}</dd>
            <dt>{t('editions.edition.measures')}</dt>
            <dd>{measureCount(edition.snapshot)}</dd>
            {edition.note ? (
              <>
                <dt>{t('editions.form.note')}</dt>
                <dd class="pre-line">{edition.note}</dd>
              </>
            ) : null}
          </dl>
          <p class="actions">
            <a class="kern-link" href={`${paths.adminEditionsCompare(slug)}?from=e${edition.id}&to=p${edition.plan_id}`}>{t('editions.compareWithToday')}</a>
            {canDelete ? <a class="kern-link" href={paths.adminEditionDelete(slug, edition.id)}>{t('editions.edition.delete')}</a> : null}
          </p>
        </div>
        {extra}
        <SnapshotView ctx={ctx} snapshot={edition.snapshot} />
      </div>
    </Layout>
  );
}

export interface CompareOption {
  value: string;
  label: string;
}

function MeasureCell({ ctx, p }: { ctx: PageContext; p: PlacedMeasure }) {
  return (
    <>
      <span class="kern-body--bold">{measureName(ctx.t, p.measure)}</span>
      <br />
      <span class="pre-line">{p.measure.text}</span>
    </>
  );
}

function MeasureListTable({ ctx, id, caption, measures }: { ctx: PageContext; id: string; caption: string; measures: PlacedMeasure[] }) {
  const { t } = ctx;
  return (
    <DataTable
      caption={caption}
      id={id}
      empty={t('editions.compare.noneInSection')}
      columns={[{ label: t('editions.col.measure') }, { label: t('editions.col.field') }, { label: t('editions.col.status') }]}
      rows={measures.map((p) => [<MeasureCell ctx={ctx} p={p} />, p.field.title, <StatusBadge t={t} category={p.measure.status.category} label={p.measure.status.label} />])}
    />
  );
}

function ComparisonView({ ctx, result }: { ctx: PageContext; result: CompareResult }) {
  const { t, lang } = ctx;
  const { comparison: c } = result;
  const sections = [
    { id: 'status-changes', title: t('editions.compare.statusChanges', { count: c.statusChanges.length }) },
    { id: 'added', title: t('editions.compare.added', { count: c.added.length }) },
    { id: 'removed', title: t('editions.compare.removed', { count: c.removed.length }) },
    { id: 'changed', title: t('editions.compare.changed', { count: c.changed.length }) },
  ];
  return (
    <section aria-labelledby="result-title" class="stack-lg">
      <div class="stack">
        <h2 class="kern-heading-medium" id="result-title">{t('editions.compare.resultTitle')}</h2>
        <p class="kern-body">{t('editions.compare.between', { from: sideLabel(t, lang, result.from), to: sideLabel(t, lang, result.to) })}</p>
        <ul class="kern-list">
          {sections.map((s) => (
            <li><a class="kern-link" href={`#${s.id}-title`}>{s.title}</a></li>
          ))}
          <li>{t('editions.compare.unchanged', { count: c.unchanged })}</li>
        </ul>
      </div>

      <section aria-labelledby="status-changes-title" class="stack">
        <h3 class="kern-heading-small" id="status-changes-title">{sections[0].title}</h3>
        <DataTable
          caption={sections[0].title}
          empty={t('editions.compare.noneInSection')}
          columns={[{ label: t('editions.col.measure') }, { label: t('editions.col.before') }, { label: t('editions.col.after') }, { label: t('editions.col.reasons') }]}
          rows={c.statusChanges.map((s) => [
            <MeasureCell ctx={ctx} p={s.after} />,
            statusText(t, s.from),
            statusText(t, s.to),
            s.reasons.length === 0 ? (
              t('editions.compare.noHistory')
            ) : (
              <ul class="kern-list">
                {s.reasons.map((r) => (
                  <li>{reasonLine(t, lang, r)}</li>
                ))}
              </ul>
            ),
          ])}
        />
      </section>

      <section aria-labelledby="added-title" class="stack">
        <h3 class="kern-heading-small" id="added-title">{sections[1].title}</h3>
        <MeasureListTable ctx={ctx} id="added-table" caption={sections[1].title} measures={c.added} />
      </section>

      <section aria-labelledby="removed-title" class="stack">
        <h3 class="kern-heading-small" id="removed-title">{sections[2].title}</h3>
        <MeasureListTable ctx={ctx} id="removed-table" caption={sections[2].title} measures={c.removed} />
      </section>

      <section aria-labelledby="changed-title" class="stack">
        <h3 class="kern-heading-small" id="changed-title">{sections[3].title}</h3>
        <DataTable
          caption={sections[3].title}
          empty={t('editions.compare.noneInSection')}
          columns={[{ label: t('editions.col.measure') }, { label: t('editions.col.whatChanged') }]}
          rows={c.changed.map((ch) => [
            <MeasureCell ctx={ctx} p={ch.after} />,
            <ul class="kern-list">
              {changeLines(t, ch).map((line) => (
                <li class="pre-line">{line}</li>
              ))}
            </ul>,
          ])}
        />
      </section>
    </section>
  );
}

export function ComparePage({ ctx, options, form, result }: { ctx: PageContext; options: CompareOption[]; form: FormState; result: CompareResult | null }) {
  const { t } = ctx;
  const labels = { from: t('editions.compare.from'), to: t('editions.compare.to') };
  return (
    <Layout ctx={ctx} title={t('editions.compare.title')} area="admin" crumbs={[overviewCrumb(ctx)]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{t('editions.compare.title')}</h1>
          <p class="kern-body">{t('editions.compare.intro')}</p>
          <form method="get" action={paths.adminEditionsCompare(ctx.municipality!.slug)} class="form" novalidate>
            <ErrorSummary t={t} form={form} labels={labels} />
            <Select t={t} form={form} name="from" label={labels.from} options={options} empty={t('editions.compare.choose')} />
            <Select t={t} form={form} name="to" label={labels.to} options={options} empty={t('editions.compare.choose')} />
            <div class="actions">
              <SubmitButton label={t('editions.compare.submit')} />
            </div>
          </form>
        </div>
        {result ? <ComparisonView ctx={ctx} result={result} /> : null}
      </div>
    </Layout>
  );
}
