// Indicators (Kennzahlen): the plan's list, and one indicator's page with its chart against the target,
// its values, a form for one more value and the CSV upload. Pure functions of their view models.
import { paths } from './monitoring.paths.js';
import { ActionButton, Csrf, ErrorSummary, fieldId, SubmitButton, TextField } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate, formatNumber, formatPercent } from '../../platform/views/format.js';
import type { RenderedChart } from './dashboard.charts.js';
import type { IndicatorSummary } from './dashboard.js';
import { ChartFigure } from './dashboard.view.js';
import type { IndicatorDetail } from './monitoring.service.js';

export interface IndicatorsVm {
  plan: { id: number; title: string };
  indicators: Array<IndicatorSummary & { anchorText: string }>;
  canEdit: boolean;
}

export function IndicatorsPage({ ctx, vm }: { ctx: PageContext; vm: IndicatorsVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const num = (v: number | null, unit: string) => (v === null ? '–' : `${formatNumber(v, lang)}${unit ? ` ${unit}` : ''}`);
  const title = t('monitoring.indicators.title');
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminDashboardOf(slug, vm.plan.id), label: t('monitoring.title') }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t('monitoring.indicators.intro', { plan: vm.plan.title })}</p>
          {vm.canEdit ? <p><a class="kern-link" href={paths.adminIndicatorNew(slug, vm.plan.id)}>{t('monitoring.indicator.new')}</a></p> : null}
        </div>
        <DataTable
          caption={t('monitoring.indicators.caption')}
          captionVisible
          small
          layout="data"
          empty={t('monitoring.indicators.none')}
          columns={[
            { label: t('monitoring.indicators.name') },
            { label: t('monitoring.indicators.anchor') },
            { label: t('monitoring.indicators.latest'), numeric: true },
            { label: t('monitoring.indicators.target'), numeric: true },
            { label: t('monitoring.indicators.progress'), numeric: true },
          ]}
          rows={vm.indicators.map((i) => [
            <a class="kern-link" href={paths.adminIndicator(slug, i.id)}>{i.name}</a>,
            i.anchorText.slice(0, 140),
            i.latest ? num(i.latest.value, i.unit) : '–',
            <>{num(i.target_value, i.unit)}{i.target_year ? ` (${i.target_year})` : ''}</>,
            i.progress !== null ? formatPercent(i.progress, lang) : '–',
          ])}
          rowHeaders
        />
      </div>
    </Layout>
  );
}

export interface IndicatorVm {
  indicator: IndicatorDetail;
  chart: RenderedChart;
  valueForm: FormState;
  /** problems of a refused CSV upload, already in words */
  upload: { fileName: string; problems: Array<{ line: number; text: string }> } | null;
  canEdit: boolean;
}

