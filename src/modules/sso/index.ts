// Single sign-on for staff: the municipality's own identity provider (OpenID Connect) signs its people in,
// with admin or editor roles read from the provider's claims. Password sign-in stays for everyone else.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { loadLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { ssoPaths } from './sso.paths.js';
import { ssoRoutes } from './sso.routes.js';
import { SsoService } from './sso.service.js';

export { ssoPaths } from './sso.paths.js';
export type { SsoService } from './sso.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    sso: SsoService;
  }
}

export const ssoModule: ModuleManifest = {
  name: 'sso',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [{ area: 'admin', order: 93, label: 'sso.nav.admin', href: (slug) => ssoPaths.adminSettings(slug), permission: 'users.manage' }],
  services: (p) => ({ sso: new SsoService(p.kysely, p.audit, p.auth, { publicUrl: p.config.publicUrl }) }),
  routes: (context) => new Hono<AppEnv>().route('/', ssoRoutes(context)),
};
