// The actors directory: organisations and offices that lead or support measures, with an optional parent.
import type { Kysely, Transaction } from 'kysely';
import type { Writer as Author } from '../../platform/audit/audit.js';
import type { AuditedWrites, WriteScope } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import * as repo from './actor.repository.js';
import { moveActorLinks } from './measure.repository.js';
import { measureIdsOfActor } from './plan.repository.js';
import type { ActorInput } from './actor.schema.js';

export type { ActorRow } from './actor.repository.js';

type Conn = Kysely<Database> | Transaction<Database>;

/**
 * A module that keeps rows about actors (rounds: invitations, answers, links, representatives; later offers)
 * registers here, so that a merge moves its rows too and a confirmation page can say what an actor carries.
 * The plan kernel knows no module: they come to it.
 */
export interface ActorFollower {
  /** What of the module points at the actor, as counts under i18n keys (`{{count}}`), for confirmation pages. */
  usage(db: Conn, municipalityId: number, actorId: number): Promise<Array<{ key: string; count: number }>>;
  /** Moves what points at actor `fromId` to actor `toId`, inside the merge's transaction. */
  merge(trx: Transaction<Database>, municipalityId: number, fromId: number, toId: number): Promise<void>;
  /** These actors are being deleted, inside the deleting write: drop what makes no sense without them. */
  deleting?(trx: Transaction<Database>, municipalityId: number, actorIds: number[]): Promise<void>;
  /** Actors the module still needs, with or without measures: never offered for clean-up as unused. */
  keeps?(db: Conn, municipalityId: number): Promise<number[]>;
}

/**
 * A module that gives actors a public page of their own besides the plan's measures (offers: an actor with a
 * published offer in the Wegweiser) says which, per municipality. The kernel asks; it imports no module.
 */
export type PublicActorSource = (municipalityId: number) => Promise<number[]>;

/** What an actor carries: the confirmation pages of deleting and merging say this. */
export interface ActorUsage {
  measures: number;
  plans: number;
  children: Array<{ id: number; name: string }>;
  /** The following modules' counts (round entries, representatives …), under their i18n keys. */
  more: Array<{ key: string; count: number }>;
}

/** The name is already the directory's: the form says so and offers the existing actor. */
export class ActorNameTakenError extends InvalidInputError {
  constructor(readonly existing: { id: number; name: string }) {
    super({ name: 'actor.nameTaken' });
  }
}

export class ActorService {
  private readonly followers: ActorFollower[] = [];
  private readonly publicSources: PublicActorSource[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
  ) {}

  /** A module that keeps rows about actors registers here (see `ActorFollower`). */
  follow(follower: ActorFollower): void {
    this.followers.push(follower);
  }

  /** A module that gives actors a public page registers here (see `PublicActorSource`). */
  declarePublic(source: PublicActorSource): void {
    this.publicSources.push(source);
  }

  /** The actors the registered modules make public (their public page exists, measures or not). */
  async publicByModules(municipalityId: number): Promise<Set<number>> {
    const ids = new Set<number>();
    for (const source of this.publicSources) for (const id of await source(municipalityId)) ids.add(id);
    return ids;
  }

  /** Actors whose names equal another's but for case and blanks (from before names were unique). */
  duplicateNameIds(municipalityId: number): Promise<Set<number>> {
    return repo.listDuplicateNameIds(this.db, municipalityId);
  }

  async usage(municipalityId: number, actorId: number, db: Conn = this.db): Promise<ActorUsage> {
    const counts = await repo.actorLinkCounts(db, municipalityId, actorId);
    const children = await repo.listChildActors(db, municipalityId, actorId);
    const more = [];
    for (const f of this.followers) more.push(...(await f.usage(db, municipalityId, actorId)));
    return { measures: counts.measures, plans: counts.plans, children, more: more.filter((m) => m.count > 0) };
  }

  /** Actors no measure of any plan names, no actor sits below and no module keeps (offers): for clean-up. */
  async unused(municipalityId: number) {
    return this.withoutKept(this.db, municipalityId, await repo.listUnusedActors(this.db, municipalityId));
  }

  private async withoutKept<A extends { id: number }>(db: Conn, municipalityId: number, actors: A[]): Promise<A[]> {
    const kept = new Set<number>();
    for (const f of this.followers) for (const id of (await f.keeps?.(db, municipalityId)) ?? []) kept.add(id);
    return actors.filter((a) => !kept.has(a.id));
  }

  /** The actors only this plan's measures name (offered for deletion with a draft plan). */
  onlyInPlan(municipalityId: number, planId: number) {
    return repo.listActorsOnlyInPlan(this.db, municipalityId, planId);
  }

