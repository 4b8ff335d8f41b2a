// Editions (Fortschreibungen): a plan frozen as the council adopted it, compared with another state, and the
// start of the next edition; the yearly report for the council as tagged PDF and Word.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { ModuleManifest } from '../../platform/module.js';
import { editionsPaths } from './editions.paths.js';
import { editionsRoutes } from './editions.routes.js';
import { EditionService } from './editions.service.js';
import { loadLocales } from '../../platform/i18n/i18n.js';

export { editionsPaths } from './editions.paths.js';
export type { EditionService, EditionFollower } from './editions.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    editions: EditionService;
  }
  interface SectionSlots {
    /** Below the facts of an edition's page (the steering group: who approved the plan, and when). */
    'edition.admin': { editionId: number };
  }
}

export const editionsModule: ModuleManifest = {
  name: 'editions',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [{ area: 'admin', order: 40, label: 'admin.nav.editions', href: (slug) => editionsPaths.adminEditions(slug), permission: 'plan.read_drafts' }],
  services: (p, before) => ({ editions: new EditionService(p.kysely, p.audit, before.plans) }),
  routes: (context) => new Hono<AppEnv>().route('/', editionsRoutes(context)),
  links: {
    'plan.workspace': (ctx, { planId }) => {
      const slug = ctx.municipality!.slug;
      return [
        { href: editionsPaths.adminPlanEditions(slug, planId), label: ctx.t('plan.editions') },
        { href: editionsPaths.adminPlanReport(slug, planId, 'pdf'), label: ctx.t('plan.reportPdf') },
        { href: editionsPaths.adminPlanReport(slug, planId, 'docx'), label: ctx.t('plan.reportDocx') },
      ];
    },
  },
};
