// Writes an ExchangePlan as a new plan in one transaction: the demo data, the importer and the JSON
// round trip all go through here, so a plan looks the same however it arrived.
import type { Transaction } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import type { ExchangeActor, ExchangeMeasure, ExchangePlan } from './exchange.js';
import { UNNAMED_GOAL } from './exchange.validate.js';
import type { PlanState } from './plan.schema.js';
import * as actorRepo from './actor.repository.js';
import * as measures from './measure.repository.js';
import * as repo from './plan.repository.js';
import { ACTORS_PLAN } from './plan.search.js';
import { parseTimeframe } from './timeframe.js';

type Trx = Transaction<Database>;

// The same key the directory keeps names unique by (case and blanks do not count).
const actorKey = actorRepo.actorNameKey;

/** An actor as the import sees it before writing: one of the municipality's (its id) or a new one (its index). */
type ActorRef = { existing: number } | { created: number };

/**
 * Finds or plans the municipality's actors by name, the parent first; the same name is one actor. It decides
 * in memory, in the order the measures name them, what a row-by-row lookup would have done (a new actor, a
 * parent given to an actor that had none); `write` then stores that in a few statements.
 */
class ActorResolver {
  private readonly byKey = new Map<string, ActorRef>();
  private readonly created: Array<{ name: string; parent: ActorRef | null }> = [];
  /** Existing actors that get a parent where they have none: the first parent named wins, as in the database. */
  private readonly parentOfExisting = new Map<number, ActorRef>();
  private ids: number[] = [];

  constructor(private readonly trx: Trx, private readonly municipalityId: number) {}

  async load(): Promise<void> {
    const rows = await actorRepo.listActorNames(this.trx, this.municipalityId);
    // A name kept apart as a duplicate by migration 012 carries `key#id`: the first of the pair is matched.
    for (const r of rows) if (!this.byKey.has(r.name_key)) this.byKey.set(r.name_key, { existing: r.id });
  }

  resolve(name: string, parent: string | null): ActorRef {
    const existing = this.byKey.get(actorKey(name));
    const parentRef = parent ? this.resolve(parent, null) : null;
    if (existing !== undefined) {
      if (parentRef !== null) this.setParentIfMissing(existing, parentRef);
      return existing;
    }
    const ref = { created: this.created.length };
    this.created.push({ name: name.trim(), parent: parentRef });
    this.byKey.set(actorKey(name), ref);
    return ref;
  }

  private setParentIfMissing(actor: ActorRef, parent: ActorRef): void {
    if ('created' in actor) {
      const row = this.created[actor.created];
      if (row.parent === null) row.parent = parent;
    } else if (!this.parentOfExisting.has(actor.existing)) {
      this.parentOfExisting.set(actor.existing, parent);
    }
  }

  /** Stores the new actors (in the order they were named) and the parents given; ids are known after. */
  async write(): Promise<void> {
    const existingParent = (ref: ActorRef | null) => (ref !== null && 'existing' in ref ? ref.existing : null);
    this.ids = await actorRepo.insertActors(this.trx, this.municipalityId, this.created.map((a) => ({
      name: a.name, parent_id: existingParent(a.parent), description: '', contact_email: '', website: '',
    })));
    // Parents that are new themselves, and parents given to existing actors, by parent: one update each.
    const childrenOf = new Map<number, number[]>();
    const give = (child: number, parent: number) => childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), child]);
    this.created.forEach((a, i) => {
      if (a.parent !== null && 'created' in a.parent) give(this.ids[i], this.id(a.parent));
    });
    for (const [actor, parent] of this.parentOfExisting) give(actor, this.id(parent));
    for (const [parent, children] of childrenOf) await actorRepo.setParentIfMissingOfMany(this.trx, this.municipalityId, children, parent);
  }

  id(ref: ActorRef): number {
    return 'existing' in ref ? ref.existing : this.ids[ref.created];
  }
}

/** "2023–2030", "2023-2030", "2024": the years a period or timeframe names. */
export function yearsOf(text: string | null | undefined): { start: string | null; end: string | null } {
  const found = (text ?? '').match(/\b(?:19|20|21)\d{2}(?:-(?:0[1-9]|1[0-2]))?\b/g) ?? [];
  return { start: found[0] ?? null, end: found.length > 1 ? found[found.length - 1] : null };
}

export interface ImportOptions {
  state?: PlanState;
  period?: { start: number | null; end: number | null };
}

