// The funding of a measure, as a section of the measure's page (admin: with links to add, edit, delete).
import { paths } from './monitoring.paths.js';
import type { PageContext } from '../../platform/views/page.js';
import { formatDate } from '../../platform/views/format.js';
import { formatEuro } from './number.js';

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
      {funding.length === 0 ? <p class="kern-body">{t('monitoring.funding.none')}</p> : null}
      {funding.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--small data-table">
            <caption class="kern-sr-only">{t('monitoring.funding.caption')}</caption>
            <thead class="kern-table__header">
              <tr>
                <th scope="col">{t('monitoring.funding.programme')}</th>
                <th scope="col" class="kern-table__header--numeric">{t('monitoring.funding.amount')}</th>
                <th scope="col">{t('monitoring.funding.period')}</th>
                {admin ? <th scope="col">{t('monitoring.funding.actions')}</th> : null}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {funding.map((f) => (
                <tr>
                  <th scope="row">{f.programme}</th>
                  <td class="kern-table__cell--numeric">{f.amount_cents !== null ? formatEuro(f.amount_cents, lang) : '–'}</td>
                  <td>{period(f)}</td>
                  {admin ? (
                    <td>
                      <span class="actions">
                        <a class="kern-link" href={paths.adminFunding(slug, f.id)}>{t('monitoring.funding.edit')}<span class="kern-sr-only">: {f.programme}</span></a>
                        <a class="kern-link" href={paths.adminFundingDelete(slug, f.id)}>{t('monitoring.funding.delete')}<span class="kern-sr-only">: {f.programme}</span></a>
                      </span>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {admin ? <p><a class="kern-link" href={paths.adminFundingNew(slug, measureId)}>{t('monitoring.funding.new')}</a></p> : null}
    </section>
  );
}
