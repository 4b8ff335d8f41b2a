// The plan module is the kernel: the catalogue (plans, fields, visions, guiding goals, goals, measures), its
// actors and status wordings, the exchange format and the status vocabulary. The one write path for
// measures, status changes and actor links lives here; other modules use plan only through this surface.
import { planTranslatable } from './plan.content.js';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { ModuleManifest, Writer } from '../../platform/module.js';
import { actorRoutes } from './actor.routes.js';
import { ActorService } from './actor.service.js';
import type { ExchangePlan } from './exchange.js';
import { planAdminRoutes } from './plan.admin.routes.js';
import { demoPlan } from './plan.demo.js';
import { importExchangePlan, type ImportOptions } from './plan.import.js';
import { planPaths } from './plan.paths.js';
import { planPublicRoutes } from './plan.public.routes.js';
import { PlanService } from './plan.service.js';
import { planSearchSource } from './plan.search.js';
import { wordingRoutes } from './wording.routes.js';
import { WordingService } from './wording.service.js';
import { loadLocales } from '../../platform/i18n/i18n.js';

export { planPaths } from './plan.paths.js';
export { STATUS_CATEGORIES, isStatusCategory, mapStatus, categoryOf, type StatusCategory, type MappedStatus } from './status.js';
export * from './exchange.js';
export { UNNAMED_GOAL, validateForImport } from './exchange.validate.js';
export { allMeasures, measuresOfField, type Plan, type Measure, type MeasureActorRef, type PlanTree, type Field, type Goal } from './plan.repository.js';
export { fieldSchema, goalSchema, measureSchema, planSchema, visionSchema, moveSchema, PLAN_STATES, NUMBER_MAX, type PlanState } from './plan.schema.js';
export type { PlanService, MeasureUpdate } from './plan.service.js';
export type { ActorService, ActorRow, ActorFollower, ActorUsage, PublicActorSource } from './actor.service.js';
export { actorNameKey } from './actor.repository.js';
export type { WordingService } from './wording.service.js';
export type { ImportOptions } from './plan.import.js';
export { measureTitle } from './measure.view.js';
export { demoPlan } from './plan.demo.js';
export { parseTimeframe, type Timeframe } from './timeframe.js';

export type ImportPlan = (municipalityId: number, exchange: ExchangePlan, by: Writer, options?: ImportOptions) => Promise<number>;

declare module '../../platform/module.js' {
  interface ModuleServices {
    plans: PlanService;
    actors: ActorService;
    wordings: WordingService;
    /** Writes an exchange-format plan as a new plan, all or nothing (demo data, importer, JSON upload). */
    importPlan: ImportPlan;
  }
  interface LinkSlots {
    /** Actions beside "new plan" on the admin overview. */
    'plan.overview': Record<string, never>;
    /** Links on a plan's admin workspace. */
    'plan.workspace': { planId: number };
    /** Downloads of a plan; `admin` in the admin area (drafts too). */
    'plan.downloads': { planId: number; admin: boolean };
  }
  interface SectionSlots {
    /** Below the facts of a measure's public page. */
    'measure.public': { measureId: number };
    /** The municipality's public start page, below its introduction (planId: the current published plan). */
    'municipality.public': { planId: number | null };
    /** At the end of a field of action's public page. */
    'field.public': { fieldId: number };
    /** At the end of an actor's public page (its measures listed above). */
    'actor.public': { actorId: number };
    /** Below a goal's heading on its field's public page. */
    'goal.public': { goalId: number };
    /** Below the facts of a measure's admin page. */
    'measure.admin': { measureId: number };
    /** Where a measure came from (questionnaire topics, residents' ideas): one "Herkunft" section on its page. */
    'measure.origin': { measureId: number; area: 'public' | 'admin' };
    /** On a plan's workspace, before its state actions: what to know before publishing (the steering group's reviews). */
    'plan.review': { planId: number };
    /** Why a plan may not be renumbered now: a section per reason; none means it may. */
    'plan.renumber': { planId: number };
  }
}

export const planModule: ModuleManifest = {
  name: 'plan',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [
    { area: 'admin', order: 60, label: 'admin.nav.actors', href: (slug) => planPaths.adminActors(slug), permission: 'actors.edit' },
    { area: 'admin', order: 70, label: 'admin.nav.wordings', href: (slug) => planPaths.adminWordings(slug), permission: 'wordings.edit' },
    { area: 'public', order: 20, label: 'public.nav.catalogue', href: (slug) => planPaths.catalogue(slug) },
    { area: 'public', order: 30, label: 'public.nav.actors', href: (slug) => planPaths.actors(slug) },
    { area: 'public', order: 50, label: 'public.nav.search', href: (slug) => planPaths.search(slug) },
  ],
  services(p) {
    const actors = new ActorService(p.kysely, p.audit);
    const plans = new PlanService(p.kysely, p.audit, (trx, municipalityId, actorIds) => actors.deleteWithin(trx, municipalityId, actorIds));
    const wordings = new WordingService(p.kysely, p.audit);
    p.search.registerSource(planSearchSource);
    const importPlan: ImportPlan = (municipalityId, exchange, by, options) => importExchangePlan(p.audit, municipalityId, exchange, by, options);
    return { plans, actors, wordings, importPlan };
  },
  routes(context) {
    const app = new Hono<AppEnv>();
    for (const sub of [planAdminRoutes, actorRoutes, wordingRoutes, planPublicRoutes]) app.route('/', sub(context));
    return app;
  },
  translatable: planTranslatable,
  async demo(services, { municipalityId, by }) {
    await services.wordings.seedDefaults(municipalityId);
    await services.importPlan(municipalityId, demoPlan(), by, { state: 'published', period: { start: 2023, end: 2030 } });
  },
};