function UploadProblems({ ctx, upload }: { ctx: PageContext; upload: NonNullable<IndicatorVm['upload']> }) {
  const { t } = ctx;
  return (
    <div class="kern-alert kern-alert--danger error-summary" role="alert" aria-labelledby="upload-problems-title" tabindex={-1}>
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
        <h3 class="kern-title" id="upload-problems-title">{t('form.errorSummary')}</h3>
      </div>
      <div class="kern-alert__body stack">
        <p class="kern-body">{t('monitoring.indicator.uploadRefused', { file: upload.fileName })}</p>
        <ul class="kern-list">
          {upload.problems.map((p) => (
            <li>
              <a class="kern-link" href={`#${fieldId('file')}`}>{p.line > 0 ? t('monitoring.indicator.line', { line: p.line, text: p.text }) : p.text}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function IndicatorPage({ ctx, vm }: { ctx: PageContext; vm: IndicatorVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const ind = vm.indicator;
  const num = (v: number | null) => (v === null ? '–' : `${formatNumber(v, lang)}${ind.unit ? ` ${ind.unit}` : ''}`);
  const labels = { period: t('monitoring.indicator.period'), value: t('monitoring.indicator.value') };
  return (
    <Layout
      ctx={ctx}
      title={ind.name}
      area="admin"
      crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminIndicatorsOf(slug, ind.plan_id), label: t('monitoring.indicators.title') }]}
    >
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{ind.name}</h1>
          <dl class="facts">
            <dt>{t(ind.anchorKind === 'goal' ? 'goal.singular' : 'monitoring.guidingGoal')}</dt>
            <dd>{ind.anchorText}</dd>
            <dt>{t('monitoring.indicator.unit')}</dt>
            <dd>{ind.unit || '–'}</dd>
            <dt>{t('monitoring.indicator.source')}</dt>
            <dd>{ind.source || '–'}</dd>
            <dt>{t('monitoring.indicators.baseline')}</dt>
            <dd>{num(ind.baseline_value)}{ind.baseline_year ? ` (${ind.baseline_year})` : ''}</dd>
            <dt>{t('monitoring.indicators.target')}</dt>
            <dd>{num(ind.target_value)}{ind.target_year ? ` (${ind.target_year})` : ''}</dd>
          </dl>
          {vm.canEdit ? (
            <div class="actions">
              <a class="kern-link" href={paths.adminIndicatorEdit(slug, ind.id)}>{t('monitoring.indicator.edit')}</a>
              <a class="kern-link" href={paths.adminIndicatorDelete(slug, ind.id)}>{t('monitoring.indicator.delete')}</a>
            </div>
          ) : null}
        </div>
        <section aria-labelledby="verlauf" class="stack">
          <h2 class="kern-heading-medium" id="verlauf">{t('monitoring.indicator.chartTitle')}</h2>
          <ChartFigure chart={vm.chart} />
        </section>
        {vm.canEdit && ind.valueRows.length ? (
          <section aria-labelledby="werte" class="stack">
            <h2 class="kern-heading-medium" id="werte">{t('monitoring.indicator.valuesTitle')}</h2>
            <ul class="history">
              {ind.valueRows.map((v) => {
                const when = v.period.length === 4 ? v.period : formatDate(v.period, lang);
                return (
                  <li class="tree-item">
                    <span class="tree-item__text">{when}: {num(v.value)}</span>
                    <ActionButton action={paths.adminIndicatorValueDelete(slug, ind.id, v.id)} csrfToken={ctx.csrfToken} label={t('monitoring.indicator.deleteValue')} srLabel={when} variant="tertiary" />
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        {vm.canEdit ? (
          <section aria-labelledby="wert-neu" class="stack">
            <h2 class="kern-heading-medium" id="wert-neu">{t('monitoring.indicator.addValue')}</h2>
            <form method="post" action={paths.adminIndicatorValue(slug, ind.id)} class="form" novalidate>
              <ErrorSummary t={t} form={vm.valueForm} labels={labels} />
              <Csrf token={ctx.csrfToken} />
              <TextField t={t} form={vm.valueForm} name="period" label={labels.period} hint={t('monitoring.indicator.periodHint')} width="short" />
              <TextField t={t} form={vm.valueForm} name="value" label={labels.value} hint={t('monitoring.indicator.valueHint')} width="short" />
              <SubmitButton label={t('monitoring.indicator.saveValue')} />
            </form>
          </section>
        ) : null}
        {vm.canEdit ? (
          <section aria-labelledby="csv" class="stack">
            <h2 class="kern-heading-medium" id="csv">{t('monitoring.indicator.uploadTitle')}</h2>
            <p class="kern-body">{t('monitoring.indicator.uploadIntro')}</p>
            <pre class="kern-body csv-example">{'Jahr;Wert\n2023;1.076,5\n2024;1.180'}</pre>
            <form method="post" action={paths.adminIndicatorUpload(slug, ind.id)} enctype="multipart/form-data" class="form" novalidate>
              {vm.upload ? <UploadProblems ctx={ctx} upload={vm.upload} /> : null}
              <Csrf token={ctx.csrfToken} />
              <div class={`kern-form-input${vm.upload ? ' kern-form-input--error' : ''}`}>
                <label class="kern-label" for={fieldId('file')}>{t('monitoring.indicator.file')}</label>
                <input class="kern-form-input__input" type="file" id={fieldId('file')} name="file" accept=".csv,text/csv,text/plain" />
              </div>
              <SubmitButton label={t('monitoring.indicator.upload')} />
            </form>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
