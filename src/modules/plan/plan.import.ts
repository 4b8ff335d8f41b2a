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

type Trx = Transaction<Database>;

const actorKey = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

/** Finds or creates the municipality's actors by name, the parent first; the same name is one actor. */
class ActorResolver {
  private readonly byKey = new Map<string, number>();
  constructor(private readonly trx: Trx, private readonly municipalityId: number) {}

  async load(): Promise<void> {
    const rows = await actorRepo.listActorNames(this.trx, this.municipalityId);
    for (const r of rows) this.byKey.set(actorKey(r.name), r.id);
  }

  async resolve(name: string, parent: string | null): Promise<number> {
    const existing = this.byKey.get(actorKey(name));
    const parentId = parent ? await this.resolve(parent, null) : null;
    if (existing !== undefined) {
      if (parentId !== null) await actorRepo.setParentIfMissing(this.trx, this.municipalityId, existing, parentId);
      return existing;
    }
    const id = await actorRepo.insertActor(this.trx, this.municipalityId, { name: name.trim(), parent_id: parentId, description: '', contact_email: '', website: '' });
    this.byKey.set(actorKey(name), id);
    return id;
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

    const insertMeasure = async (m: ExchangeMeasure, fieldId: number, goalId: number | null, position: number, further: boolean) => {
      const id = await measures.insertMeasure(trx, municipalityId, {
        plan_id: planId, field_id: fieldId, goal_id: goalId, position,
        number: further ? null : m.number, is_further: further ? 1 : 0, text: m.text,
        status_label: m.status.label, status_category: m.status.category, status_date: m.status.date,
        timeframe_start: yearsOf(m.timeframe).start, timeframe_end: yearsOf(m.timeframe).end, target_groups: (m.targetGroups ?? []).join(', '), updated_at: now,
      });
      await measures.linkActors(trx, municipalityId, id, await resolveActors(actors, m.actors), { replace: false });
      await measures.insertNotes(trx, municipalityId, id, m.notes.map((n) => ({ text: n.text, date: n.date, authorName: by.name })), now);
      if (m.status.label) await measures.recordStatusChange(trx, municipalityId, id, { from: null, to: m.status, note: '', at: now, by });
    };

    for (const [fi, f] of exchange.fields.entries()) {
      const fieldId = await repo.insertField(trx, municipalityId, { plan_id: planId, position: fi + 1, title: f.title, description: '' });
      await repo.insertVisions(trx, municipalityId, fieldId, f.visions.map((text, vi) => ({ position: vi + 1, text })));
      for (const [gi, g] of f.goals.entries()) {
        const goalId = await repo.insertGoal(trx, municipalityId, { field_id: fieldId, guiding_goal_id: null, position: gi + 1, text: g.text || UNNAMED_GOAL });
        for (const [mi, m] of g.measures.entries()) await insertMeasure(m, fieldId, goalId, mi + 1, false);
      }
      for (const [mi, m] of f.furtherMeasures.entries()) await insertMeasure(m, fieldId, null, mi + 1, true);
    }
    // Bulk: the new plan's documents and the actors' (new ones may have come) are built in one batch each.
    rebuildPlan(planId);
    rebuildPlan(ACTORS_PLAN);
    return planId;
  });
}

function numberOrNull(year: string | null): number | null {
  return year ? Number(year.slice(0, 4)) : null;
}

/** The actors of a measure, each once, found or created by name (the parent first). */
async function resolveActors(actors: ActorResolver, list: ExchangeActor[]): Promise<measures.ActorLink[]> {
  const seen = new Set<number>();
  const links: measures.ActorLink[] = [];
  for (const a of list) {
    const id = await actors.resolve(a.name, a.parent);
    if (seen.has(id)) continue;
    seen.add(id);
    links.push({ actorId: id, role: a.role });
  }
  return links;
}
