// The dashboard, in the admin area (any plan, with a plan chooser) and on the public site (the published
// plan): key figures, the charts each with its summary and table, overdue measures, funding warnings (admin
// only: they are the officer's to act on) and indicators against their targets. A pure function of its view model.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { paths } from './monitoring.paths.js';
import type { T } from '../../platform/i18n/i18n.js';
import { textLang } from '../../platform/i18n/content.js';
import { InLang, Pager, sentence, StatusBadge } from '../../platform/views/components.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate, formatEuro, formatNumber, formatPercent } from '../../platform/views/format.js';
import { measureTitle } from '../plan/index.js';
import { STATUS_CATEGORIES } from '../plan/index.js';
import { berlinDay } from './calendar.js';
import type { DataTable as ChartTable, RenderedChart } from './dashboard.charts.js';
import type { DashboardData, MeasureRef } from './dashboard.js';

/** A chart's numbers: the first column heads the rows, the others are figures. */
export function DataTableView({ table, id }: { table: ChartTable; id?: string }) {
  return (
    <DataTable
      caption={table.caption}
      captionVisible
      small
      layout="data"
      id={id}
      columns={table.columns.map((label, i) => ({ label, numeric: i > 0 }))}
      rows={table.rows.map((r) => [r.header, ...r.cells])}
      rowHeaders
    />
  );
}

/** A chart: its sentence (which names the image), the SVG, and the same numbers as a table. */
export function ChartFigure({ chart }: { chart: RenderedChart }) {
  return (
    <div class="chart stack">
      <p class="kern-body chart-summary" id={`${chart.id}-summary`}>{chart.summary}</p>
      <div class="chart-image">{raw(chart.svg)}</div>
      <DataTableView table={chart.table} />
    </div>
  );
}

export interface DashboardVm {
  area: 'admin' | 'public';
  data: DashboardData;
  charts: { status: RenderedChart; changes: RenderedChart; actors: RenderedChart };
  indicatorCharts: RenderedChart[];
  /** the municipality's plans, for the admin's plan chooser */
  plans: Array<{ id: number; title: string; state: string }>;
  fields: Array<{ id: number; title: string }>;
  /** every overdue measure of the plan (or field); `data.overdue` holds the longest overdue of them */
  overdueTotal: number;
}

function MeasureLink({ ctx, m, admin }: { ctx: PageContext; m: MeasureRef; admin: boolean }) {
  const slug = ctx.municipality!.slug;
  return (
    <a class="kern-link" href={admin ? paths.adminMeasure(slug, m.id) : paths.measure(slug, m.id)}>
      {measureTitle(ctx.t, m)}
      <span class="kern-sr-only">: <InLang attrs={textLang(ctx, 'measure', m.id, 'text')}>{m.text.slice(0, 120)}</InLang></span>
    </a>
  );
}

