// Writer representatives: people who sign in and may change the status and notes of the measures their actor
// leads, and nothing else (role actor_rep, a membership with actor_id). Their changes go straight into the
// plan through PlanService, with their name and their actor as author.
import type { Kysely } from 'kysely';
import { recordAudit, type Writer } from '../../platform/audit/audit.js';
import type { AuthService, CurrentUser } from '../../platform/auth/auth.service.js';
import { generatePassword } from '../../platform/auth/password.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import type { FieldErrors, FormValues } from '../../platform/views/page.js';
import type { PlanService } from '../plan/index.js';
import * as repo from './rounds.repository.js';
import { parseMeasureUpdates, type RepresentativeInput } from './rounds.schema.js';
import { noteWithEvidence } from './rounds.service.js';

export const ACTOR_REP = 'actor_rep';

export class RepresentativeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly plans: PlanService,
  ) {}

  list(municipalityId: number) {
    return this.db
      .selectFrom('memberships as ms')
      .innerJoin('users as u', 'u.id', 'ms.user_id')
      .innerJoin('actors as a', 'a.id', 'ms.actor_id')
      .select(['u.id', 'u.name', 'u.email', 'a.id as actor_id', 'a.name as actor_name', 'ms.created_at'])
      .where('ms.municipality_id', '=', municipalityId)
      .where('a.municipality_id', '=', municipalityId)
      .where('ms.role', '=', ACTOR_REP)
      .orderBy('a.name')
      .orderBy('u.name')
      .execute();
  }

  /** Adds a representative; a new account gets a one-time password, returned once. */
  async add(municipalityId: number, input: RepresentativeInput, by: Writer): Promise<{ password: string | null }> {
    const actor = await this.db.selectFrom('actors').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('id', '=', input.actor_id).executeTakeFirst();
    if (!actor) throw new InvalidInputError({ actor_id: 'errors.choiceInvalid' });
    let user = await this.auth.findUserByEmail(input.email);
    if (user && (await this.auth.membershipOf(municipalityId, user.id))) throw new InvalidInputError({ email: 'errors.alreadyMember' });
    let password: string | null = null;
    if (!user) {
      password = generatePassword();
      await this.auth.createUser({ email: input.email, name: input.name, password });
      user = await this.auth.findUserByEmail(input.email);
    }
    const now = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('memberships').values({ municipality_id: municipalityId, user_id: user!.id, role: ACTOR_REP, actor_id: actor.id, created_at: now }).execute();
      await recordAudit(trx, { municipalityId, writer: by, action: 'member.add', entityType: 'user', entityId: user!.id, at: now, after: { email: input.email, role: ACTOR_REP, actor: actor.name } });
    });
    return { password };
  }

  async remove(municipalityId: number, userId: number, by: Writer): Promise<void> {
    const now = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('memberships').where('municipality_id', '=', municipalityId).where('user_id', '=', userId).where('role', '=', ACTOR_REP).executeTakeFirst();
      if (Number(result.numDeletedRows) !== 1) throw new NotFoundError('representative');
      await recordAudit(trx, { municipalityId, writer: by, action: 'member.remove', entityType: 'user', entityId: userId, at: now, after: { role: ACTOR_REP } });
    });
  }

  /** The actor a signed-in person represents here, or null. */
  async actorOf(municipalityId: number, userId: number) {
    const row = await this.db
      .selectFrom('memberships as ms')
      .innerJoin('actors as a', 'a.id', 'ms.actor_id')
      .select(['a.id', 'a.name'])
      .where('ms.municipality_id', '=', municipalityId)
      .where('a.municipality_id', '=', municipalityId)
      .where('ms.user_id', '=', userId)
      .executeTakeFirst();
    return row ?? null;
  }

  /** The measures the actor leads in the published plans, plan by plan. */
  async ownMeasures(municipalityId: number, actorId: number) {
    const plans = (await this.plans.listPlans(municipalityId)).filter((p) => p.state === 'published');
    const groups = [];
    for (const plan of plans) {
      const measures = await repo.leadMeasures(this.db, municipalityId, actorId, plan.id);
      if (measures.length > 0) groups.push({ plan: { id: plan.id, title: plan.title }, measures });
    }
    return groups;
  }

  /** Applies the representative's changes to the plan at once; answers every open round that asks the actor. */
  async changeOwn(municipalityId: number, actor: { id: number; name: string }, user: CurrentUser, values: FormValues): Promise<{ ok: true; count: number } | { ok: false; errors: FieldErrors }> {
    const groups = await this.ownMeasures(municipalityId, actor.id);
    const measures = groups.flatMap((g) => g.measures);
    const parsed = parseMeasureUpdates(values, measures, await this.plans.configuredWordings(municipalityId), this.clock().toISOString().slice(0, 10));
    if (!parsed.ok) return parsed;
    const by: Writer = { userId: user.id, name: `${user.name} (${actor.name})` };
    const planIds = groups.filter((g) => g.measures.some((m) => parsed.updates.some((u) => u.measureId === m.id))).map((g) => g.plan.id);
    // All of the representative's changes and the answered marks stand or fall together.
    await this.plans.transaction(async (trx) => {
      for (const u of parsed.updates) {
        if (u.status) await this.plans.changeStatus(municipalityId, u.measureId, { status_label: u.status.label, status_category: u.status.category, note: '' }, by, trx);
        const note = noteWithEvidence(u.note, u.evidenceUrl);
        if (note) await this.plans.addNote(municipalityId, u.measureId, { text: note, note_date: u.noteDate }, by, trx);
      }
      const openRounds = planIds.length
        ? await trx.selectFrom('rounds').select('id').where('municipality_id', '=', municipalityId).where('state', '=', 'open').where('plan_id', 'in', planIds).execute()
        : [];
      if (openRounds.length) {
        await trx.updateTable('round_participants').set({ answered_at: this.clock().toISOString() })
          .where('municipality_id', '=', municipalityId).where('actor_id', '=', actor.id).where('round_id', 'in', openRounds.map((r) => r.id))
          .execute();
      }
    });
    return { ok: true, count: parsed.updates.length };
  }
}
