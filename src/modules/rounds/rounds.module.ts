// Builds the rounds module and the platform pieces it brings (the jobs queue and the mailer) for the
// composition root, and registers the module's job handlers, so that the server and the tests get the same.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { AuthService } from '../../platform/auth/auth.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { JobQueue } from '../../platform/jobs/jobs.js';
import { createMailer, type Mailer } from '../../platform/mail/mailer.js';
import type { PlanService } from '../plan/plan.service.js';
import { RepresentativeService } from './representatives.service.js';
import { RoundService } from './rounds.service.js';

export interface RoundsServices {
  jobs: JobQueue;
  mailer: Mailer;
  rounds: RoundService;
  representatives: RepresentativeService;
}

export function buildRoundsServices(db: Kysely<Database>, config: Config, clock: Clock, deps: { auth: AuthService; plans: PlanService }): RoundsServices {
  const jobs = new JobQueue(db, clock);
  const mailer = createMailer(config);
  const rounds = new RoundService(db, clock, { publicUrl: config.publicUrl, graceDays: config.roundLinkGraceDays, reminderDaysBefore: config.reminderDaysBefore }, deps.plans, jobs, mailer);
  rounds.registerJobs();
  return { jobs, mailer, rounds, representatives: new RepresentativeService(db, clock, deps.auth, deps.plans) };
}
