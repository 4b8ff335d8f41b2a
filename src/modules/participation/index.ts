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
import { registrationsRoutes } from './registrations.routes.js';

export const participationModule: ModuleManifest = {
  name: 'participation',
  locales: mergeLocales(processLocale, registrationsLocale),
  routes: (context) => new Hono<AppEnv>().route('/', processRoutes(context)).route('/', registrationsRoutes(context)),
};