function Chooser({ ctx, vm }: { ctx: PageContext; vm: DashboardVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const admin = vm.area === 'admin';
  return (
    <form method="get" action={admin ? paths.adminDashboard(slug) : paths.dashboard(slug)} class="filters no-print">
      {admin ? (
        <div class="kern-form-input">
          <label class="kern-label" for="wahl-plan">{t('monitoring.dashboard.plan')}</label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="wahl-plan" name="plan">
              {vm.plans.map((p) => (
                <option value={String(p.id)} selected={p.id === vm.data.plan.id}>
                  {p.title} ({t(`planState.${p.state}`)})
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <div class="kern-form-input">
        <label class="kern-label" for="wahl-feld">{t('monitoring.dashboard.field')}</label>
        <div class="kern-form-input__select-wrapper">
          <select class="kern-form-input__select" id="wahl-feld" name="feld">
            <option value="">{t('monitoring.dashboard.allFields')}</option>
            {vm.fields.map((f) => (
              <option value={String(f.id)} selected={f.id === vm.data.field?.id} {...textLang(ctx, 'field', f.id, 'title')}>{f.title}</option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t('monitoring.dashboard.show')}</span>
        </button>
      </div>
    </form>
  );
}

function KeyFigures({ ctx, data, admin, overdueTotal }: { ctx: PageContext; data: DashboardData; admin: boolean; overdueTotal: number }) {
  const { t, lang } = ctx;
  return (
    <dl class="key-figures">
      <div>
        <dt>{t('monitoring.dashboard.total')}</dt>
        <dd>{data.total}</dd>
      </div>
      <div>
        <dt>{t('monitoring.dashboard.done')}</dt>
        <dd>
          {formatPercent(data.done.share, lang)} <span class="meta">({t('monitoring.dashboard.doneDetail', { completed: data.done.completed, ongoing: data.done.ongoing })})</span>
        </dd>
      </div>
      <div>
        <dt>{t('monitoring.dashboard.overdueCount')}</dt>
        <dd>{overdueTotal}</dd>
      </div>
      {admin ? (
        <div>
          <dt>{t('monitoring.dashboard.fundingCount')}</dt>
          <dd>{data.fundingWarnings.length}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function FieldsTable({ ctx, vm }: { ctx: PageContext; vm: DashboardVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const admin = vm.area === 'admin';
  // Categories no measure of the plan has are left out here; the status table above lists them all.
  const shown = STATUS_CATEGORIES.filter((c) => vm.data.byCategory.some((b) => b.category === c && b.count > 0));
  return (
    <DataTable
      caption={t('monitoring.dashboard.fieldsCaption')}
      captionVisible
      small
      layout="data"
      columns={[
        { label: t('field.singular') },
        { label: t('monitoring.dashboard.total'), numeric: true },
        ...shown.map((c) => ({ label: t(`status.${c}`), numeric: true })),
        { label: t('monitoring.dashboard.done'), numeric: true },
      ]}
      rows={vm.data.fields.map((f) => [
        <a class="kern-link" href={admin ? paths.adminDashboardOf(slug, vm.data.plan.id, f.id) : paths.dashboardOf(slug, f.id)} {...textLang(ctx, 'field', f.id, 'title')}>{f.title}</a>,
        f.total,
        ...f.byCategory.filter((c) => shown.includes(c.category)).map((c) => c.count),
        formatPercent(f.doneShare, lang),
      ])}
      rowHeaders
    />
  );
}

function reasonText(t: T, lang: string, reason: string, due: string): string {
  return t(`monitoring.overdue.${reason}`, { date: formatDate(due, lang) });
}

function OverdueTable({ ctx, area, overdue, total }: { ctx: PageContext; area: 'admin' | 'public'; overdue: DashboardData['overdue']; total: number }) {
  const { t, lang } = ctx;
  return (
    <DataTable
      caption={t('monitoring.overdue.caption', { count: total })}
      captionVisible
      small
      layout="data"
      empty={t('monitoring.overdue.none')}
      columns={[{ label: t('measure.singular') }, { label: t('field.singular') }, { label: t('measure.status') }, { label: t('monitoring.overdue.why') }]}
      rows={overdue.map((o) => [
        <MeasureLink ctx={ctx} m={o.measure} admin={area === 'admin'} />,
        <InLang attrs={textLang(ctx, 'field', o.measure.fieldId, 'title')}>{o.measure.fieldTitle}</InLang>,
        <StatusBadge t={t} category={o.measure.status_category} label={o.measure.status_label} />,
        <ul class="kern-list plain-list">
          {o.reasons.map((r) => <li>{reasonText(t, lang, r.reason, r.due)}</li>)}
        </ul>,
      ])}
      rowHeaders
    />
  );
}

/** What makes a measure overdue, with the last round's deadline when there was one. */
function OverdueExplained({ ctx, data }: { ctx: PageContext; data: DashboardData }) {
  const { t, lang } = ctx;
  return (
    <p class="kern-body meta">
      {data.lastRoundStart && data.lastRoundDeadline
        ? t('monitoring.overdue.explainRound', { start: formatDate(berlinDay(new Date(data.lastRoundStart)), lang), deadline: formatDate(data.lastRoundDeadline, lang) })
        : t('monitoring.overdue.explain')}
    </p>
  );
}

function FundingTable({ ctx, vm }: { ctx: PageContext; vm: DashboardVm }) {
  const { t, lang } = ctx;
  const { data } = vm;
  return (
    <DataTable
      caption={t('monitoring.funding.warningsCaption', { count: data.fundingWarnings.length })}
      captionVisible
      small
      layout="data"
      empty={t('monitoring.funding.noWarnings')}
      columns={[{ label: t('measure.singular') }, { label: t('monitoring.funding.programme') }, { label: t('monitoring.funding.amount'), numeric: true }, { label: t('monitoring.funding.warning') }]}
      rows={data.fundingWarnings.map((w) => [
        <MeasureLink ctx={ctx} m={w.measure} admin={vm.area === 'admin'} />,
        w.funding.programme,
        w.funding.amount_cents !== null ? formatEuro(w.funding.amount_cents, lang) : '–',
        w.kind === 'ending_soon'
          ? t('monitoring.funding.endingSoon', { count: w.daysLeft, date: formatDate(w.funding.end_date, lang) })
          : t('monitoring.funding.endedWhileActive', { date: formatDate(w.funding.end_date, lang), status: t(`status.${w.measure.status_category}`) }),
      ])}
      rowHeaders
    />
  );
}

function IndicatorsTable({ ctx, vm }: { ctx: PageContext; vm: DashboardVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const num = (v: number | null, unit: string) => (v === null ? '–' : `${formatNumber(v, lang)}${unit ? ` ${unit}` : ''}`);
  return (
    <DataTable
      caption={t('monitoring.indicators.caption')}
      captionVisible
      small
      layout="data"
      empty={t('monitoring.indicators.none')}
      columns={[
        { label: t('monitoring.indicators.name') },
        { label: t('monitoring.indicators.baseline'), numeric: true },
        { label: t('monitoring.indicators.latest'), numeric: true },
        { label: t('monitoring.indicators.target'), numeric: true },
        { label: t('monitoring.indicators.progress'), numeric: true },
      ]}
      rows={vm.data.indicators.map((i) => [
        vm.area === 'admin' ? <a class="kern-link" href={paths.adminIndicator(slug, i.id)}>{i.name}</a> : i.name,
        <>{num(i.baseline_value, i.unit)}{i.baseline_year ? ` (${i.baseline_year})` : ''}</>,
        i.latest ? `${num(i.latest.value, i.unit)} (${i.latest.period.length === 4 ? i.latest.period : formatDate(i.latest.period, lang)})` : '–',
        <>{num(i.target_value, i.unit)}{i.target_year ? ` (${i.target_year})` : ''}</>,
        i.progress !== null ? formatPercent(i.progress, lang) : '–',
      ])}
      rowHeaders
    />
  );
}

function Section({ id, title, children }: { id: string; title: string; children?: Child }) {
  return (
    <section aria-labelledby={id} class="stack">
      <h2 class="kern-heading-medium" id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function DashboardPage({ ctx, vm }: { ctx: PageContext; vm: DashboardVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const { data } = vm;
  const admin = vm.area === 'admin';
  const title = data.field ? t('monitoring.dashboard.titleField', { field: data.field.title }) : t('monitoring.title');
  const allOverdue = vm.overdueTotal > data.overdue.length ? (
    <a class="kern-link" href={admin ? paths.adminOverdueOf(slug, data.plan.id, data.field?.id) : paths.overdueOf(slug, data.field?.id)}>
      {t('monitoring.overdue.all', { count: vm.overdueTotal })}
    </a>
  ) : null;
  const crumbs: Crumb[] = admin
    ? [{ href: paths.admin(slug), label: t('admin.overview.title') }]
    : [{ href: paths.municipality(slug), label: data.plan.title, attrs: textLang(ctx, 'plan', data.plan.id, 'title') }];
  if (data.field) crumbs.push({ href: admin ? paths.adminDashboardOf(slug, data.plan.id) : paths.dashboard(slug), label: t('monitoring.title') });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} area={admin ? 'admin' : 'public'}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">
            {data.field ? sentence(t, 'monitoring.dashboard.titleField', {}, { field: <InLang attrs={textLang(ctx, 'field', data.field.id, 'title')}>{data.field.title}</InLang> }) : title}
          </h1>
          <p class="kern-body">
            {sentence(t, 'monitoring.dashboard.intro', { date: formatDate(data.today, lang) }, { plan: <InLang attrs={textLang(ctx, 'plan', data.plan.id, 'title')}>{data.plan.title}</InLang> })}
            {admin && data.plan.state !== 'published' ? ` ${t('monitoring.dashboard.notPublic')}` : ''}
          </p>
          <Chooser ctx={ctx} vm={vm} />
          <ul class="inline-list no-print">
            <li><a class="kern-link" href={admin ? paths.adminPrioritiesOf(slug, data.plan.id) : paths.priorities(slug)}>{t('monitoring.priorities.title')}</a></li>
            {admin ? <li><a class="kern-link" href={paths.adminIndicatorsOf(slug, data.plan.id)}>{t('monitoring.indicators.manage')}</a></li> : null}
          </ul>
          <KeyFigures ctx={ctx} data={data} admin={admin} overdueTotal={vm.overdueTotal} />
        </div>
        <Section id="stand" title={vm.charts.status.title}>
          <ChartFigure chart={vm.charts.status} />
        </Section>
        {data.field ? null : (
          <Section id="felder" title={t('monitoring.dashboard.fieldsTitle')}>
            <FieldsTable ctx={ctx} vm={vm} />
          </Section>
        )}
        <Section id="ueberfaellig" title={t('monitoring.overdue.title')}>
          <OverdueExplained ctx={ctx} data={data} />
          {/* the whole list is named before the table (on a narrow screen the 20 rows are long) and after it */}
          {allOverdue ? (
            <p class="kern-body">
              {t('monitoring.overdue.longest', { shown: data.overdue.length })} {allOverdue}
            </p>
          ) : null}
          <OverdueTable ctx={ctx} area={vm.area} overdue={data.overdue} total={vm.overdueTotal} />
          {allOverdue ? <p class="kern-body">{allOverdue}</p> : null}
        </Section>
        {admin ? (
          <Section id="foerderung" title={t('monitoring.funding.warningsTitle')}>
            <FundingTable ctx={ctx} vm={vm} />
          </Section>
        ) : null}
        <Section id="akteure" title={vm.charts.actors.title}>
          <ChartFigure chart={vm.charts.actors} />
        </Section>
        <Section id="veraenderungen" title={vm.charts.changes.title}>
          <ChartFigure chart={vm.charts.changes} />
        </Section>
        <Section id="kennzahlen" title={t('monitoring.indicators.title')}>
          <IndicatorsTable ctx={ctx} vm={vm} />
          {vm.indicatorCharts.map((c) => (
            <section aria-labelledby={`${c.id}-title`} class="stack">
              <h3 class="kern-heading-small" id={`${c.id}-title`}>{c.title}</h3>
              <ChartFigure chart={c} />
            </section>
          ))}
        </Section>
      </div>
    </Layout>
  );
}

export interface OverdueVm {
  area: 'admin' | 'public';
  /** the plan's figures, `overdue` holding this page's measures */
  data: DashboardData;
  total: number;
  page: number;
  pages: number;
}

/** Every overdue measure of a plan (or field), the longest overdue first, a page at a time. */
export function OverduePage({ ctx, vm }: { ctx: PageContext; vm: OverdueVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const { data } = vm;
  const admin = vm.area === 'admin';
  const dashboard = admin ? paths.adminDashboardOf(slug, data.plan.id, data.field?.id) : paths.dashboardOf(slug, data.field?.id);
  const title = data.field ? t('monitoring.overdue.titleField', { field: data.field.title }) : t('monitoring.overdue.title');
  const crumbs: Crumb[] = admin
    ? [{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: dashboard, label: t('monitoring.title') }]
    : [{ href: paths.municipality(slug), label: data.plan.title, attrs: textLang(ctx, 'plan', data.plan.id, 'title') }, { href: dashboard, label: t('monitoring.title') }];
  const pageHref = (page: number) => (admin ? paths.adminOverdueOf(slug, data.plan.id, data.field?.id, page) : paths.overdueOf(slug, data.field?.id, page));
  return (
    <Layout ctx={ctx} title={vm.pages > 1 ? `${title} (${t('pager.pageOf', { page: vm.page, pages: vm.pages })})` : title} crumbs={crumbs} area={admin ? 'admin' : 'public'}>
      <div class="stack">
        <h1 class="kern-heading-large">
          {data.field ? sentence(t, 'monitoring.overdue.titleField', {}, { field: <InLang attrs={textLang(ctx, 'field', data.field.id, 'title')}>{data.field.title}</InLang> }) : title}
        </h1>
        <OverdueExplained ctx={ctx} data={data} />
        <p class="kern-body">{t('monitoring.overdue.order')}</p>
        <OverdueTable ctx={ctx} area={vm.area} overdue={data.overdue} total={vm.total} />
        <Pager t={t} page={vm.page} pages={vm.pages} href={pageHref} />
        <p class="kern-body"><a class="kern-link" href={dashboard}>{t('monitoring.overdue.back')}</a></p>
      </div>
    </Layout>
  );
}

/** The admin dashboard when the municipality has no plan yet. */
export function NoPlanDashboardPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('monitoring.title')} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
      <h1 class="kern-heading-large">{t('monitoring.title')}</h1>
      <p class="kern-body">{t('monitoring.dashboard.noPlan')}</p>
      <p class="kern-body"><a class="kern-link" href={paths.adminPlanNew(slug)}>{t('plan.new')}</a></p>
    </Layout>
  );
}
