// The addresses of the importer module: one definition per route gives its link, its pattern and its parameters.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';
import { planPaths } from '../plan/index.js';

export const importerPaths = {
  adminImport: route('/:slug/verwaltung/import'),
  adminImportPreview: route('/:slug/verwaltung/import/:token'),
  adminImportMapping: route('/:slug/verwaltung/import/:token/zuordnung'),
  adminImportActors: route('/:slug/verwaltung/import/:token/akteure'),
  adminImportConfirm: route('/:slug/verwaltung/import/:token/bestaetigen'),
  adminImportDiscard: route('/:slug/verwaltung/import/:token/verwerfen'),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...planPaths, ...importerPaths };
