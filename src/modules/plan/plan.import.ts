// Writes an ExchangePlan as a new plan in one transaction: the demo data, the importer and the JSON
// round trip all go through here, so a plan looks the same however it arrived.
import type { Transaction } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import type { ExchangeActor, ExchangeMeasure, ExchangePlan } from './exchange.js';
import { UNNAMED_GOAL } from './exchange.validate.js';
import type { PlanState } from './plan.schema.js';
import * as measures from './measure.repository.js';
import { ACTORS_PLAN } from './plan.search.js';

type Trx = Transaction<Database>;

const actorKey = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

/** Finds or creates the municipality's actors by name, the parent first; the same name is one actor. */
class ActorResolver {
  private readonly byKey = new Map<string, number>();
  constructor(private readonly trx: Trx, private readonly municipalityId: number) {}

  async load(): Promise<void> {
    const rows = await this.trx.selectFrom('actors').select(['id', 'name']).where('municipality_id', '=', this.municipalityId).execute();
    for (const r of rows) this.byKey.set(actorKey(r.name), r.id);
  }

  async resolve(name: string, parent: string | null): Promise<number> {
    const existing = this.byKey.get(actorKey(name));
    const parentId = parent ? await this.resolve(parent, null) : null;
    if (existing !== undefined) {
      if (parentId !== null) {
        await this.trx.updateTable('actors').set({ parent_id: parentId }).where('municipality_id', '=', this.municipalityId).where('id', '=', existing).where('parent_id', 'is', null).execute();
      }
      return existing;
    }
    const row = await this.trx
      .insertInto('actors')
      .values({ municipality_id: this.municipalityId, name: name.trim(), parent_id: parentId, description: '', contact_email: '', website: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.byKey.set(actorKey(name), row.id);
    return row.id;
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
    const plan = await trx
      .insertInto('plans')
      .values({
        municipality_id: municipalityId,
        title: exchange.plan.title,
        edition: exchange.plan.edition ?? '',
        intro: '',
        period_start: options.period?.start ?? numberOrNull(yearsOf(exchange.plan.period).start),
        period_end: options.period?.end ?? numberOrNull(yearsOf(exchange.plan.period).end),
        state,
        published_at: state === 'published' ? now : null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actors = new ActorResolver(trx, municipalityId);
    await actors.load();

    const insertMeasure = async (m: ExchangeMeasure, fieldId: number, goalId: number | null, position: number, further: boolean) => {
      const id = await measures.insertMeasure(trx, {
        municipality_id: municipalityId, plan_id: plan.id, field_id: fieldId, goal_id: goalId, position,
        number: further ? null : m.number, is_further: further ? 1 : 0, text: m.text,
        status_label: m.status.label, status_category: m.status.category, status_date: m.status.date,
        timeframe_start: yearsOf(m.timeframe).start, timeframe_end: yearsOf(m.timeframe).end, target_groups: (m.targetGroups ?? []).join(', '), updated_at: now,
      });
      await measures.linkActors(trx, municipalityId, id, await resolveActors(actors, m.actors), { replace: false });
      await measures.insertNotes(trx, municipalityId, id, m.notes.map((n) => ({ text: n.text, date: n.date, authorName: by.name })), now);
      if (m.status.label) await measures.recordStatusChange(trx, municipalityId, id, { from: null, to: m.status, note: '', at: now, by });
    };

    for (const [fi, f] of exchange.fields.entries()) {
      const field = await trx.insertInto('fields').values({ municipality_id: municipalityId, plan_id: plan.id, position: fi + 1, title: f.title, description: '' }).returning('id').executeTakeFirstOrThrow();
      if (f.visions.length) {
        await trx.insertInto('visions').values(f.visions.map((text, vi) => ({ municipality_id: municipalityId, field_id: field.id, position: vi + 1, text }))).execute();
      }
      for (const [gi, g] of f.goals.entries()) {
        const goal = await trx.insertInto('goals').values({ municipality_id: municipalityId, field_id: field.id, guiding_goal_id: null, position: gi + 1, text: g.text || UNNAMED_GOAL }).returning('id').executeTakeFirstOrThrow();
        for (const [mi, m] of g.measures.entries()) await insertMeasure(m, field.id, goal.id, mi + 1, false);
      }
      for (const [mi, m] of f.furtherMeasures.entries()) await insertMeasure(m, field.id, null, mi + 1, true);
    }
    // Bulk: the new plan's documents and the actors' (new ones may have come) are built in one batch each.
    rebuildPlan(plan.id);
    rebuildPlan(ACTORS_PLAN);
    return plan.id;
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
