// The addresses of the monitoring module: one definition per route gives its link, its pattern and its parameters.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';
import { planPaths } from '../plan/index.js';

/** An address with the query parameters that have a value. */
function query(base: string, params: Record<string, number | null | undefined>): string {
  const set = Object.entries(params).filter(([, v]) => v !== null && v !== undefined);
  return set.length ? `${base}?${set.map(([k, v]) => `${k}=${v}`).join('&')}` : base;
}

const monitoringRoutes = {
  adminDashboard: route('/:slug/verwaltung/umsetzung'),
  dashboard: route('/:slug/umsetzung'),
  overdue: route('/:slug/umsetzung/ueberfaellig'),
  adminOverdue: route('/:slug/verwaltung/umsetzung/ueberfaellig'),
  priorities: route('/:slug/umsetzung/jahresziele'),
  adminPriorities: route('/:slug/verwaltung/umsetzung/jahresziele'),
  adminPriorityNew: route('/:slug/verwaltung/umsetzung/plaene/:parentId/jahresziele/neu'),
  adminPriority: route('/:slug/verwaltung/umsetzung/jahresziele/:id'),
  adminPriorityDelete: route('/:slug/verwaltung/umsetzung/jahresziele/:id/loeschen'),
  adminIndicators: route('/:slug/verwaltung/umsetzung/kennzahlen'),
  adminIndicatorNew: route('/:slug/verwaltung/umsetzung/plaene/:parentId/kennzahlen/neu'),
  adminIndicator: route('/:slug/verwaltung/umsetzung/kennzahlen/:id'),
  adminIndicatorEdit: route('/:slug/verwaltung/umsetzung/kennzahlen/:id/bearbeiten'),
  adminIndicatorDelete: route('/:slug/verwaltung/umsetzung/kennzahlen/:id/loeschen'),
  adminIndicatorValue: route('/:slug/verwaltung/umsetzung/kennzahlen/:id/werte'),
  adminIndicatorValueDelete: route('/:slug/verwaltung/umsetzung/kennzahlen/:id/werte/:valueId/loeschen'),
  adminIndicatorUpload: route('/:slug/verwaltung/umsetzung/kennzahlen/:id/csv'),
  adminFundingNew: route('/:slug/verwaltung/massnahmen/:parentId/foerderung/neu'),
  adminFunding: route('/:slug/verwaltung/foerderungen/:id'),
  adminFundingDelete: route('/:slug/verwaltung/foerderungen/:id/loeschen'),
};

export const monitoringPaths = {
  ...monitoringRoutes,
  adminIndicatorsOf: (slug: string, planId: number) => `${monitoringRoutes.adminIndicators(slug)}?plan=${planId}`,
  adminDashboardOf: (slug: string, planId: number, fieldId?: number | null) => `${monitoringRoutes.adminDashboard(slug)}?plan=${planId}${fieldId ? `&feld=${fieldId}` : ''}`,
  dashboardOf: (slug: string, fieldId?: number | null) => `${monitoringRoutes.dashboard(slug)}${fieldId ? `?feld=${fieldId}` : ''}`,
  /** the list of every overdue measure (of a field), on a page of it */
  overdueOf: (slug: string, fieldId?: number | null, page = 1) => query(monitoringRoutes.overdue(slug), { feld: fieldId, seite: page > 1 ? page : null }),
  adminOverdueOf: (slug: string, planId: number, fieldId?: number | null, page = 1) =>
    query(monitoringRoutes.adminOverdue(slug), { plan: planId, feld: fieldId, seite: page > 1 ? page : null }),
  adminPrioritiesOf: (slug: string, planId: number, year?: number | null) => `${monitoringRoutes.adminPriorities(slug)}?plan=${planId}${year ? `&jahr=${year}` : ''}`,
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...planPaths, ...monitoringPaths };
