// Use cases of event registration: a person registers without an account (pending), confirms the address by
// the link in the mail (a free place: confirmed; else the waiting list), cancels by the link in any mail (the
// first on the waiting list moves up in the same transaction). Jobs send every mail, expire unconfirmed
// registrations, remind the day before, and delete registrations the municipality's retention days after the
// event. The officer sees, exports and removes registrations. Only SHA-256 of a personal link's token is kept.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites, Trx } from '../../platform/audit/audited.js';
import { randomToken } from '../../platform/auth/auth.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { isLang, translator, type Lang } from '../../platform/i18n/i18n.js';
import type { HandlerOptions, JobContext, JobHandler, JobQueue } from '../../platform/jobs/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { Municipality } from '../../platform/tenancy.js';
import type { EventFollower, EventService, EventView } from './events.service.js';
import { eventIcs, icsContext } from './ical.js';
import { processPaths } from './process.paths.js';
import { registrationMail, type RegistrationMailKind } from './registrations.mail.js';
import { registrationsPaths } from './registrations.paths.js';
import * as repo from './registrations.repository.js';
import { availabilityOf, PENDING_HOURS, summariseNeeds, toRegistration, type Registration, type RegistrationState } from './registration.model.js';
import type { RegistrationInput } from './registrations.schema.js';

export const JOB_MAIL = 'participation.registration.mail';
export const JOB_EXPIRE = 'participation.registration.expire';
export const JOB_REMIND = 'participation.registration.remind';
export const JOB_DELETE = 'participation.registrations.delete';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The writer of what a person does through the registration form or a personal link: no name kept. */
const PUBLIC_WRITER: Writer = { userId: null, name: 'Anmeldung (öffentlich)' };
/** The writer of the background jobs. */
const SYSTEM: Writer = { userId: null, name: 'Teilhabe' };

const mailPayload = z.object({ registrationId: z.number().int().positive(), kind: z.enum(['request', 'confirmed', 'waiting', 'moved_up', 'reminder', 'event_cancelled']) });
const regPayload = z.object({ registrationId: z.number().int().positive() });
const eventPayload = z.object({ eventId: z.number().int().positive() });

export interface RegistrationsConfig {
  publicUrl: string;
}

