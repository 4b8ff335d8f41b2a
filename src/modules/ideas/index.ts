// Residents speak between surveys and events: comments on published measures, goals and fields of action, and
// ideas per field, moderated by the officer (approve, hide with a reason, answer publicly), traced to measures.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { loadLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { addDemoIdeas } from './ideas.demo.js';
import { ideasPaths } from './ideas.paths.js';
import { ideasRoutes } from './ideas.routes.js';
import { ideasSections } from './ideas.sections.js';
import { IdeasService } from './ideas.service.js';

export { ideasPaths } from './ideas.paths.js';
export type { IdeasService } from './ideas.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    ideas: IdeasService;
  }
}

export const ideasModule: ModuleManifest = {
  name: 'ideas',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [
    { area: 'admin', order: 57, label: 'ideas.nav.admin', href: (slug) => ideasPaths.adminQueue(slug), permission: 'ideas.moderate' },
    { area: 'public', order: 44, label: 'ideas.nav.public', href: (slug) => ideasPaths.ideas(slug) },
  ],
  services: (p, before) => ({ ideas: new IdeasService(p.kysely, p.clock, p.audit, p.jobs, p.mailer, { plans: before.plans }, { publicUrl: p.config.publicUrl }) }),
  routes: (context) => new Hono<AppEnv>().route('/', ideasRoutes(context)),
  jobs: (services) => services.ideas.jobHandlers(),
  sections: (services) => ideasSections(services),
  demo: (services, demo) => addDemoIdeas(services, demo),
};
