// The single composition root: every service is built here, once, from the database and the config.
import type { Transaction } from 'kysely';
import type { Config } from './config.js';
import { ActorService } from './modules/actors/actor.service.js';
import { EditionService } from './modules/editions/editions.service.js';
import type { ExchangePlan } from './modules/importer/exchange.js';
import { ImportService } from './modules/importer/import.service.js';
import { MonitoringService } from './modules/monitoring/monitoring.service.js';
import { MunicipalityService } from './modules/municipalities/municipality.service.js';
import { importExchangePlan, type ImportOptions } from './modules/plan/plan.import.js';
import { PlanService } from './modules/plan/plan.service.js';
import { buildRoundsServices, type RoundsServices } from './modules/rounds/rounds.module.js';
import { SearchService } from './modules/search/search.service.js';
import { WordingService } from './modules/wordings/wording.service.js';
import type { Actor } from './platform/audit/audit.js';
import { AuthService } from './platform/auth/auth.service.js';
import type { Clock } from './platform/clock.js';
import type { Db } from './platform/db/db.js';
import type { Database } from './platform/db/schema.js';

export interface Services extends RoundsServices {
  auth: AuthService;
  municipalities: MunicipalityService;
  plans: PlanService;
  actors: ActorService;
  wordings: WordingService;
  search: SearchService;
  imports: ImportService;
  editions: EditionService;
  monitoring: MonitoringService;
  importPlan(municipalityId: number, exchange: ExchangePlan, by: Actor, options?: ImportOptions): Promise<number>;
}

export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  services: Services;
}

export function buildServices(db: Db, config: Config, clock: Clock): Services {
  const k = db.kysely;
  const auth = new AuthService(k, clock, config.sessionTtlHours);
  const search = new SearchService(k);
  const plans = new PlanService(k, clock, search);
  const actors = new ActorService(k, clock, search);
  const importPlan: Services['importPlan'] = (municipalityId, exchange, by, options) =>
    importExchangePlan(k, plans, (trx: Transaction<Database>, mid: number) => actors.reindex(trx, mid), clock, municipalityId, exchange, by, options);
  const roundsServices = buildRoundsServices(k, config, clock, { auth, plans });
  return {
    auth,
    search,
    plans,
    actors,
    municipalities: new MunicipalityService(k, auth, clock),
    wordings: new WordingService(k, clock),
    importPlan,
    // -- issue 4 services: rounds, monitoring, editions --
    ...roundsServices,
    monitoring: new MonitoringService(k, clock, plans, (mid, planId) => roundsServices.rounds.lastRoundStart(mid, planId)),
    editions: new EditionService(k, clock, plans),
    imports: new ImportService(k, clock, plans, importPlan, { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows }),
  };
}
