// Update rounds (Sachstandsabfragen): the officer asks every lead actor for the state of their measures by a
// personal link without an account, reviews what comes back, and reminds; actor representatives keep the
// measures of their actor current themselves.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { can } from '../../platform/auth/permissions.js';
import type { ModuleManifest } from '../../platform/module.js';
import { RepresentativeService } from './representatives.service.js';
import { addDemoActorEmails } from './rounds.demo.js';
import { roundsPaths } from './rounds.paths.js';
import { roundsRoutes } from './rounds.routes.js';
import { RoundService, roundsActorFollower } from './rounds.service.js';
import { roundsSections } from './rounds.sections.js';
import { loadLocales } from '../../platform/i18n/i18n.js';

export { roundsPaths } from './rounds.paths.js';
export type { RoundService } from './rounds.service.js';
export type { RepresentativeService } from './representatives.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    rounds: RoundService;
    representatives: RepresentativeService;
  }
  interface SectionSlots {
    /** On the pages where an actor keeps its own measures current (the personal link, the representative's page). */
    'actor.own': { actorId: number };
  }
}

export const roundsModule: ModuleManifest = {
  name: 'rounds',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [{ area: 'admin', order: 30, label: 'admin.nav.rounds', href: (slug) => roundsPaths.adminRounds(slug), permission: 'plan.edit' }],
  services(p, before) {
    before.actors.follow(roundsActorFollower);
    const rounds = new RoundService(p.kysely, p.clock, p.audit, { publicUrl: p.config.publicUrl, graceDays: p.config.roundLinkGraceDays, reminderDaysBefore: p.config.reminderDaysBefore }, before.plans, p.jobs, p.mailer);
    return { rounds, representatives: new RepresentativeService(p.kysely, p.audit, p.auth, before.plans) };
  },
  routes: (context) => new Hono<AppEnv>().route('/', roundsRoutes(context)),
  jobs: (services) => services.rounds.jobHandlers(),
  sections: roundsSections,
  // A representative has no business on the admin overview (it lists drafts): their start page is their measures.
  adminLanding(user, role, slug) {
    const representative = !can(role, user.isInstanceAdmin, 'plan.read_drafts') && can(role, user.isInstanceAdmin, 'status.change_own');
    return representative ? roundsPaths.adminOwnMeasures(slug) : null;
  },
  demo: (services, { municipalityId, by }) => addDemoActorEmails(services, municipalityId, by),
};
