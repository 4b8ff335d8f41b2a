// The access codes page: counts per batch, a form to make a new batch, and the printed sheet's choices.
import type { PageContext, FormState } from '../../platform/views/page.js';
import { Layout } from '../../platform/views/layout.js';
import { Checkbox, Csrf, ErrorSummary, Select, SubmitButton, TextField } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatNumber } from '../../platform/views/format.js';
import { MAX_CODES_PER_BATCH, type CodeSummary } from './codes.model.js';
import type { QuestionnaireHead } from './questionnaire.model.js';
import { paths } from './questionnaires.paths.js';

export interface CodesModel {
  questionnaire: QuestionnaireHead;
  summary: CodeSummary;
  form: FormState;
}

export function CodesPage({ ctx, model }: { ctx: PageContext; model: CodesModel }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const { questionnaire: q, summary, form } = model;
  const title = t('questionnaires.codes.title', { title: q.title });
  const n = (v: number) => formatNumber(v, lang);
  const labels = { count: t('questionnaires.codes.count') };
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[{ href: paths.adminList(slug), label: t('questionnaires.nav.admin') }, { href: paths.admin(slug, q.id), label: q.title }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t('questionnaires.codes.intro')}</p>
          {q.access !== 'codes' ? <p class="kern-body">{t('questionnaires.codes.notCodes')}</p> : null}
        </div>

        <section aria-labelledby="codes-batches" class="stack">
          <h2 class="kern-heading-medium" id="codes-batches">{t('questionnaires.codes.caption')}</h2>
          {summary.generated > 0 ? <p class="kern-body">{t('questionnaires.codes.summary', { generated: n(summary.generated), used: n(summary.used), unused: n(summary.generated - summary.used) })}</p> : null}
          <DataTable
            caption={t('questionnaires.codes.caption')}
            layout="data"
            empty={t('questionnaires.codes.none')}
            columns={[{ label: t('questionnaires.codes.batch') }, { label: t('questionnaires.codes.generated'), numeric: true }, { label: t('questionnaires.codes.used'), numeric: true }, { label: t('questionnaires.codes.unused'), numeric: true }]}
            rows={summary.batches.map((b) => [t('questionnaires.codes.batchNumber', { batch: b.batch }), n(b.generated), n(b.used), n(b.generated - b.used)])}
            rowHeaders
          />
        </section>

        {q.access === 'codes' ? (
          <section aria-labelledby="codes-generate" class="stack">
            <h2 class="kern-heading-medium" id="codes-generate">{t('questionnaires.codes.generateTitle')}</h2>
            <ErrorSummary t={t} form={form} labels={labels} />
            <form method="post" action={paths.adminCodes(slug, q.id)} class="stack" novalidate>
              <Csrf token={ctx.csrfToken} />
              <TextField t={t} form={form} name="count" label={labels.count} hint={t('questionnaires.codes.countHint', { max: MAX_CODES_PER_BATCH })} inputmode="numeric" width="short" />
              <div>
                <SubmitButton label={t('questionnaires.codes.generate')} />
              </div>
            </form>
          </section>
        ) : null}

        {summary.generated > 0 ? (
          <section aria-labelledby="codes-download" class="stack">
            <h2 class="kern-heading-medium" id="codes-download">{t('questionnaires.codes.downloadTitle')}</h2>
            <p class="kern-body">{t('questionnaires.codes.downloadIntro')}</p>
            <form method="get" action={paths.adminCodesPdf(slug, q.id)} class="stack">
              <Select
                t={t}
                form={{ values: {}, errors: {} }}
                name="batch"
                label={t('questionnaires.codes.which')}
                options={[{ value: '', label: t('questionnaires.codes.allBatches') }, ...summary.batches.map((b) => ({ value: String(b.batch), label: t('questionnaires.codes.batchNumber', { batch: b.batch }) }))]}
              />
              <Checkbox t={t} form={{ values: {}, errors: {} }} name="unused" label={t('questionnaires.codes.unusedOnly')} />
              <div>
                <button type="submit" class="kern-btn kern-btn--secondary">
                  <span class="kern-label">{t('questionnaires.codes.download')}</span>
                </button>
              </div>
            </form>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
