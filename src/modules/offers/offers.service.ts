// Use cases of the Wegweiser. Residents read published offers (search, filters, "open now", an offer's page with
// its next dates): `publicOffers` and `publicOffer` return plain data, so that pages, printed sheets and the open
// data API read the same. Offers are written by the officer (every offer) or by an actor's representative (their
// actor's offers only): `create`, `update`, `markChecked`, `remove`, each through the audited write path, with
// the editor's scope checked here, not in the routes. Jobs check offers' websites (bounded and polite) and remind
// the officer weekly of offers not checked for the configured time and of links that no longer answer.
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError, InvalidInputError } from '../../platform/http/errors.js';
import type { HandlerOptions, JobContext, JobHandler, JobQueue } from '../../platform/jobs/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { ActorFollower, ActorService, PlanService } from '../plan/index.js';
import { berlinDay } from '../../platform/views/format.js';
import { berlinInstant } from '../participation/index.js';
import { checkLinks, type LinkCheckOptions } from './offers.links.js';
import { reminderMail } from './offers.mail.js';
import { offersPaths } from './offers.paths.js';
import * as repo from './offers.repository.js';
import { scheduleOfInput, type OfferFilters, type OfferInput, type OfferSettingsInput } from './offers.schema.js';
import { cancelledDays, codesOf, isOpenAt, occurrences, rruleText, scheduleOf, storedCodes, type Occurrence, type Schedule } from './offers.times.js';

export const JOB_LINKS = 'offers.check_links';
export const JOB_REMINDER = 'offers.reminder';
const DAY = 86_400_000;
export const PAGE_SIZE = 20;

export type { OfferRow } from './offers.repository.js';

/** Who edits: the officer (every offer) or an actor's representative (only their actor's offers). */
export type OfferEditor = { kind: 'officer' } | { kind: 'actor'; actorId: number };

export interface OfferSettings {
  /** "https://www.openstreetmap.org/search?query={address}", or empty: no map link. */
  mapUrlTemplate: string;
  staleDays: number;
  /** The Land whose public holidays apply ("BW"). */
  holidayRegion: string;
  reminderEmail: string;
}

/** An offer as the public sees it: plain data, for pages, the printed sheet and the open data API. */
export interface PublicOffer {
  id: number;
  title: string;
  description: string;
  category: string;
  actor: { id: number; name: string } | null;
  address: { street: string; postcode: string; town: string; district: string };
  /** The map service's address of the place, when the municipality set one and the offer has an address. */
  mapUrl: string | null;
  schedule: Schedule & { note: string; rrule: string | null };
  /** The next days it takes place (none by appointment). */
  nextDates: Occurrence[];
  /** Days in the next eight weeks it does not take place although it would (cancelled, public holidays). */
  cancelledDates: string[];
  openNow: boolean;
  languages: string[];
  targetGroups: string[];
  freeOfCharge: boolean;
  cost: string;
  accessibility: string;
  contact: { phone: string; email: string; website: string };
  measures: Array<{ id: number; number: string | null; text: string }>;
  fields: Array<{ id: number; title: string }>;
  lastCheckedOn: string;
  /** The offer's public page (path). */
  path: string;
}

export interface PublicOfferPage {
  offers: PublicOffer[];
  total: number;
  page: number;
  pages: number;
  /** What the filters offer: the districts and languages of published offers. */
  facets: { districts: string[]; languages: string[] };
}

export interface AdminOffer {
  row: repo.OfferRow;
  stale: boolean;
  brokenLink: boolean;
}

export interface LinkCheckRun {
  checked: number;
  broken: number;
}