  private async checkName(db: Conn, municipalityId: number, name: string, actorId: number | null): Promise<void> {
    const existing = await repo.findActorByName(db, municipalityId, name, actorId);
    if (existing) throw new ActorNameTakenError(existing);
  }

  /**
   * Runs a write that names an actor; when another write took the name in between, the unique index refuses
   * it on either engine, and the person sees the same message as from the check before.
   */
  private async withNameGuard<R>(municipalityId: number, name: string, actorId: number | null, fn: () => Promise<R>): Promise<R> {
    await this.checkName(this.db, municipalityId, name, actorId);
    try {
      return await fn();
    } catch (error) {
      await this.checkName(this.db, municipalityId, name, actorId);
      throw error;
    }
  }

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

  /** The name of an actor's parent for the audit log (the id alone says nothing to a reader). */
  private async parentName(municipalityId: number, parentId: number | null | undefined): Promise<string | null> {
    return parentId ? ((await repo.findActor(this.db, municipalityId, parentId))?.name ?? null) : null;
  }

  children(municipalityId: number, actorId: number) {
    return repo.listChildActors(this.db, municipalityId, actorId);
  }

  /** Measures an actor leads or supports, in the given plan. */
  measuresOf(municipalityId: number, actorId: number, planId: number) {
    return repo.listMeasuresOfActor(this.db, municipalityId, actorId, planId);
  }

  /** Whether `actorId` sits below `ancestorId` in the directory's tree, at any depth. */
  private async isBelow(db: Conn, municipalityId: number, actorId: number, ancestorId: number): Promise<boolean> {
    let current = (await repo.findActorParent(db, municipalityId, actorId))?.parent_id ?? null;
    for (let depth = 0; current !== null && depth < 50; depth++) {
      if (current === ancestorId) return true;
      current = (await repo.findActorParent(db, municipalityId, current))?.parent_id ?? null;
    }
    return false;
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
    const parent_name = await this.parentName(municipalityId, input.parent_id);
    return this.withNameGuard(municipalityId, input.name, null, () =>
      this.audit.write(municipalityId, by, (id: number) => ({ action: 'actor.create', entityType: 'actor', entityId: id, after: { ...input, parent_name } }), async ({ trx, touch }) => {
        const id = await repo.insertActor(trx, municipalityId, input);
        touch('actor', id);
        return id;
      }));
  }

  async update(municipalityId: number, actorId: number, input: ActorInput, by: Author): Promise<void> {
    const before = await this.get(municipalityId, actorId);
    await this.checkParent(municipalityId, actorId, input.parent_id);
    const parent_name = await this.parentName(municipalityId, input.parent_id);
    await this.withNameGuard(municipalityId, input.name, actorId, () =>
      this.audit.write(municipalityId, by, { action: 'actor.update', entityType: 'actor', entityId: actorId, before, after: { ...input, parent_name } }, async ({ trx, touch }) => {
        await repo.updateActor(trx, municipalityId, actorId, input);
        await this.touchWithMeasures(trx, municipalityId, actorId, touch);
      }));
  }

  /**
   * Merges actor `mergeId` into actor `keepId`, all or nothing: every measure link moves (one link where a
   * measure named both, lead over partner), the following modules move their rows (round invitations, answers
   * and links, representatives), the actors below the merged one move below the kept one, the kept one's empty
   * description, e-mail and website are filled from the merged one, and the merged one is deleted. The
   * measures' status history does not name actors, so it stays as it was.
   */
  async merge(municipalityId: number, keepId: number, mergeId: number, by: Author): Promise<{ kept: string; merged: string }> {
    if (keepId === mergeId) throw new InvalidInputError({ merge_id: 'actor.mergeSame' });
    const keep = await this.get(municipalityId, keepId);
    const gone = await repo.findActor(this.db, municipalityId, mergeId);
    if (!gone) throw new InvalidInputError({ merge_id: 'errors.choiceInvalid' });
    const usage = await this.usage(municipalityId, mergeId);
    const audit = {
      action: 'actor.merge', entityType: 'actor', entityId: keepId,
      before: { kept: keep, merged: gone },
      after: { kept: { id: keepId, name: keep.name }, merged: { id: mergeId, name: gone.name }, measureLinks: usage.measures, children: usage.children.map((c) => c.name), ...Object.fromEntries(usage.more.map((m) => [m.key, m.count])) },
    };
    await this.audit.write(municipalityId, by, audit, async ({ trx, touch }) => {
      const keepBelowGone = await this.isBelow(trx, municipalityId, keepId, mergeId);
      // The measures of both name their actors in their search text.
      await this.touchWithMeasures(trx, municipalityId, mergeId, touch);
      await this.touchWithMeasures(trx, municipalityId, keepId, touch);
      await moveActorLinks(trx, municipalityId, mergeId, keepId);
      for (const f of this.followers) await f.merge(trx, municipalityId, mergeId, keepId);
      await repo.reparentChildActors(trx, municipalityId, mergeId, keepId);
      const fill = {
        description: keep.description || gone.description,
        contact_email: keep.contact_email || gone.contact_email,
        website: keep.website || gone.website,
        // A kept actor that sat below the merged one (at any depth) takes the merged one's place in the tree,
        // so that the units moved below it never end up above it.
        parent_id: keepBelowGone ? gone.parent_id : keep.parent_id,
      };
      await repo.updateActor(trx, municipalityId, keepId, fill);
      await repo.deleteActor(trx, municipalityId, mergeId);
    });
    return { kept: keep.name, merged: gone.name };
  }