export class RegistrationService implements EventFollower {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly config: RegistrationsConfig,
    private readonly events: EventService,
  ) {}

  get mailConfigured(): boolean {
    return this.mailer.configured;
  }

  private url(path: string, lang: Lang): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}${path}${lang !== 'de' ? `?lang=${lang}` : ''}`;
  }

  /** The calendar context of the events part, with links to the event's public page in the reader's language. */
  private icsContext(m: repo.MunicipalityRow, lang: Lang) {
    const ctx = icsContext({ publicUrl: this.config.publicUrl, slug: m.slug, municipalityName: m.name, t: translator(lang) });
    return { ...ctx, eventUrl: (id: number) => this.url(processPaths.event(m.slug, id), lang) };
  }

  // ---- public --------------------------------------------------------------------------------------------

  /** An event a person may see (published or cancelled), with what registering for it means now. */
  async publicEvent(municipalityId: number, eventId: number) {
    const event = await repo.findEvent(this.db, municipalityId, eventId);
    if (!event || (event.state !== 'published' && event.state !== 'cancelled')) throw new NotFoundError('event');
    const municipality = await repo.findMunicipality(this.db, municipalityId);
    if (!municipality) throw new NotFoundError('municipality');
    const confirmed = await repo.countConfirmed(this.db, municipalityId, eventId);
    // Never the online link on a page.
    const { online_url: _hidden, ...shown } = event;
    void _hidden;
    return { event: shown, availability: availabilityOf(event, confirmed, this.clock()), retentionDays: municipality.registration_retention_days, free: event.capacity === null ? null : Math.max(0, event.capacity - confirmed) };
  }

  /**
   * Registers a person (pending until they confirm their address). A filled-in honeypot is answered as a
   * success and nothing is kept. Returns false when the event does not take registrations (any more).
   */
  async register(m: Municipality, eventId: number, input: RegistrationInput, lang: Lang): Promise<boolean> {
    const mid = m.id;
    const event = await repo.findEvent(this.db, mid, eventId);
    if (!event) throw new NotFoundError('event');
    const availability = availabilityOf(event, await repo.countConfirmed(this.db, mid, eventId), this.clock());
    if (availability === 'closed' || availability === 'none') return false;
    if (input.honeypot) return true;
    const audit = (id: number) => ({ action: 'event_registration.create', entityType: 'event_registration', entityId: id, after: { event_id: eventId, state: 'pending' } });
    await this.audit.write(mid, PUBLIC_WRITER, audit, async ({ trx, now }) => {
      // A token nobody is given: the personal links are made when the mails go out.
      const id = await repo.insertRegistration(trx, mid, {
        event_id: eventId, name: input.name, email: input.email, needs_json: JSON.stringify(input.needs), token_hash: sha256(randomBytes(32).toString('hex')), lang, created_at: now,
      });
      await this.jobs.enqueue(trx, { kind: JOB_MAIL, municipalityId: mid, payload: { registrationId: id, kind: 'request' } });
      await this.jobs.enqueue(trx, { kind: JOB_EXPIRE, municipalityId: mid, payload: { registrationId: id }, runAt: new Date(Date.parse(now) + PENDING_HOURS * HOUR) });
      await this.scheduleDeletion(trx, mid, event.id, event.ends_at);
      return id;
    });
    return true;
  }

  /** The registration and its event behind a personal link, with the waiting position; null when unknown. */
  async byToken(municipalityId: number, token: string) {
    const row = await repo.findByTokenHash(this.db, municipalityId, sha256(token));
    if (!row) return null;
    const event = await repo.findEvent(this.db, municipalityId, row.event_id);
    if (!event) return null;
    const { online_url: _hidden, ...shown } = event;
    void _hidden;
    const position = row.state === 'waiting' ? await this.positionOf(this.db, municipalityId, row) : null;
    return { registration: toRegistration(row), event: shown, position, started: this.clock().toISOString() >= event.starts_at, expired: this.expired(row) };
  }

  /** A pending registration older than PENDING_HOURS can no longer be confirmed (the job deletes it). */
  private expired(row: repo.RegistrationRow): boolean {
    return row.state === 'pending' && this.clock().getTime() >= Date.parse(row.created_at) + PENDING_HOURS * HOUR;
  }

  private async positionOf(db: Kysely<Database>, municipalityId: number, row: repo.RegistrationRow): Promise<number> {
    const list = await repo.waitingList(db, municipalityId, row.event_id);
    return list.findIndex((r) => r.id === row.id) + 1;
  }

  /**
   * Confirms the address of a pending registration: a free place makes it confirmed, else it goes on the
   * waiting list. A registration already confirmed, waiting or cancelled stays as it is.
   */
  async confirm(m: Municipality, token: string): Promise<RegistrationState | null> {
    const mid = m.id;
    const found = await repo.findByTokenHash(this.db, mid, sha256(token));
    if (!found) return null;
    if (found.state !== 'pending') return found.state as RegistrationState;
    if (this.expired(found)) return null;
    const event = await repo.findEvent(this.db, mid, found.event_id);
    if (!event || event.state !== 'published' || this.clock().toISOString() >= event.starts_at) return null;
    let state: RegistrationState = 'pending';
    await this.audit.write(mid, PUBLIC_WRITER, () => ({ action: 'event_registration.confirm', entityType: 'event_registration', entityId: found.id, after: { event_id: event.id, state } }), async ({ trx, now }) => {
      await repo.lockEvent(trx, mid, event.id);
      const current = await repo.findRegistration(trx, mid, found.id);
      if (!current || current.state !== 'pending') {
        state = (current?.state ?? 'cancelled') as RegistrationState;
        return;
      }
      const confirmed = await repo.countConfirmed(trx, mid, event.id);
      state = event.capacity === null || confirmed < event.capacity ? 'confirmed' : 'waiting';
      await repo.updateRegistration(trx, mid, found.id, { state, confirmed_at: now });
      await this.jobs.enqueue(trx, { kind: JOB_MAIL, municipalityId: mid, payload: { registrationId: found.id, kind: state === 'confirmed' ? 'confirmed' : 'waiting' } });
      if (state === 'confirmed') await this.scheduleReminder(trx, mid, found.id, event, now);
    });
    return state;
  }

  /** Cancels a registration by its personal link; a freed place goes to the first on the waiting list. */
  async cancel(m: Municipality, token: string): Promise<boolean> {
    const found = await repo.findByTokenHash(this.db, m.id, sha256(token));
    if (!found) return false;
    if (found.state === 'cancelled') return true;
    await this.audit.write(m.id, PUBLIC_WRITER, { action: 'event_registration.cancel', entityType: 'event_registration', entityId: found.id, after: { event_id: found.event_id } }, async ({ trx, now }) => {
      await repo.lockEvent(trx, m.id, found.event_id);
      const current = await repo.findRegistration(trx, m.id, found.id);
      if (!current || current.state === 'cancelled') return;
      await repo.updateRegistration(trx, m.id, found.id, { state: 'cancelled', cancelled_at: now });
      await this.fillFreePlaces(trx, m.id, found.event_id, now);
    });
    return true;
  }

  /**
   * Gives free places to the waiting list, first come first served, each with a mail "you have a place". Runs
   * inside the write that freed the places (a cancellation, a removal, a larger capacity).
   */
  async fillFreePlaces(trx: Parameters<Parameters<AuditedWrites['write']>[3]>[0]['trx'], municipalityId: number, eventId: number, now: string): Promise<number> {
    const event = await repo.findEvent(trx, municipalityId, eventId);
    if (!event || event.state !== 'published' || now >= event.starts_at) return 0;
    const confirmed = await repo.countConfirmed(trx, municipalityId, eventId);
    const free = event.capacity === null ? Infinity : event.capacity - confirmed;
    if (free <= 0) return 0;
    const waiting = await repo.waitingList(trx, municipalityId, eventId);
    const moving = waiting.slice(0, Number.isFinite(free) ? free : waiting.length);
    for (const r of moving) {
      await repo.updateRegistration(trx, municipalityId, r.id, { state: 'confirmed' });
      await this.jobs.enqueue(trx, { kind: JOB_MAIL, municipalityId, payload: { registrationId: r.id, kind: 'moved_up' } });
      await this.scheduleReminder(trx, municipalityId, r.id, event, now);
    }
    return moving.length;
  }

  /**
   * Follows the officer's change of an event, inside its write: a cancelled event mails everyone with a place or
   * on the waiting list; otherwise free places (a larger capacity, published again) go to the waiting list, and
   * a moved start gets the confirmed registrants' reminders for the new day.
   */
  async eventChanged(trx: Trx, municipalityId: number, change: { id: number; before: EventView; now: string }): Promise<void> {
    const event = await repo.findEvent(trx, municipalityId, change.id);
    if (!event) return;
    const registrations = await repo.listRegistrations(trx, municipalityId, change.id);
    if (registrations.length === 0) return;
    if (event.state === 'cancelled') {
      if (change.before.state === 'cancelled') return;
      for (const r of registrations) {
        if (r.state === 'confirmed' || r.state === 'waiting') await this.jobs.enqueue(trx, { kind: JOB_MAIL, municipalityId, payload: { registrationId: r.id, kind: 'event_cancelled' } });
      }
      return;
    }
    await repo.lockEvent(trx, municipalityId, change.id);
    await this.fillFreePlaces(trx, municipalityId, change.id, change.now);
    if (event.starts_at !== change.before.startsAt) {
      for (const r of await repo.listRegistrations(trx, municipalityId, change.id)) {
        if (r.state === 'confirmed' && !r.reminded_at) await this.scheduleReminder(trx, municipalityId, r.id, event, change.now);
      }
    }
    if (event.ends_at !== change.before.endsAt) await this.scheduleDeletion(trx, municipalityId, change.id, event.ends_at);
  }

  /** The reminder the day before (24 hours before the start); none when the place came later than that. */
  private async scheduleReminder(trx: Kysely<Database>, municipalityId: number, registrationId: number, event: repo.EventRow, now: string): Promise<void> {
    const at = Date.parse(event.starts_at) - DAY;
    if (Date.parse(now) >= at) return;
    await this.jobs.enqueue(trx, { kind: JOB_REMIND, municipalityId, payload: { registrationId }, runAt: new Date(at) });
  }

  /** When the registrations of an event are deleted: the retention days after its end. */
  async deletionDue(municipalityId: number, endsAt: string, conn: Kysely<Database> = this.db): Promise<Date> {
    const m = await repo.findMunicipality(conn, municipalityId);
    return new Date(Date.parse(endsAt) + (m?.registration_retention_days ?? 30) * DAY);
  }

  private async scheduleDeletion(trx: Kysely<Database>, municipalityId: number, eventId: number, endsAt: string): Promise<void> {
    const due = await this.deletionDue(municipalityId, endsAt, trx);
    const payload = { eventId };
    if (await repo.hasQueuedJob(trx, municipalityId, JOB_DELETE, payload, due.toISOString())) return;
    await this.jobs.enqueue(trx, { kind: JOB_DELETE, municipalityId, payload, runAt: due });
  }

  // ---- the officer ---------------------------------------------------------------------------------------

  async overview(municipalityId: number) {
    const m = await repo.findMunicipality(this.db, municipalityId);
    return { events: await repo.eventsWithCounts(this.db, municipalityId), retentionDays: m?.registration_retention_days ?? 30 };
  }

  /** An event's registrations for the officer: by state, with the needs of the confirmed ones summed up. */
  async attendees(municipalityId: number, eventId: number) {
    const event = await repo.findEvent(this.db, municipalityId, eventId);
    if (!event) throw new NotFoundError('event');
    const all = (await repo.listRegistrations(this.db, municipalityId, eventId)).map(toRegistration);
    const confirmed = all.filter((r) => r.state === 'confirmed');
    const waiting = all.filter((r) => r.state === 'waiting').sort((a, b) => (a.confirmedAt ?? '').localeCompare(b.confirmedAt ?? '') || a.id - b.id);
    const pending = all.filter((r) => r.state === 'pending');
    const m = await repo.findMunicipality(this.db, municipalityId);
    return {
      event, confirmed, waiting, pending, needs: summariseNeeds(confirmed), needsWaiting: summariseNeeds(waiting),
      retentionDays: m?.registration_retention_days ?? 30, deletionDue: await this.deletionDue(municipalityId, event.ends_at),
    };
  }

  async registration(municipalityId: number, id: number): Promise<Registration> {
    const row = await repo.findRegistration(this.db, municipalityId, id);
    if (!row || row.state === 'cancelled') throw new NotFoundError('registration');
    return toRegistration(row);
  }

  /** Removes a registration by hand (deleted at once); a place it held goes to the waiting list. */
  async remove(municipalityId: number, id: number, by: Writer): Promise<number> {
    const row = await repo.findRegistration(this.db, municipalityId, id);
    if (!row || row.state === 'cancelled') throw new NotFoundError('registration');
    return this.audit.write(municipalityId, by, { action: 'event_registration.remove', entityType: 'event_registration', entityId: id, before: { event_id: row.event_id, state: row.state } }, async ({ trx, now }) => {
      await repo.lockEvent(trx, municipalityId, row.event_id);
      await repo.deleteRegistration(trx, municipalityId, id);
      await this.fillFreePlaces(trx, municipalityId, row.event_id, now);
      return row.event_id;
    });
  }

  /** Sends the mail of the registration's state again (the request to confirm, the confirmation, the waiting list). */
  async resend(municipalityId: number, id: number, by: Writer): Promise<Registration> {
    const reg = await this.registration(municipalityId, id);
    const kind: RegistrationMailKind = reg.state === 'pending' ? 'request' : reg.state === 'confirmed' ? 'confirmed' : 'waiting';
    await this.audit.write(municipalityId, by, { action: 'event_registration.resend', entityType: 'event_registration', entityId: id, after: { kind } }, async ({ trx }) => {
      await this.jobs.enqueue(trx, { kind: JOB_MAIL, municipalityId, payload: { registrationId: id, kind } });
    });
    return reg;
  }

  /** The municipality's retention days; the deletion of every event's registrations is scheduled anew. */
  async setRetentionDays(municipalityId: number, days: number, by: Writer): Promise<void> {
    const m = await repo.findMunicipality(this.db, municipalityId);
    await this.audit.write(municipalityId, by, { action: 'municipality.registration_retention', entityType: 'municipality', entityId: municipalityId, before: { days: m?.registration_retention_days }, after: { days } }, async ({ trx }) => {
      await repo.setRetentionDays(trx, municipalityId, days);
      for (const e of await repo.eventsWithRegistrations(trx, municipalityId)) await this.scheduleDeletion(trx, municipalityId, e.id, e.ends_at);
    });
  }

  // ---- jobs ----------------------------------------------------------------------------------------------

  jobHandlers(): Record<string, { run: JobHandler; options: HandlerOptions }> {
    return {
      [JOB_MAIL]: { run: (job) => this.mailJob(job), options: { maxAttempts: 6 } },
      [JOB_EXPIRE]: { run: (job) => this.expireJob(job), options: { maxAttempts: 3 } },
      [JOB_REMIND]: { run: (job) => this.remindJob(job), options: { maxAttempts: 6 } },
      [JOB_DELETE]: { run: (job) => this.deleteJob(job), options: { maxAttempts: 5 } },
    };
  }

  /**
   * Sends one mail with a personal link of its own (made here, only its hash kept; removed again when sending
   * fails, and the job retries). A mail whose moment has passed (the registration changed meanwhile) is not sent.
   */
  private async mailJob(job: JobContext): Promise<void> {
    const { registrationId, kind } = mailPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null || !this.mailer.configured) return;
    const row = await repo.findRegistration(this.db, mid, registrationId);
    if (!row) return;
    if (kind === 'event_cancelled') {
      if (row.state === 'confirmed' || row.state === 'waiting') await this.sendMail(mid, row, kind, job.now);
      return;
    }
    const wanted: Record<Exclude<RegistrationMailKind, 'event_cancelled'>, string> = { request: 'pending', confirmed: 'confirmed', waiting: 'waiting', moved_up: 'confirmed', reminder: 'confirmed' };
    if (row.state !== wanted[kind]) return;
    await this.sendMail(mid, row, kind, job.now);
  }

  private async sendMail(mid: number, row: repo.RegistrationRow, kind: RegistrationMailKind, now: Date): Promise<void> {
    // The events part's read: the only way to the online link, given to a confirmed registrant only.
    const found = await this.events.eventForConfirmation(mid, row.event_id).catch(() => null);
    const m = await repo.findMunicipality(this.db, mid);
    // A cancelled event: only the notice of the cancellation goes out; the notice only for a cancelled event.
    if (!found || !m || (found.event.state === 'cancelled') !== (kind === 'event_cancelled')) return;
    const { event } = found;
    const lang: Lang = isLang(row.lang) ? row.lang : 'de';
    const token = randomToken();
    const hash = sha256(token);
    await repo.insertLink(this.db, mid, row.id, hash, now.toISOString());
    const place = [event.placeName, event.address.replace(/\s*\n\s*/g, ', ')].filter(Boolean).join(', ');
    const withPlace = kind === 'confirmed' || kind === 'moved_up' || kind === 'reminder';
    const onlineUrl = withPlace ? found.onlineUrl : null;
    const ics = withPlace ? eventIcs(event, this.icsContext(m, lang), { onlineUrl }) : undefined;
    const position = kind === 'waiting' ? await this.positionOf(this.db, mid, row) : undefined;
    try {
      await this.mailer.send(await registrationMail(row.email, {
        kind, lang, name: row.name, municipality: m,
        event: { title: event.title, starts_at: event.startsAt, ends_at: event.endsAt, online: event.online, place, accessibility: event.accessibility },
        statusUrl: this.url(registrationsPaths.link(m.slug, token), lang),
        cancelUrl: this.url(registrationsPaths.cancel(m.slug, token), lang),
        position, onlineUrl, ics,
        expiresAt: kind === 'request' ? new Date(Date.parse(row.created_at) + PENDING_HOURS * HOUR).toISOString() : undefined,
      }));
    } catch (err) {
      await repo.deleteLink(this.db, mid, hash);
      throw err;
    }
  }

  /** An unconfirmed registration is deleted after PENDING_HOURS. */
  private async expireJob(job: JobContext): Promise<void> {
    const { registrationId } = regPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null) return;
    const row = await repo.findRegistration(this.db, mid, registrationId);
    if (!row || row.state !== 'pending') return;
    await this.audit.write(mid, SYSTEM, { action: 'event_registration.expire', entityType: 'event_registration', entityId: registrationId, at: job.now.toISOString(), after: { event_id: row.event_id } }, async ({ trx }) => {
      await repo.deleteRegistration(trx, mid, registrationId);
    });
  }

  /**
   * The reminder the day before, once per registration: reminded_at is set before the mail goes out (and taken
   * back when sending fails), so a repeated job or a restart never sends it twice. An event moved later gets
   * its reminder later.
   */
  private async remindJob(job: JobContext): Promise<void> {
    const { registrationId } = regPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null || !this.mailer.configured) return;
    const row = await repo.findRegistration(this.db, mid, registrationId);
    if (!row || row.state !== 'confirmed' || row.reminded_at) return;
    const event = await repo.findEvent(this.db, mid, row.event_id);
    if (!event || event.state !== 'published') return;
    const at = job.now.toISOString();
    if (at >= event.starts_at) return;
    const due = Date.parse(event.starts_at) - DAY;
    if (job.now.getTime() < due) {
      await this.jobs.enqueue(this.db, { kind: JOB_REMIND, municipalityId: mid, payload: { registrationId }, runAt: new Date(due) });
      return;
    }
    if (!(await repo.claimReminder(this.db, mid, registrationId, at))) return;
    try {
      await this.sendMail(mid, row, 'reminder', job.now);
    } catch (err) {
      await repo.updateRegistration(this.db, mid, registrationId, { reminded_at: null });
      throw err;
    }
  }

  /**
   * Deletes the registrations of every event of the municipality that ended the retention days ago or longer
   * (this job's event among them); a job that came early (the event was moved) waits for the new day.
   */
  private async deleteJob(job: JobContext): Promise<void> {
    const { eventId } = eventPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null) return;
    const m = await repo.findMunicipality(this.db, mid);
    if (!m) return;
    const endedBefore = new Date(job.now.getTime() - m.registration_retention_days * DAY).toISOString();
    const due = await repo.eventsDueForDeletion(this.db, mid, endedBefore);
    if (due.length > 0) {
      await this.audit.write(mid, SYSTEM, { action: 'event_registrations.delete', entityType: 'event', entityId: null, at: job.now.toISOString(), after: { events: due } }, async ({ trx }) => {
        for (const id of due) await repo.deleteRegistrationsOfEvent(trx, mid, id);
      });
    }
    if (!due.includes(eventId)) {
      const event = await repo.findEvent(this.db, mid, eventId);
      if (event && (await repo.eventsWithRegistrations(this.db, mid)).some((e) => e.id === eventId)) await this.scheduleDeletion(this.db, mid, eventId, event.ends_at);
    }
  }
}
