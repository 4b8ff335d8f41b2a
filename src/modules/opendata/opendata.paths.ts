// The addresses of open data: the API's (below /api/v1, outside any municipality's pages: no session), the
// embed views, and the officer's settings and tokens.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';

export const API_BASE = '/api/v1';

export const opendataPaths = {
  openapi: route('/api/v1/openapi.json'),
  apiRoot: route('/api/v1/:slug'),
  catalogue: route('/api/v1/:slug/catalog.:format', { format: ['ttl', 'jsonld'] }),
  planData: route('/api/v1/:slug/plans/:planId/data.:format', { format: ['json', 'csv'] }),
  embed: route('/:slug/einbetten/:view'),
  /** The public page of the municipality's open data: licence, downloads, API, catalogue. */
  openData: route('/:slug/offene-daten'),
  adminSettings: route('/:slug/verwaltung/offene-daten'),
  adminTokens: route('/:slug/verwaltung/offene-daten/tokens'),
  adminTokenRevoke: route('/:slug/verwaltung/offene-daten/tokens/:id/widerrufen'),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...opendataPaths };
