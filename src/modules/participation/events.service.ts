// Use cases of the events: the officer's events with their programme and state, the public view of them (never
// the online link), the free places, and the one way to the online link: a confirmed registrant's confirmation.
import type { Kysely } from 'kysely';
import type { AuditedWrites, AuditSpec, Trx } from '../../platform/audit/audited.js';
import type { Writer } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import * as repo from './events.repository.js';
import type { EventInput, EventKind, EventState, ProgrammeItemInput } from './process.schema.js';
import { berlinInstant, berlinParts } from './events.time.js';

export interface ProgrammeItem {
  id: number;
  position: number;
  /** HH:MM in Berlin on the event's day, or empty */
  startsAt: string;
  title: string;
  speaker: string;
}

/** An event as pages, feeds and mails show it. The online link is not part of it (see eventForConfirmation). */
export interface EventView {
  id: number;
  municipalityId: number;
  planId: number | null;
  phaseId: number | null;
  groupId: number | null;
  kind: EventKind;
  title: string;
  description: string;
  /** ISO UTC */
  startsAt: string;
  endsAt: string;
  /** the day and the times in Berlin ("2026-03-28", "10:00", "16:00") */
  day: string;
  startTime: string;
  endTime: string;
  online: boolean;
  placeName: string;
  address: string;
  accessibility: string;
  capacity: number | null;
  registration: boolean;
  /** ISO UTC: registration closes then (the end of the deadline's day in Berlin), or null (until the start) */
  registrationDeadline: string | null;
  state: EventState;
  isDemo: boolean;
  programme: ProgrammeItem[];
  updatedAt: string;
}

/** The places of an event: its capacity (null: unlimited), the confirmed registrations, what is free. */
export interface Seats {
  capacity: number | null;
  taken: number;
  /** null when unlimited */
  free: number | null;
  full: boolean;
}

export function seatsOf(capacity: number | null, taken: number): Seats {
  const free = capacity === null ? null : Math.max(0, capacity - taken);
  return { capacity, taken, free, full: free === 0 };
}

/** Whether a person can still register at this moment: published, with registration, before the deadline (or start). */
export function registrationOpen(event: Pick<EventView, 'state' | 'registration' | 'registrationDeadline' | 'startsAt'>, now: Date): boolean {
  if (event.state !== 'published' || !event.registration) return false;
  return now.toISOString() < (event.registrationDeadline ?? event.startsAt);
}

export interface EventListFilter {
  /** only these states (default: all) */
  states?: EventState[];
  /** upcoming: not yet ended at now; past: ended */
  when?: 'upcoming' | 'past';
  phaseIds?: number[];
  groupId?: number;
}

const PUBLIC_STATES: EventState[] = ['published', 'cancelled'];

/**
 * What follows an officer's change of an event (its form or its state), inside the same write: registration
 * moves the waiting list up, mails the registrants of a cancelled event and moves their reminders.
 */
export interface EventFollower {
  eventChanged(trx: Trx, municipalityId: number, change: { id: number; before: EventView; now: string }): Promise<void>;
}

