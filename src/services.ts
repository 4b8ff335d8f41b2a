// The composition root: the platform's services are made here once, then every module's services in the
// order of src/modules.ts, each given the platform and the services of the modules before it.
import { MODULES } from './modules.js';
import { AuditedWrites } from './platform/audit/audited.js';
import { AuthService } from './platform/auth/auth.service.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { Db } from './platform/db/db.js';
import { JobQueue } from './platform/jobs/jobs.js';
import { createMailer } from './platform/mail/mailer.js';
import type { ModuleManifest, Platform, Services } from './platform/module.js';
import { ContentTextsLoader } from './platform/i18n/content.js';
import { SearchService } from './platform/search/search.service.js';

export type { Services } from './platform/module.js';

export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  services: Services;
  /** The modules the app is made of; defaults to src/modules.ts. */
  modules?: readonly ModuleManifest[];
}

export function buildServices(db: Db, config: Config, clock: Clock, modules: readonly ModuleManifest[] = MODULES): Services {
  const k = db.kysely;
  const search = new SearchService(k);
  const platform: Platform = {
    config, db, kysely: k, clock, search, modules,
    jobs: new JobQueue(k, clock),
    mailer: createMailer(config),
    audit: new AuditedWrites(k, clock, search),
    auth: new AuthService(k, clock, config.sessionTtlHours, config.passwordHashCost),
    content: new ContentTextsLoader(k),
  };
  const services = { auth: platform.auth, search, jobs: platform.jobs, mailer: platform.mailer, audit: platform.audit, content: platform.content } as Services;
  for (const m of modules) Object.assign(services, m.services?.(platform, services));
  for (const m of modules) {
    for (const [kind, handler] of Object.entries(m.jobs?.(services) ?? {})) platform.jobs.register(kind, handler.run, handler.options);
  }
  return services;
}
