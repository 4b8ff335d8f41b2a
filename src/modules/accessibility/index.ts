// The accessibility statement (Erklärung zur Barrierefreiheit) of each municipality: kept by the officer, shown
// in every interface language and linked from every footer, with the feedback on barriers that reaches the officer.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { loadLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { addDemoStatement } from './accessibility.demo.js';
import { accessibilityPaths } from './accessibility.paths.js';
import { accessibilityRoutes } from './accessibility.routes.js';
import { AccessibilityService } from './accessibility.service.js';

export { accessibilityPaths } from './accessibility.paths.js';
export type { AccessibilityService } from './accessibility.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    accessibility: AccessibilityService;
  }
}

export const accessibilityModule: ModuleManifest = {
  name: 'accessibility',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [
    { area: 'admin', order: 95, label: 'accessibility.nav.admin', href: (slug) => accessibilityPaths.adminStatement(slug), permission: 'municipality.edit' },
  ],
  services: (p) => ({ accessibility: new AccessibilityService(p.kysely, p.clock, p.audit, p.jobs, p.mailer, { publicUrl: p.config.publicUrl }) }),
  routes: (context) => new Hono<AppEnv>().route('/', accessibilityRoutes(context)),
  jobs: (services) => services.accessibility.jobHandlers(),
  demo: (services, demo) => addDemoStatement(services, demo),
};
