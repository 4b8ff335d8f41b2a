// The participation process (Beteiligungsprozess): a plan's process with its phases and public timeline, the
// events of the process with their programme, and registration for them (double opt-in, waiting list,
// confirmation with an .ics, reminders, deletion after the event), with iCal feeds calendars can subscribe to.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { loadLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { EventService } from './events.service.js';
import { participationTranslatable } from './participation.content.js';
import { eventsRoutes } from './events.routes.js';
import { addDemoProcess } from './process.demo.js';
import { processDocumentsRoutes } from './process.documents.routes.js';
import { PhaseDocumentService } from './process.documents.service.js';
import { processPaths } from './process.paths.js';
import { processRoutes } from './process.routes.js';
import { ProcessService } from './process.service.js';
import { processSections } from './process.sections.js';
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
}

export { processPaths } from './process.paths.js';
export { EventService, registrationOpen, seatsOf } from './events.service.js';
export type { EventFollower, EventListFilter, EventView, ProgrammeItem, Seats } from './events.service.js';
export type { ProcessService, PhaseDocumentView, PhaseView, Timeline } from './process.service.js';
export type { PhaseDocumentService } from './process.documents.service.js';
export { currentPhaseId } from './process.model.js';
export { berlinInstant, berlinParts } from './events.time.js';
export { eventIcs, eventsCalendar, eventUid, icsContext } from './ical.js';
export type { IcsContext } from './ical.js';
export { eventWhen } from './events.view.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    /** The events of the process: get / publicEvent / list / seats / eventForConfirmation (the only way to the online link). */
    events: EventService;
    processes: ProcessService;
    /** A phase's documents: upload, delete, the officer's and the public's downloads. */
    phaseDocuments: PhaseDocumentService;
  }
  interface SectionSlots {
    /** Below an event's public page (registration). */
    'event.public': { eventId: number };
  }
}

export const participationModule: ModuleManifest = {
  name: 'participation',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [
    { area: 'admin', order: 36, label: 'participation.process.nav.admin', href: (slug) => processPaths.adminProcesses(slug), permission: 'participation.manage' },
    { area: 'admin', order: 37, label: 'participation.process.nav.adminEvents', href: (slug) => processPaths.adminEvents(slug), permission: 'participation.manage' },
    { area: 'admin', order: 38, label: 'participation.registrations.admin.nav', href: (slug) => registrationsPaths.adminRegistrations(slug), permission: 'participation.manage' },
    { area: 'public', order: 46, label: 'participation.process.nav.timeline', href: (slug) => processPaths.timeline(slug) },
    { area: 'public', order: 47, label: 'participation.process.nav.events', href: (slug) => processPaths.events(slug) },
  ],
  services: (p, before) => {
    const events = new EventService(p.kysely, p.clock, p.audit);
    const registrations = new RegistrationService(p.kysely, p.clock, p.audit, p.jobs, p.mailer, { publicUrl: p.config.publicUrl }, events);
    // The waiting list, the registrants' mails and reminders follow the officer's changes of an event.
    events.follow(registrations);
    const processes = new ProcessService(p.kysely, p.clock, p.audit, before.plans, before.questionnaires, events);
    return { events, processes, phaseDocuments: new PhaseDocumentService(p.kysely, p.audit, processes), registrations };
  },
  routes: (context) =>
    new Hono<AppEnv>().route('/', processRoutes(context)).route('/', processDocumentsRoutes(context)).route('/', eventsRoutes(context)).route('/', registrationsRoutes(context)),
  jobs: (services) => services.registrations.jobHandlers(),
  sections: (services) => ({ ...processSections(services), ...registrationsSections(services) }),
  translatable: participationTranslatable,
  demo: (services, demo) => addDemoProcess(services, demo),
};