export class OffersService {
  private readonly linkOptions: LinkCheckOptions;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly plans: PlanService,
    private readonly actors: ActorService,
    private readonly config: { publicUrl: string },
  ) {
    this.linkOptions = { timeoutMs: 10_000, hostDelayMs: 2_000, userAgent: `Teilhabe-Linkpruefung/1.0 (+${config.publicUrl})`, allowPrivate: false };
  }

  /** Rows of the offers module about actors: moved with a merge, let go (not deleted) with a deleted actor. */
  actorFollower(): ActorFollower {
    return {
      usage: async (db, municipalityId, actorId) => [{ key: 'offers.actorUsage', count: await repo.countOffersOfActor(db, municipalityId, actorId) }],
      merge: (trx, municipalityId, fromId, toId) => repo.moveOffers(trx, municipalityId, fromId, toId),
      deleting: (trx, municipalityId, actorIds) => repo.releaseOffers(trx, municipalityId, actorIds),
      // an actor with offers (a volunteer group, an association) is not "unused" for lack of measures
      keeps: (db, municipalityId) => repo.actorsWithOffers(db, municipalityId),
    };
  }

  /** The actors with a published offer: they have a public page, measures or not. */
  publicActorIds(municipalityId: number): Promise<number[]> {
    return repo.actorsWithPublishedOffers(this.db, municipalityId);
  }

  // ---- settings ------------------------------------------------------------------------------------------

  async settings(municipalityId: number): Promise<OfferSettings> {
    const row = await repo.findSettings(this.db, municipalityId);
    return {
      mapUrlTemplate: row?.map_url_template ?? '',
      staleDays: row?.stale_days ?? 180,
      holidayRegion: row?.holiday_region ?? 'BW',
      reminderEmail: row?.reminder_email ?? '',
    };
  }

  async saveSettings(municipalityId: number, input: OfferSettingsInput, by: Writer): Promise<void> {
    const before = await this.settings(municipalityId);
    await this.audit.write(municipalityId, by, (id: number) => ({ action: 'offer_settings.save', entityType: 'offer_settings', entityId: id, before, after: input }), async ({ trx, now }) => {
      const id = await repo.saveSettings(trx, municipalityId, { ...input, updated_at: now });
      await this.scheduleJobs(trx, municipalityId);
      return id;
    });
  }

  // ---- reading (public) ----------------------------------------------------------------------------------

  /** Published offers matching the filters, a page of them; "open now" is computed at the clock's moment. */
  async publicOffers(municipalityId: number, filters: OfferFilters, page = 1): Promise<PublicOfferPage> {
    const settings = await this.settings(municipalityId);
    const now = this.clock();
    let rows = await repo.listOffers(this.db, municipalityId, { ...filters, state: 'published' });
    if (filters.openNow) rows = rows.filter((r) => isOpenAt(scheduleOf(r), settings.holidayRegion, now));
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
    const slice = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
    const [targets, districts, languages] = await Promise.all([this.publicTargets(municipalityId), repo.publishedDistricts(this.db, municipalityId), repo.publishedLanguages(this.db, municipalityId)]);
    const links = await repo.linksOf(this.db, municipalityId, slice.map((r) => r.id));
    const slug = await this.slugOf(municipalityId);
    return {
      offers: slice.map((r) => this.toPublic(r, slug, settings, now, links.filter((l) => l.offer_id === r.id), targets, 3)),
      total: rows.length,
      page: current,
      pages,
      facets: { districts, languages },
    };
  }

  /** Published offers by the residents' filters, a range of them (the open API's pages). */
  async publicOfferRange(municipalityId: number, filters: OfferFilters, offset: number, limit: number): Promise<{ items: PublicOffer[]; total: number }> {
    const settings = await this.settings(municipalityId);
    let rows = await repo.listOffers(this.db, municipalityId, { ...filters, state: 'published' });
    if (filters.openNow) rows = rows.filter((r) => isOpenAt(scheduleOf(r), settings.holidayRegion, this.clock()));
    return { items: await this.manyPublic(municipalityId, rows.slice(offset, offset + limit)), total: rows.length };
  }

  /** One published offer with its next dates; a draft or another municipality's offer is not found. */
  async publicOffer(municipalityId: number, id: number, nextDates = 6): Promise<PublicOffer> {
    const row = await repo.findOffer(this.db, municipalityId, id);
    if (!row || row.state !== 'published') throw new NotFoundError('offer');
    const [settings, targets, links, slug] = await Promise.all([this.settings(municipalityId), this.publicTargets(municipalityId), repo.linksOf(this.db, municipalityId, [id]), this.slugOf(municipalityId)]);
    return this.toPublic(row, slug, settings, this.clock(), links, targets, nextDates);
  }

  /** Every published offer (the translations screen lists their texts). */
  async publishedOffers(municipalityId: number): Promise<PublicOffer[]> {
    return this.manyPublic(municipalityId, await repo.listOffers(this.db, municipalityId, { state: 'published' }));
  }

  /** The published offers of an actor (its public page). */
  async publicOffersOfActor(municipalityId: number, actorId: number): Promise<PublicOffer[]> {
    const rows = await repo.listOffers(this.db, municipalityId, { actorId, state: 'published' });
    return this.manyPublic(municipalityId, rows);
  }

  /** The published offers serving a measure or a field of action (their public pages). */
  async publicOffersFor(municipalityId: number, type: 'measure' | 'field', id: number): Promise<PublicOffer[]> {
    return this.manyPublic(municipalityId, await repo.publishedOffersFor(this.db, municipalityId, type, id));
  }

  private async manyPublic(municipalityId: number, rows: repo.OfferRow[]): Promise<PublicOffer[]> {
    if (rows.length === 0) return [];
    const [settings, targets, links, slug] = await Promise.all([this.settings(municipalityId), this.publicTargets(municipalityId), repo.linksOf(this.db, municipalityId, rows.map((r) => r.id)), this.slugOf(municipalityId)]);
    const now = this.clock();
    return rows.map((r) => this.toPublic(r, slug, settings, now, links.filter((l) => l.offer_id === r.id), targets, 1));
  }

  private async slugOf(municipalityId: number): Promise<string> {
    const m = await repo.findMunicipality(this.db, municipalityId);
    if (!m) throw new NotFoundError('municipality');
    return m.slug;
  }

  /** The measures and fields of the current published plan: the only ones an offer links to in public. */
  private async publicTargets(municipalityId: number) {
    const plan = await this.plans.findCurrentPublishedPlan(municipalityId);
    if (!plan) return { measures: new Map<number, { id: number; number: string | null; text: string }>(), fields: new Map<number, { id: number; title: string }>() };
    const outline = await this.plans.outline(municipalityId, plan.id);
    return {
      measures: new Map(outline.measures.map((m) => [m.id, { id: m.id, number: m.number, text: m.text }])),
      fields: new Map(outline.fields.map((f) => [f.id, { id: f.id, title: f.title }])),
    };
  }

  private toPublic(row: repo.OfferRow, slug: string, settings: OfferSettings, now: Date, links: Array<{ target_type: string; target_id: number }>, targets: Awaited<ReturnType<OffersService['publicTargets']>>, nextDates: number): PublicOffer {
    const schedule = scheduleOf(row);
    const address = { street: row.street, postcode: row.postcode, town: row.town, district: row.district };
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      category: row.category,
      actor: row.actor_id !== null && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
      address,
      mapUrl: mapUrl(settings.mapUrlTemplate, address),
      schedule: { ...schedule, note: row.times_note, rrule: rruleText(schedule) },
      nextDates: occurrences(schedule, settings.holidayRegion, berlinDay(now), nextDates).filter((o) => Date.parse(o.end) > now.getTime()),
      cancelledDates: cancelledDays(schedule, settings.holidayRegion, berlinDay(now), 56),
      openNow: isOpenAt(schedule, settings.holidayRegion, now),
      languages: codesOf(row.languages),
      targetGroups: codesOf(row.target_groups),
      freeOfCharge: row.free_of_charge === 1,
      cost: row.cost,
      accessibility: row.accessibility,
      contact: { phone: row.phone, email: row.email, website: row.website },
      measures: links.filter((l) => l.target_type === 'measure').map((l) => targets.measures.get(l.target_id)).filter((m) => m !== undefined),
      fields: links.filter((l) => l.target_type === 'field').map((l) => targets.fields.get(l.target_id)).filter((f) => f !== undefined),
      lastCheckedOn: row.last_checked_on,
      path: offersPaths.offer(slug, row.id),
    };
  }

  /** The offer's public address with the host (its QR code). */
  publicUrl(slug: string, id: number): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}${offersPaths.offer(slug, id)}`;
  }

  // ---- the officer's and the representatives' pages -------------------------------------------------------

  /** The offers an editor keeps (all, or their actor's), each marked when unchecked too long or its link is broken. */
  async adminList(municipalityId: number, editor: OfferEditor): Promise<AdminOffer[]> {
    const [rows, settings] = await Promise.all([repo.listOffers(this.db, municipalityId, editor.kind === 'actor' ? { actorId: editor.actorId } : {}), this.settings(municipalityId)]);
    const limit = this.staleBefore(settings.staleDays);
    return rows.map((row) => ({ row, stale: row.last_checked_on < limit, brokenLink: row.link_state === 'broken' }));
  }

  /** The first day that is still fresh: offers checked before it are due. */
  private staleBefore(staleDays: number): string {
    return berlinDay(new Date(this.clock().getTime() - staleDays * DAY));
  }

  /** An offer the editor may change, with its links; any other is not found. */
  async getForEdit(municipalityId: number, id: number, editor: OfferEditor) {
    const row = await repo.findOffer(this.db, municipalityId, id);
    if (!row || (editor.kind === 'actor' && row.actor_id !== editor.actorId)) throw new NotFoundError('offer');
    const links = await repo.linksOf(this.db, municipalityId, [id]);
    return { row, measureIds: links.filter((l) => l.target_type === 'measure').map((l) => l.target_id), fieldIds: links.filter((l) => l.target_type === 'field').map((l) => l.target_id) };
  }

  /** The measures and fields of the current published plan an offer may serve (the form's choices). */
  async linkChoices(municipalityId: number) {
    const t = await this.publicTargets(municipalityId);
    return { measures: [...t.measures.values()], fields: [...t.fields.values()] };
  }

  private async values(municipalityId: number, input: OfferInput, editor: OfferEditor, today: string): Promise<{ values: repo.OfferValues; links: Array<{ type: 'measure' | 'field'; id: number }> }> {
    const actorId = editor.kind === 'actor' ? editor.actorId : input.actor_id;
    if (actorId !== null && editor.kind === 'officer') {
      // the actor must be this municipality's
      try {
        await this.actors.get(municipalityId, actorId);
      } catch (e) {
        if (e instanceof NotFoundError) throw new InvalidInputError({ actor_id: 'errors.choiceInvalid' });
        throw e;
      }
    }
    const targets = await this.publicTargets(municipalityId);
    if (input.measure_ids.some((id) => !targets.measures.has(id))) throw new InvalidInputError({ measure_ids: 'errors.choiceInvalid' });
    if (input.field_ids.some((id) => !targets.fields.has(id))) throw new InvalidInputError({ field_ids: 'errors.choiceInvalid' });
    const s = scheduleOfInput(input);
    return {
      values: {
        actor_id: actorId, title: input.title, description: input.description, category: input.category,
        street: input.street, postcode: input.postcode, town: input.town, district: input.district,
        frequency: s.frequency, weekdays: storedCodes(s.weekdays), month_week: s.monthWeek, start_time: s.startTime, end_time: s.endTime,
        starts_on: s.startsOn, ends_on: s.endsOn, exceptions: storedCodes(s.exceptions), skip_holidays: s.skipHolidays ? 1 : 0, times_note: input.times_note,
        languages: storedCodes(input.languages), target_groups: storedCodes(input.target_groups), free_of_charge: input.free_of_charge ? 1 : 0, cost: input.cost,
        accessibility: input.accessibility, phone: input.phone, email: input.email, website: input.website, state: input.state,
        last_checked_on: today, updated_at: new Date(this.clock()).toISOString(),
      },
      links: [...input.measure_ids.map((id) => ({ type: 'measure' as const, id })), ...input.field_ids.map((id) => ({ type: 'field' as const, id }))],
    };
  }

  /** A new offer; a representative's is always their actor's. Saving it counts as checking it. */
  async create(municipalityId: number, input: OfferInput, by: Writer, editor: OfferEditor): Promise<number> {
    const today = berlinDay(this.clock());
    const { values, links } = await this.values(municipalityId, input, editor, today);
    return this.audit.write(municipalityId, by, (id: number) => ({ action: 'offer.create', entityType: 'offer', entityId: id, after: { ...values, links } }), async ({ trx, now }) => {
      const id = await repo.insertOffer(trx, municipalityId, { ...values, created_at: now, updated_at: now });
      await repo.replaceLinks(trx, municipalityId, id, links);
      await this.scheduleJobs(trx, municipalityId);
      return id;
    });
  }

  /** Changes an offer the editor may change; saving it counts as checking it. */
  async update(municipalityId: number, id: number, input: OfferInput, by: Writer, editor: OfferEditor): Promise<void> {
    const before = await this.getForEdit(municipalityId, id, editor);
    const today = berlinDay(this.clock());
    const { values, links } = await this.values(municipalityId, input, editor, today);
    const websiteChanged = values.website !== before.row.website;
    await this.audit.write(municipalityId, by, { action: 'offer.update', entityType: 'offer', entityId: id, before: before.row, after: { ...values, links } }, async ({ trx, now }) => {
      await repo.updateOffer(trx, municipalityId, id, { ...values, updated_at: now });
      if (websiteChanged) await repo.forgetLinkCheck(trx, municipalityId, id);
      await repo.replaceLinks(trx, municipalityId, id, links);
      await this.scheduleJobs(trx, municipalityId);
    });
  }

  /** Confirms that an offer is still as written ("last checked" becomes today). */
  async markChecked(municipalityId: number, id: number, by: Writer, editor: OfferEditor): Promise<void> {
    const before = await this.getForEdit(municipalityId, id, editor);
    const today = berlinDay(this.clock());
    await this.audit.write(municipalityId, by, { action: 'offer.checked', entityType: 'offer', entityId: id, before: { last_checked_on: before.row.last_checked_on }, after: { last_checked_on: today } }, async ({ trx }) => {
      await repo.updateOffer(trx, municipalityId, id, { last_checked_on: today });
    });
  }

  async remove(municipalityId: number, id: number, by: Writer, editor: OfferEditor): Promise<void> {
    const before = await this.getForEdit(municipalityId, id, editor);
    await this.audit.write(municipalityId, by, { action: 'offer.delete', entityType: 'offer', entityId: id, before: before.row }, async ({ trx }) => {
      await repo.deleteOffer(trx, municipalityId, id);
    });
  }

  /** Offers not checked within the municipality's days (drafts too: someone should look at them). */
  async staleOffers(municipalityId: number): Promise<repo.OfferRow[]> {
    return (await this.adminList(municipalityId, { kind: 'officer' })).filter((o) => o.stale).map((o) => o.row);
  }

  // ---- jobs ----------------------------------------------------------------------------------------------

  /**
   * Checks the websites of published offers, the longest unchecked first, at most `max` in a run, one request at
   * a time. The result is bookkeeping (not content): no audit entry, no new content version.
   */
  async checkLinks(municipalityId: number, options: Partial<LinkCheckOptions> & { max?: number } = {}): Promise<LinkCheckRun> {
    const due = await repo.linksToCheck(this.db, municipalityId, options.max ?? 20);
    const results = await checkLinks(due.map((d) => d.website), { ...this.linkOptions, ...options });
    let broken = 0;
    for (const [i, d] of due.entries()) {
      const r = results[i];
      if (!r.ok) broken++;
      await repo.recordLinkCheck(this.db, municipalityId, d.id, { link_state: r.ok ? 'ok' : 'broken', link_error: r.ok ? null : r.error, link_checked_at: this.clock().toISOString() });
    }
    return { checked: due.length, broken };
  }

  jobHandlers(): Record<string, { run: JobHandler; options: HandlerOptions }> {
    return {
      [JOB_LINKS]: { run: (job) => this.linksJob(job), options: { maxAttempts: 3 } },
      [JOB_REMINDER]: { run: (job) => this.reminderJob(job), options: { maxAttempts: 6 } },
    };
  }

  /** Keeps one run of each weekly job ahead (the next Monday, 07:00 in Berlin). */
  async scheduleJobs(conn: Kysely<Database>, municipalityId: number, now: Date = this.clock()): Promise<void> {
    await this.jobs.enqueueOnce(conn, { kind: JOB_LINKS, municipalityId, payload: {}, runAt: nextMonday(now, '06:00') });
    await this.jobs.enqueueOnce(conn, { kind: JOB_REMINDER, municipalityId, payload: {}, runAt: nextMonday(now, '07:00') });
  }

  private async linksJob(job: JobContext): Promise<void> {
    if (job.municipalityId === null) return;
    await this.checkLinks(job.municipalityId);
    await this.jobs.enqueueOnce(this.db, { kind: JOB_LINKS, municipalityId: job.municipalityId, payload: {}, runAt: nextMonday(job.now, '06:00') });
  }

  /** Mails the officer the offers due for a check and the links that no longer answer, when there are any. */
  async sendReminder(municipalityId: number): Promise<boolean> {
    const m = await repo.findMunicipality(this.db, municipalityId);
    if (!m || !this.mailer.configured) return false;
    const settings = await this.settings(municipalityId);
    const to = settings.reminderEmail || m.contact_email;
    if (!to) return false;
    const list = await this.adminList(municipalityId, { kind: 'officer' });
    const stale = list.filter((o) => o.stale).map((o) => o.row);
    const broken = list.filter((o) => o.brokenLink).map((o) => o.row);
    if (stale.length === 0 && broken.length === 0) return false;
    const base = this.config.publicUrl.replace(/\/+$/, '');
    await this.mailer.send(await reminderMail(to, { municipalityName: m.name, staleDays: settings.staleDays, stale: stale.map((r) => r.title), broken: broken.map((r) => `${r.title}: ${r.website} (${r.link_error ?? ''})`), url: `${base}${offersPaths.admin(m.slug)}` }));
    return true;
  }

  private async reminderJob(job: JobContext): Promise<void> {
    if (job.municipalityId === null) return;
    await this.sendReminder(job.municipalityId);
    await this.jobs.enqueueOnce(this.db, { kind: JOB_REMINDER, municipalityId: job.municipalityId, payload: {}, runAt: nextMonday(job.now, '07:00') });
  }
}

/** The map service's address for a place: `{address}` replaced by the encoded address, or null. */
export function mapUrl(template: string, a: { street: string; postcode: string; town: string }): string | null {
  const address = [a.street, [a.postcode, a.town].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  if (!template || !address) return null;
  return template.replace('{address}', encodeURIComponent(address));
}

/** The next Monday (after today) at this time in Berlin. */
export function nextMonday(now: Date, time: string): Date {
  const today = berlinDay(now);
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  const ahead = ((8 - weekday) % 7) || 7;
  const day = new Date(Date.parse(`${today}T12:00:00Z`) + ahead * DAY).toISOString().slice(0, 10);
  return new Date(berlinInstant(day, time));
}
