// The actors directory: organisations and offices that lead or support measures, with an optional parent.
import type { Kysely, Transaction } from 'kysely';
import type { Writer as Author } from '../../platform/audit/audit.js';
import type { AuditedWrites, WriteScope } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import * as repo from './actor.repository.js';
import { measureIdsOfActor } from './plan.repository.js';
import type { ActorInput } from './actor.schema.js';

export type { ActorRow } from './actor.repository.js';

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
  list(municipalityId: number, planId?: number): Promise<repo.ActorRow[]> {
    return repo.listActors(this.db, municipalityId, planId);
  }

  async get(municipalityId: number, actorId: number) {
    const row = await repo.findActor(this.db, municipalityId, actorId);
    if (!row) throw new NotFoundError('actor');
    return row;
  }

  children(municipalityId: number, actorId: number) {
    return repo.listChildActors(this.db, municipalityId, actorId);
  }

  /** Measures an actor leads or supports, in the given plan. */
  measuresOf(municipalityId: number, actorId: number, planId: number) {
    return repo.listMeasuresOfActor(this.db, municipalityId, actorId, planId);
  }

  private async checkParent(municipalityId: number, actorId: number | null, parentId: number | null): Promise<void> {
    if (parentId === null) return;
    if (parentId === actorId) throw new InvalidInputError({ parent_id: 'errors.parentSelf' });
    // Walk up from the parent: a cycle would make the directory tree endless.
    let current: number | null = parentId;
    for (let depth = 0; current !== null && depth < 50; depth++) {
      const row = await repo.findActorParent(this.db, municipalityId, current);
      if (!row) throw new InvalidInputError({ parent_id: 'errors.choiceInvalid' });
      if (row.parent_id === actorId && actorId !== null) throw new InvalidInputError({ parent_id: 'errors.parentCycle' });
      current = row.parent_id;
    }
  }

  async create(municipalityId: number, input: ActorInput, by: Author): Promise<number> {
    await this.checkParent(municipalityId, null, input.parent_id);
    return this.audit.write(municipalityId, by, (id: number) => ({ action: 'actor.create', entityType: 'actor', entityId: id, after: input }), async ({ trx, touch }) => {
      const id = await repo.insertActor(trx, municipalityId, input);
      touch('actor', id);
      return id;
    });
  }

  async update(municipalityId: number, actorId: number, input: ActorInput, by: Author): Promise<void> {
    const before = await this.get(municipalityId, actorId);
    await this.checkParent(municipalityId, actorId, input.parent_id);
    await this.audit.write(municipalityId, by, { action: 'actor.update', entityType: 'actor', entityId: actorId, before, after: input }, async ({ trx, touch }) => {
      await repo.updateActor(trx, municipalityId, actorId, input);
      await this.touchWithMeasures(trx, municipalityId, actorId, touch);
    });
  }

  async delete(municipalityId: number, actorId: number, by: Author): Promise<void> {
    const before = await this.get(municipalityId, actorId);
    await this.audit.write(municipalityId, by, { action: 'actor.delete', entityType: 'actor', entityId: actorId, before }, async ({ trx, touch }) => {
      // The measures name their actors in their search text: theirs change with the actor.
      await this.touchWithMeasures(trx, municipalityId, actorId, touch);
      await repo.detachChildActors(trx, municipalityId, actorId);
      await repo.deleteActor(trx, municipalityId, actorId);
    });
  }

  private async touchWithMeasures(trx: Conn, municipalityId: number, actorId: number, touch: WriteScope['touch']): Promise<void> {
    touch('actor', actorId);
    for (const r of await measureIdsOfActor(trx, municipalityId, actorId)) touch('measure', r.measure_id);
  }
}
