// Open data and the API: a read-only JSON API of published content with its OpenAPI 3.1 document, open data
// downloads under the municipality's licence with DCAT-AP.de metadata, script-free embed views for the
// municipality's own website, and a write API with personal tokens. Other modules add their resources through
// their manifest's `api` (reads, writes, embeds); this module serves them all.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { loadLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { coreApi } from './api.resources.js';
import { apiRoutes } from './api.routes.js';
import { coreEmbeds } from './embed.view.js';
import { API_BASE, opendataPaths } from './opendata.paths.js';
import { opendataRoutes } from './opendata.routes.js';
import { OpendataService } from './opendata.service.js';

export { opendataPaths } from './opendata.paths.js';
export type { OpendataService } from './opendata.service.js';
export { LICENCES, type LicenceCode } from './opendata.model.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    opendata: OpendataService;
  }
}

export const opendataModule: ModuleManifest = {
  name: 'opendata',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [
    { area: 'admin', order: 86, label: 'opendata.nav.settings', href: (slug) => opendataPaths.adminSettings(slug), permission: 'municipality.edit' },
    { area: 'admin', order: 87, label: 'opendata.nav.tokens', href: (slug) => opendataPaths.adminTokens(slug), permission: 'plan.edit' },
  ],
  services: (p) => ({ opendata: new OpendataService(p.kysely, p.audit, p.clock, p.auth) }),
  api: (services) => ({ ...coreApi(services), embeds: coreEmbeds(services) }),
  apiRoutes: (context) => apiRoutes(context),
  keptPrefixes: [`${API_BASE}/`],
  routes: (context) => new Hono<AppEnv>().route('/', opendataRoutes(context)),
  links: {
    // beside a published plan's downloads: where its open data, licence and API are
    'plan.downloads': (ctx, { admin }) => (admin ? [] : [{ href: opendataPaths.openData(ctx.municipality!.slug), label: ctx.t('opendata.public.link') }]),
  },
};
