// The addresses of the editions module: one definition per route gives its link, its pattern and its parameters.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';
import { planPaths } from '../plan/index.js';

export const editionsPaths = {
  adminEditions: route('/:slug/verwaltung/fortschreibungen'),
  adminEditionsCompare: route('/:slug/verwaltung/fortschreibungen/vergleich'),
  adminPlanEditions: route('/:slug/verwaltung/fortschreibungen/plan/:id'),
  adminPlanContinue: route('/:slug/verwaltung/fortschreibungen/plan/:id/fortschreiben'),
  adminPlanReport: route('/:slug/verwaltung/fortschreibungen/plan/:id/bericht.:format', { format: ['pdf', 'docx'] }),
  adminEdition: route('/:slug/verwaltung/fortschreibungen/fassung/:id'),
  adminEditionDelete: route('/:slug/verwaltung/fortschreibungen/fassung/:id/loeschen'),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...planPaths, ...editionsPaths };
