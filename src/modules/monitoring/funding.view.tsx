// The funding of a measure, as a section of the measure's page (admin: with links to add, edit, delete).
import { paths } from './monitoring.paths.js';
import type { PageContext } from '../../platform/views/page.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate, formatEuro } from '../../platform/views/format.js';

export interface FundingItem {
  id: number;
  programme: string;
  amount_cents: number | null;
  start_date: string | null;
  end_date: string | null;
}

export function FundingSection({ ctx, measureId, funding, admin }: { ctx: PageContext; measureId: number; funding: FundingItem[]; admin: boolean }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  // The public page says nothing about funding a measure does not have.
  if (!admin && funding.length === 0) return null;
  const period = (f: FundingItem) =>
    f.start_date && f.end_date
      ? `${formatDate(f.start_date, lang)} – ${formatDate(f.end_date, lang)}`
      : f.end_date
        ? t('monitoring.funding.until', { date: formatDate(f.end_date, lang) })
        : f.start_date
          ? t('monitoring.funding.from', { date: formatDate(f.start_date, lang) })
          : '–';
  return (
    <section aria-labelledby="funding-title" class="stack">
      <h2 class="kern-heading-medium" id="funding-title">{t('monitoring.funding.title')}</h2>
      <DataTable
        caption={t('monitoring.funding.caption')}
        small
        layout="data"
        empty={t('monitoring.funding.none')}
        columns={[
          { label: t('monitoring.funding.programme') },
          { label: t('monitoring.funding.amount'), numeric: true },
          { label: t('monitoring.funding.period') },
          ...(admin ? [{ label: t('monitoring.funding.actions') }] : []),
        ]}
        rows={funding.map((f) => [
          f.programme,
          f.amount_cents !== null ? formatEuro(f.amount_cents, lang) : '–',
          period(f),
          ...(admin
            ? [
                <span class="actions">
                  <a class="kern-link" href={paths.adminFunding(slug, f.id)}>{t('monitoring.funding.edit')}<span class="kern-sr-only">: {f.programme}</span></a>
                  <a class="kern-link" href={paths.adminFundingDelete(slug, f.id)}>{t('monitoring.funding.delete')}<span class="kern-sr-only">: {f.programme}</span></a>
                </span>,
              ]
            : []),
        ])}
        rowHeaders
      />
      {admin ? <p><a class="kern-link" href={paths.adminFundingNew(slug, measureId)}>{t('monitoring.funding.new')}</a></p> : null}
    </section>
  );
}
