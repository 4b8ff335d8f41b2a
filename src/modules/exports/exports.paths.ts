// The addresses of the exports module: one definition per route gives its link, its pattern and its parameters.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'docx', 'pdf'] as const;

export const exportsPaths = {
  adminPlanExport: route('/:slug/verwaltung/plaene/:id/export.:format', { format: EXPORT_FORMATS }),
  planExport: route('/:slug/plaene/:id/export.:format', { format: EXPORT_FORMATS }),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...exportsPaths };
