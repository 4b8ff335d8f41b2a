// Municipalities: the instance admin creates them with their first admin; a municipality's admin keeps its
// settings and its people, and reads its audit log.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { ModuleManifest } from '../../platform/module.js';
import { instanceRoutes } from './instance.routes.js';
import { municipalitiesPaths } from './municipalities.paths.js';
import { municipalityRoutes } from './municipality.routes.js';
import { MunicipalityService } from './municipality.service.js';

export { municipalitiesPaths } from './municipalities.paths.js';
export type { Municipality, MunicipalityService } from './municipality.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    municipalities: MunicipalityService;
  }
}

export const municipalitiesModule: ModuleManifest = {
  name: 'municipalities',
  nav: [
    { area: 'admin', order: 80, label: 'admin.nav.users', href: (slug) => municipalitiesPaths.adminUsers(slug), permission: 'users.manage' },
    { area: 'admin', order: 90, label: 'admin.nav.settings', href: (slug) => municipalitiesPaths.adminSettings(slug), permission: 'municipality.edit' },
    { area: 'admin', order: 100, label: 'admin.nav.audit', href: (slug) => municipalitiesPaths.adminAudit(slug), permission: 'audit.read' },
  ],
  services: (p) => ({ municipalities: new MunicipalityService(p.kysely, p.audit, p.auth) }),
  instanceRoutes: (context) => new Hono<AppEnv>().route('/', instanceRoutes(context)),
  routes: (context) => new Hono<AppEnv>().route('/', municipalityRoutes(context)),
};
