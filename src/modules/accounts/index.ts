// Accounts without IT help: invitations by mail, one's own password (change, forgotten, one-time), joining a
// further municipality only by accepting, and an admin's role changes and removals (never the last admin).
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { ModuleManifest } from '../../platform/module.js';
import { accountRoutes, memberRoutes } from './accounts.routes.js';
import { AccountService } from './accounts.service.js';
import { loadLocales } from '../../platform/i18n/i18n.js';

export { accountsPaths } from './accounts.paths.js';
export { inviteSchema, type InviteInput } from './accounts.schema.js';
export type { AccountService, InviteResult } from './accounts.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    accounts: AccountService;
  }
}

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  services: (p) => ({ accounts: new AccountService(p.kysely, p.clock, p.audit, p.auth, p.jobs, p.mailer, p.config.publicUrl) }),
  jobs: (s) => s.accounts.jobHandlers(),
  instanceRoutes: (context) => new Hono<AppEnv>().route('/', accountRoutes(context)),
  routes: (context) => new Hono<AppEnv>().route('/', memberRoutes(context)),
};