export async function importExchangePlan(
  audit: AuditedWrites,
  municipalityId: number,
  exchange: ExchangePlan,
  by: Writer,
  options: ImportOptions = {},
): Promise<number> {
  const now = audit.now();
  const title = exchange.plan.title;
  const audited = (id: number) => ({ action: 'plan.import', entityType: 'plan', entityId: id, after: { title, fields: exchange.fields.length } });
  return audit.write(municipalityId, by, audited, async ({ trx, rebuildPlan }) => {
    const state = options.state ?? 'draft';
    const planId = await repo.insertPlan(trx, municipalityId, {
      title: exchange.plan.title,
      edition: exchange.plan.edition ?? '',
      intro: '',
      period_start: options.period?.start ?? numberOrNull(yearsOf(exchange.plan.period).start),
      period_end: options.period?.end ?? numberOrNull(yearsOf(exchange.plan.period).end),
      state,
      published_at: state === 'published' ? now : null,
      created_at: now,
      updated_at: now,
    });
    const actors = new ActorResolver(trx, municipalityId);
    await actors.load();

    // Level by level, each in a few multi-row statements; ids are matched by place and position.
    const fieldIds = new Map<number, number>();
    for (const r of await repo.insertFields(trx, municipalityId, exchange.fields.map((f, fi) => ({ plan_id: planId, position: fi + 1, title: f.title, description: '' })))) {
      fieldIds.set(r.position, r.id);
    }
    const fieldId = (fi: number) => fieldIds.get(fi + 1)!;
    await repo.insertVisionRows(trx, municipalityId, exchange.fields.flatMap((f, fi) => f.visions.map((text, vi) => ({ fieldId: fieldId(fi), position: vi + 1, text }))));
    const goalIds = new Map<string, number>();
    const goalRows = exchange.fields.flatMap((f, fi) => f.goals.map((g, gi) => ({ field_id: fieldId(fi), guiding_goal_id: null, position: gi + 1, number: g.number ?? null, text: g.text || UNNAMED_GOAL })));
    for (const r of await repo.insertGoals(trx, municipalityId, goalRows)) goalIds.set(`${r.field_id}/${r.position}`, r.id);

    // The measures in the order of the plan (each field's goals' measures, then its further ones).
    const placed: Array<{ m: ExchangeMeasure; fieldId: number; goalId: number | null; position: number; further: boolean }> = [];
    for (const [fi, f] of exchange.fields.entries()) {
      for (const [gi, g] of f.goals.entries()) {
        const goalId = goalIds.get(`${fieldId(fi)}/${gi + 1}`)!;
        for (const [mi, m] of g.measures.entries()) placed.push({ m, fieldId: fieldId(fi), goalId, position: mi + 1, further: false });
      }
      for (const [mi, m] of f.furtherMeasures.entries()) placed.push({ m, fieldId: fieldId(fi), goalId: null, position: mi + 1, further: true });
    }
    const placeKey = (fieldId: number, goalId: number | null, position: number) => `${fieldId}/${goalId ?? '-'}/${position}`;
    const inserted = await measures.insertMeasures(trx, municipalityId, placed.map(({ m, fieldId, goalId, position, further }) => ({
      plan_id: planId, field_id: fieldId, goal_id: goalId, position,
      number: further ? null : m.number, is_further: further ? 1 : 0, text: m.text,
      status_label: m.status.label, status_category: m.status.category, status_date: m.status.date,
      ...timeframeColumns(m), target_groups: (m.targetGroups ?? []).join(', '), updated_at: now,
    })));
    const measureIds = new Map(inserted.map((r) => [placeKey(r.field_id, r.goal_id, r.position), r.id]));
    const measureId = (p: (typeof placed)[number]) => measureIds.get(placeKey(p.fieldId, p.goalId, p.position))!;

    // Actors in the order the measures name them, so new ones are made in the same order as row by row.
    const links = placed.map((p) => ({ p, refs: resolveActors(actors, p.m.actors) }));
    await actors.write();
    await measures.linkActorsOfMany(trx, municipalityId, links.map(({ p, refs }) => ({ measureId: measureId(p), links: refs.map((r) => ({ actorId: actors.id(r.ref), role: r.role })) })));
    await measures.insertNotesOfMany(trx, municipalityId, placed.flatMap((p) => p.m.notes.map((n) => ({ measureId: measureId(p), text: n.text, date: n.date, authorName: by.name }))), now);
    await measures.insertAttributesOfMany(trx, municipalityId, placed.filter((p) => p.m.attributes?.length).map((p) => ({ measureId: measureId(p), attributes: p.m.attributes! })));
    await measures.recordStatusChanges(trx, municipalityId, placed.filter((p) => p.m.status.label).map((p) => ({ measureId: measureId(p), from: null, to: p.m.status, note: '', at: now, by })));
    // Bulk: the new plan's documents and the actors' (new ones may have come) are built in one batch each.
    rebuildPlan(planId);
    rebuildPlan(ACTORS_PLAN);
    return planId;
  });
}

/** The wording as written; start and end as the exchange gives them, else as the wording says. */
function timeframeColumns(m: ExchangeMeasure): { timeframe_label: string; timeframe_start: string | null; timeframe_end: string | null } {
  const parsed = parseTimeframe(m.timeframe);
  const given = m.timeframeStart !== undefined || m.timeframeEnd !== undefined;
  return {
    timeframe_label: parsed.label,
    timeframe_start: given ? (m.timeframeStart ?? null) : parsed.start,
    timeframe_end: given ? (m.timeframeEnd ?? null) : parsed.end,
  };
}

function numberOrNull(year: string | null): number | null {
  return year ? Number(year.slice(0, 4)) : null;
}

/** The actors of a measure, each once, found or planned by name (the parent first). */
function resolveActors(actors: ActorResolver, list: ExchangeActor[]): Array<{ ref: ActorRef; role: string }> {
  const seen = new Set<string>();
  const links: Array<{ ref: ActorRef; role: string }> = [];
  for (const a of list) {
    const ref = actors.resolve(a.name, a.parent);
    const key = 'existing' in ref ? `e${ref.existing}` : `c${ref.created}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ ref, role: a.role });
  }
  return links;
}