  /** The contact e-mails of several actors in one write (the rounds' page of lead actors); '' clears one. */
  async setContactEmails(municipalityId: number, emails: Array<{ actorId: number; email: string }>, by: Author): Promise<number> {
    const rows = await repo.findActors(this.db, municipalityId, emails.map((e) => e.actorId));
    const before = new Map(rows.map((r) => [r.id, r.contact_email]));
    const changed = emails.filter((e) => before.has(e.actorId) && before.get(e.actorId) !== e.email);
    if (changed.length === 0) return 0;
    const names = new Map(rows.map((r) => [r.id, r.name]));
    const audit = {
      action: 'actor.contact_emails', entityType: 'actor',
      before: { actors: changed.map((e) => ({ id: e.actorId, name: names.get(e.actorId), contact_email: before.get(e.actorId) })) },
      after: { actors: changed.map((e) => ({ id: e.actorId, name: names.get(e.actorId), contact_email: e.email })) },
    };
    await this.audit.write(municipalityId, by, audit, async ({ trx, touch }) => {
      for (const e of changed) {
        await repo.updateActor(trx, municipalityId, e.actorId, { contact_email: e.email });
        touch('actor', e.actorId);
      }
    });
    return changed.length;
  }

  /** Deletes these actors if they are still unused (the clean-up list), in one write; returns how many. */
  async deleteUnused(municipalityId: number, actorIds: number[], by: Author): Promise<number> {
    // An id that is not this municipality's actor is an unknown page, as everywhere.
    const wanted = [...new Set(actorIds)];
    if ((await repo.existingActorIds(this.db, municipalityId, wanted)).length !== wanted.length) throw new NotFoundError('actor');
    const unused = await this.withoutKept(this.db, municipalityId, await repo.listUnusedActors(this.db, municipalityId, actorIds));
    if (unused.length === 0) return 0;
    await this.audit.write(municipalityId, by, { action: 'actor.delete_unused', entityType: 'actor', before: { actors: unused } }, async ({ trx, touch }) => {
      for (const a of unused) touch('actor', a.id);
      await this.deleteWithin(trx, municipalityId, unused.map((a) => a.id));
    });
    return unused.length;
  }

  async delete(municipalityId: number, actorId: number, by: Author): Promise<void> {
    const before = await this.get(municipalityId, actorId);
    await this.audit.write(municipalityId, by, { action: 'actor.delete', entityType: 'actor', entityId: actorId, before }, async ({ trx, touch }) => {
      // The measures name their actors in their search text: theirs change with the actor.
      await this.touchWithMeasures(trx, municipalityId, actorId, touch);
      await this.deleteWithin(trx, municipalityId, [actorId]);
    });
  }

  /**
   * Deletes these actors inside a caller's write (a deleted draft plan's own actors): the following modules
   * drop their rows first, the actors below lose their parent.
   */
  async deleteWithin(trx: Transaction<Database>, municipalityId: number, actorIds: number[]): Promise<void> {
    if (actorIds.length === 0) return;
    for (const f of this.followers) await f.deleting?.(trx, municipalityId, actorIds);
    await repo.deleteActors(trx, municipalityId, actorIds);
  }

  private async touchWithMeasures(trx: Conn, municipalityId: number, actorId: number, touch: WriteScope['touch']): Promise<void> {
    touch('actor', actorId);
    for (const r of await measureIdsOfActor(trx, municipalityId, actorId)) touch('measure', r.measure_id);
  }
}
