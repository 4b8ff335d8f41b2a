// The actors directory: organisations and offices that lead or support measures, with an optional parent.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Writer as Author } from '../../platform/audit/audit.js';
import type { AuditedWrites, WriteScope } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { measureIdsOfActor } from './plan.repository.js';
import type { ActorInput } from './actor.schema.js';

export interface ActorRow {
  id: number;
  name: string;
  parent_id: number | null;
  parent_name: string | null;
  description: string;
  contact_email: string;
  website: string;
  lead_count: number;
  partner_count: number;
}

type Conn = Kysely<Database> | Transaction<Database>;

export class ActorService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
  ) {}

  /**
   * The directory with counts. With `publicPlanStates`, counts only measures of plans in those states, and
   * actors without such a measure still show (they belong to the municipality, not to a draft).
   */
  async list(municipalityId: number, planId?: number): Promise<ActorRow[]> {
    const counts = this.db
      .selectFrom('measure_actors as ma')
      .innerJoin('measures as m', 'm.id', 'ma.measure_id')
      .select(['ma.actor_id', sql<number>`sum(case when ma.role = 'lead' then 1 else 0 end)`.as('lead_count'), sql<number>`sum(case when ma.role = 'partner' then 1 else 0 end)`.as('partner_count')])
      .where('ma.municipality_id', '=', municipalityId)
      .$if(planId !== undefined, (q) => q.where('m.plan_id', '=', planId!))
      .groupBy('ma.actor_id')
      .as('c');
    const rows = await this.db
      .selectFrom('actors as a')
      .leftJoin('actors as p', 'p.id', 'a.parent_id')
      .leftJoin(counts, 'c.actor_id', 'a.id')
      .select(['a.id', 'a.name', 'a.parent_id', 'p.name as parent_name', 'a.description', 'a.contact_email', 'a.website', 'c.lead_count', 'c.partner_count'])
      .where('a.municipality_id', '=', municipalityId)
      .orderBy('a.name')
      .execute();
    return rows.map((r) => ({ ...r, lead_count: Number(r.lead_count ?? 0), partner_count: Number(r.partner_count ?? 0) }));
  }

  async get(municipalityId: number, actorId: number) {
    const row = await this.db
      .selectFrom('actors as a')
      .leftJoin('actors as p', 'p.id', 'a.parent_id')
      .select(['a.id', 'a.name', 'a.parent_id', 'p.name as parent_name', 'a.description', 'a.contact_email', 'a.website'])
      .where('a.municipality_id', '=', municipalityId)
      .where('a.id', '=', actorId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('actor');
    return row;
  }

  children(municipalityId: number, actorId: number) {
    return this.db.selectFrom('actors').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('parent_id', '=', actorId).orderBy('name').execute();
  }

  /** Measures an actor leads or supports, in the given plan. */
  measuresOf(municipalityId: number, actorId: number, planId: number) {
    return this.db
      .selectFrom('measure_actors as ma')
      .innerJoin('measures as m', 'm.id', 'ma.measure_id')
      .select(['m.id', 'm.number', 'm.text', 'm.status_label', 'm.status_category', 'ma.role'])
      .where('ma.municipality_id', '=', municipalityId)
      .where('ma.actor_id', '=', actorId)
      .where('m.plan_id', '=', planId)
      .orderBy('m.number')
      .orderBy('m.id')
      .execute();
  }

  private async checkParent(municipalityId: number, actorId: number | null, parentId: number | null): Promise<void> {
    if (parentId === null) return;
    if (parentId === actorId) throw new InvalidInputError({ parent_id: 'errors.parentSelf' });
    // Walk up from the parent: a cycle would make the directory tree endless.
    let current: number | null = parentId;
    for (let depth = 0; current !== null && depth < 50; depth++) {
      const row: { parent_id: number | null } | undefined = await this.db.selectFrom('actors').select('parent_id').where('municipality_id', '=', municipalityId).where('id', '=', current).executeTakeFirst();
      if (!row) throw new InvalidInputError({ parent_id: 'errors.choiceInvalid' });
      if (row.parent_id === actorId && actorId !== null) throw new InvalidInputError({ parent_id: 'errors.parentCycle' });
      current = row.parent_id;
    }
  }

  async create(municipalityId: number, input: ActorInput, by: Author): Promise<number> {
    await this.checkParent(municipalityId, null, input.parent_id);
    return this.audit.write(municipalityId, by, (id: number) => ({ action: 'actor.create', entityType: 'actor', entityId: id, after: input }), async ({ trx, touch }) => {
      const row = await trx.insertInto('actors').values({ municipality_id: municipalityId, ...input }).returning('id').executeTakeFirstOrThrow();
      touch('actor', row.id);
      return row.id;
    });
  }

  async update(municipalityId: number, actorId: number, input: ActorInput, by: Author): Promise<void> {
    const before = await this.get(municipalityId, actorId);
    await this.checkParent(municipalityId, actorId, input.parent_id);
    await this.audit.write(municipalityId, by, { action: 'actor.update', entityType: 'actor', entityId: actorId, before, after: input }, async ({ trx, touch }) => {
      await trx.updateTable('actors').set(input).where('municipality_id', '=', municipalityId).where('id', '=', actorId).execute();
      await this.touchWithMeasures(trx, municipalityId, actorId, touch);
    });
  }

  async delete(municipalityId: number, actorId: number, by: Author): Promise<void> {
    const before = await this.get(municipalityId, actorId);
    await this.audit.write(municipalityId, by, { action: 'actor.delete', entityType: 'actor', entityId: actorId, before }, async ({ trx, touch }) => {
      // The measures name their actors in their search text: theirs change with the actor.
      await this.touchWithMeasures(trx, municipalityId, actorId, touch);
      await trx.updateTable('actors').set({ parent_id: null }).where('municipality_id', '=', municipalityId).where('parent_id', '=', actorId).execute();
      await trx.deleteFrom('actors').where('municipality_id', '=', municipalityId).where('id', '=', actorId).execute();
    });
  }

  private async touchWithMeasures(trx: Conn, municipalityId: number, actorId: number, touch: WriteScope['touch']): Promise<void> {
    touch('actor', actorId);
    for (const r of await measureIdsOfActor(trx, municipalityId, actorId)) touch('measure', r.measure_id);
  }
}
