// The participation process (Beteiligungsprozess): a plan's process with its phases and public timeline, the
// events of the process with their programme, and registration for them (double opt-in, waiting list,
// confirmation with an .ics, reminders, deletion after the event), with iCal feeds calendars can subscribe to.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { mergeLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { processLocale } from './process.locale.js';
import { processRoutes } from './process.routes.js';
import { registrationsLocale } from './registrations.locale.js';
import { registrationsPaths } from './registrations.paths.js';
import { registrationsRoutes } from './registrations.routes.js';
import { registrationsSections } from './registrations.sections.js';
import { RegistrationService } from './registrations.service.js';

export { registrationsPaths } from './registrations.paths.js';
export type { RegistrationService } from './registrations.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    registrations: RegistrationService;
  }
  interface SectionSlots {
    /** The public page of an event: registration adds its form here. */
    'event.public': { eventId: number };
  }
}

export const participationModule: ModuleManifest = {
  name: 'participation',
  locales: mergeLocales(processLocale, registrationsLocale),
  nav: [{ area: 'admin', order: 38, label: 'participation.registrations.admin.nav', href: (slug) => registrationsPaths.adminRegistrations(slug), permission: 'participation.manage' }],
  services: (p) => ({ registrations: new RegistrationService(p.kysely, p.clock, p.audit, p.jobs, p.mailer, { publicUrl: p.config.publicUrl }) }),
  routes: (context) => new Hono<AppEnv>().route('/', processRoutes(context)).route('/', registrationsRoutes(context)),
  jobs: (services) => services.registrations.jobHandlers(),
  sections: registrationsSections,
};