export class EventService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
  ) {}

  private readonly followers: EventFollower[] = [];

  /** Registers a follower of the officer's changes (called inside the write, in the order registered). */
  follow(follower: EventFollower): void {
    this.followers.push(follower);
  }

  private async changed(trx: Trx, municipalityId: number, id: number, before: EventView, now: string): Promise<void> {
    for (const f of this.followers) await f.eventChanged(trx, municipalityId, { id, before, now });
  }

  private now() {
    return this.clock().toISOString();
  }

  private write<R>(municipalityId: number, by: Writer, spec: AuditSpec | ((result: R) => AuditSpec), fn: (trx: Trx, now: string) => Promise<R>): Promise<R> {
    return this.audit.write(municipalityId, by, spec, ({ trx, now }) => fn(trx, now));
  }

  private async view(municipalityId: number, row: repo.EventRow, db: Kysely<Database> = this.db): Promise<EventView> {
    const programme = await repo.listProgramme(db, municipalityId, row.id);
    return toView(row, programme);
  }

  /** An event of the municipality (any state), for the officer and for registration. */
  async get(municipalityId: number, id: number): Promise<EventView> {
    const row = await repo.findEvent(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('event');
    return this.view(municipalityId, row);
  }

  /** An event the public may see (published or cancelled); a draft or another municipality's is unknown. */
  async publicEvent(municipalityId: number, id: number): Promise<EventView> {
    const event = await this.get(municipalityId, id);
    if (!PUBLIC_STATES.includes(event.state)) throw new NotFoundError('event');
    return event;
  }

  /** Events in the order they take place (past ones: the latest first). */
  async list(municipalityId: number, filter: EventListFilter = {}): Promise<EventView[]> {
    const now = this.now();
    const rows = await repo.listEvents(
      this.db,
      municipalityId,
      { states: filter.states, phaseIds: filter.phaseIds, groupId: filter.groupId, from: filter.when === 'upcoming' ? now : undefined, before: filter.when === 'past' ? now : undefined },
      filter.when === 'past' ? 'desc' : 'asc',
    );
    // the programmes of all listed events in one query
    const programmes = await repo.listProgrammes(this.db, municipalityId, rows.map((r) => r.id));
    return rows.map((r) => toView(r, programmes.get(r.id) ?? []));
  }

  /** The events the public may see. */
  publicList(municipalityId: number, filter: Omit<EventListFilter, 'states'> = {}): Promise<EventView[]> {
    return this.list(municipalityId, { ...filter, states: PUBLIC_STATES });
  }

  /** The places of an event. */
  async seats(municipalityId: number, id: number): Promise<Seats> {
    const event = await this.get(municipalityId, id);
    const taken = (await repo.confirmedCounts(this.db, municipalityId, [id])).get(id) ?? 0;
    return seatsOf(event.capacity, taken);
  }

  /** The places of several events at once. */
  async seatsOfMany(municipalityId: number, events: EventView[]): Promise<Map<number, Seats>> {
    const counts = await repo.confirmedCounts(this.db, municipalityId, events.map((e) => e.id));
    return new Map(events.map((e) => [e.id, seatsOf(e.capacity, counts.get(e.id) ?? 0)]));
  }

  /**
   * The event with its online link, for the confirmation of a registrant whose place is confirmed: the only
   * way the link leaves the database. Never render this on a page or in a feed.
   */
  async eventForConfirmation(municipalityId: number, id: number): Promise<{ event: EventView; onlineUrl: string | null }> {
    const row = await repo.findEvent(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('event');
    return { event: await this.view(municipalityId, row), onlineUrl: row.online === 1 && row.online_url ? row.online_url : null };
  }

  /** The municipality's working groups an event may belong to. */
  groups(municipalityId: number) {
    return repo.listGroups(this.db, municipalityId);
  }

  async group(municipalityId: number, id: number) {
    const group = await repo.findGroup(this.db, municipalityId, id);
    if (!group) throw new NotFoundError('group');
    return group;
  }

  /** The officer's form again: the stored values as typed (Berlin times, the link kept for the officer only). */
  async formValues(municipalityId: number, id: number): Promise<Record<string, string>> {
    const row = await repo.findEvent(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('event');
    const start = berlinParts(row.starts_at);
    return {
      kind: row.kind, title: row.title, description: row.description, date: start.day, starts: start.time, ends: berlinParts(row.ends_at).time,
      online: row.online ? '1' : '', online_url: row.online_url, place_name: row.place_name, address: row.address, accessibility: row.accessibility,
      capacity: row.capacity === null ? '' : String(row.capacity), registration: row.registration ? '1' : '',
      registration_deadline: row.registration_deadline ? berlinParts(row.registration_deadline).day : '',
      phase_id: row.phase_id ? String(row.phase_id) : '', group_id: row.group_id ? String(row.group_id) : '',
    };
  }

  /** `checkRefs` says whether a phase and a group belong to the municipality (and gives the phase's plan). */
  async create(municipalityId: number, input: EventInput, by: Writer, extra: { planId: number | null; state?: EventState; isDemo?: boolean } = { planId: null }): Promise<number> {
    await this.checkGroup(municipalityId, input.group_id);
    return this.write(municipalityId, by, (id: number) => ({ action: 'event.create', entityType: 'event', entityId: id, after: audited(input) }), (trx, now) =>
      repo.insertEvent(trx, municipalityId, { ...columns(input), plan_id: extra.planId, state: extra.state ?? 'draft', is_demo: extra.isDemo ? 1 : 0 }, now),
    );
  }

  async update(municipalityId: number, id: number, input: EventInput, by: Writer, planId: number | null): Promise<void> {
    const before = await this.get(municipalityId, id);
    await this.checkGroup(municipalityId, input.group_id);
    await this.write(municipalityId, by, { action: 'event.update', entityType: 'event', entityId: id, before: { title: before.title, startsAt: before.startsAt }, after: audited(input) }, async (trx, now) => {
      await repo.updateEvent(trx, municipalityId, id, { ...columns(input), plan_id: planId }, now);
      await this.changed(trx, municipalityId, id, before, now);
    });
  }

  async setState(municipalityId: number, id: number, state: EventState, by: Writer): Promise<void> {
    const before = await this.get(municipalityId, id);
    if (before.state === state) return;
    await this.write(municipalityId, by, { action: 'event.state', entityType: 'event', entityId: id, before: { state: before.state }, after: { state } }, async (trx, now) => {
      await repo.updateEvent(trx, municipalityId, id, { state }, now);
      await this.changed(trx, municipalityId, id, before, now);
    });
  }

  async delete(municipalityId: number, id: number, by: Writer): Promise<void> {
    const before = await this.get(municipalityId, id);
    await this.write(municipalityId, by, { action: 'event.delete', entityType: 'event', entityId: id, before: { title: before.title, startsAt: before.startsAt } }, (trx) =>
      repo.deleteEvent(trx, municipalityId, id),
    );
  }

  private async checkGroup(municipalityId: number, groupId: number | null) {
    if (groupId !== null && !(await repo.findGroup(this.db, municipalityId, groupId))) throw new InvalidInputError({ group_id: 'errors.choiceInvalid' });
  }

  // ---- programme ----------------------------------------------------------------------------------------

  async programmeItem(municipalityId: number, id: number): Promise<repo.ProgrammeRow> {
    const row = await repo.findProgrammeItem(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('programme item');
    return row;
  }

  async addProgrammeItem(municipalityId: number, eventId: number, input: ProgrammeItemInput, by: Writer): Promise<number> {
    await this.get(municipalityId, eventId);
    return this.write(municipalityId, by, (id: number) => ({ action: 'event.programme.create', entityType: 'event_programme', entityId: id, after: { eventId, ...input } }), (trx) =>
      repo.insertProgrammeItem(trx, municipalityId, eventId, input),
    );
  }

  async updateProgrammeItem(municipalityId: number, id: number, input: ProgrammeItemInput, by: Writer): Promise<void> {
    const before = await this.programmeItem(municipalityId, id);
    await this.write(municipalityId, by, { action: 'event.programme.update', entityType: 'event_programme', entityId: id, before: { starts_at: before.starts_at, title: before.title, speaker: before.speaker }, after: input }, (trx) =>
      repo.updateProgrammeItem(trx, municipalityId, id, input),
    );
  }

  async moveProgrammeItem(municipalityId: number, id: number, direction: 'up' | 'down', by: Writer): Promise<void> {
    const item = await this.programmeItem(municipalityId, id);
    await this.write(municipalityId, by, { action: 'event.programme.move', entityType: 'event_programme', entityId: id, after: { direction } }, async (trx) => {
      const list = await repo.listProgramme(trx, municipalityId, item.event_id);
      const i = list.findIndex((p) => p.id === id);
      const j = direction === 'up' ? i - 1 : i + 1;
      if (i < 0 || j < 0 || j >= list.length) return;
      [list[i], list[j]] = [list[j], list[i]];
      for (const [k, p] of list.entries()) if (p.position !== k + 1) await repo.updateProgrammeItem(trx, municipalityId, p.id, { position: k + 1 });
    });
  }

  async deleteProgrammeItem(municipalityId: number, id: number, by: Writer): Promise<void> {
    const before = await this.programmeItem(municipalityId, id);
    await this.write(municipalityId, by, { action: 'event.programme.delete', entityType: 'event_programme', entityId: id, before: { eventId: before.event_id, title: before.title } }, (trx) =>
      repo.deleteProgrammeItem(trx, municipalityId, id),
    );
  }
}

function columns(input: EventInput): Omit<repo.EventColumns, 'plan_id'> {
  return {
    phase_id: input.phase_id,
    group_id: input.group_id,
    kind: input.kind,
    title: input.title,
    description: input.description,
    starts_at: berlinInstant(input.date, input.starts),
    ends_at: berlinInstant(input.date, input.ends),
    online: input.online ? 1 : 0,
    online_url: input.online ? input.online_url : '',
    place_name: input.place_name,
    address: input.address,
    accessibility: input.accessibility,
    capacity: input.capacity,
    registration: input.registration ? 1 : 0,
    registration_deadline: input.registration_deadline ? berlinInstant(input.registration_deadline, '23:59') : null,
  };
}

/** What the audit log keeps of an event's form: everything but the online link. */
function audited(input: EventInput) {
  const { online_url: _link, ...rest } = input;
  return { ...rest, online_url: input.online_url ? '(gesetzt)' : '' };
}

function toView(row: repo.EventRow, programme: repo.ProgrammeRow[]): EventView {
  const start = berlinParts(row.starts_at);
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    planId: row.plan_id,
    phaseId: row.phase_id,
    groupId: row.group_id,
    kind: row.kind as EventKind,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    day: start.day,
    startTime: start.time,
    endTime: berlinParts(row.ends_at).time,
    online: row.online === 1,
    placeName: row.place_name,
    address: row.address,
    accessibility: row.accessibility,
    capacity: row.capacity,
    registration: row.registration === 1,
    registrationDeadline: row.registration_deadline,
    state: row.state as EventState,
    isDemo: row.is_demo === 1,
    programme: programme.map((p) => ({ id: p.id, position: p.position, startsAt: p.starts_at, title: p.title, speaker: p.speaker })),
    updatedAt: row.updated_at,
  };
}
