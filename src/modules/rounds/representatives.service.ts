// Writer representatives: people who sign in and may change the status and notes of the measures their actor
// leads, and nothing else (role actor_rep, a membership with actor_id). Their changes go straight into the
// plan through PlanService, with their name and their actor as author.
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { AuthService, CurrentUser } from '../../platform/auth/auth.service.js';
import { generatePassword } from '../../platform/auth/password.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import type { FieldErrors, FormValues } from '../../platform/views/page.js';
import type { PlanService } from '../plan/index.js';
import * as repo from './rounds.repository.js';
import { parseMeasureUpdates, type RepresentativeInput } from './rounds.schema.js';
import { noteWithEvidence } from './rounds.service.js';

export class RepresentativeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly auth: AuthService,
    private readonly plans: PlanService,
  ) {}

  list(municipalityId: number) {
    return repo.listRepresentatives(this.db, municipalityId);
  }

  /**
   * Adds a representative, account and membership in one transaction: both or neither. A new account gets
   * a one-time password, returned once.
   */
  async add(municipalityId: number, input: RepresentativeInput, by: Writer): Promise<{ password: string | null }> {
    const actor = await repo.findActor(this.db, municipalityId, input.actor_id);
    if (!actor) throw new InvalidInputError({ actor_id: 'errors.choiceInvalid' });
    const added = await this.audit.write(
      municipalityId, by,
      (r: { userId: number }) => ({ action: 'member.add', entityType: 'user', entityId: r.userId, after: { email: input.email, role: repo.ACTOR_REP, actor: actor.name } }),
      async ({ trx, now }) => {
        let userId = (await this.auth.findUserByEmail(input.email, trx))?.id;
        if (userId !== undefined && (await this.auth.membershipOf(municipalityId, userId, trx))) throw new InvalidInputError({ email: 'errors.alreadyMember' });
        let password: string | null = null;
        if (userId === undefined) {
          password = generatePassword();
          userId = await this.auth.createUser({ email: input.email, name: input.name, password }, trx);
        }
        await repo.insertRepresentative(trx, municipalityId, userId, actor.id, now);
        return { userId, password };
      },
    );
    return { password: added.password };
  }

  async remove(municipalityId: number, userId: number, by: Writer): Promise<void> {
    await this.audit.write(municipalityId, by, { action: 'member.remove', entityType: 'user', entityId: userId, after: { role: repo.ACTOR_REP } }, async ({ trx }) => {
      if (!(await repo.deleteRepresentative(trx, municipalityId, userId))) throw new NotFoundError('representative');
    });
  }

  /** The actor a signed-in person represents here, or null. */
  async actorOf(municipalityId: number, userId: number) {
    return (await repo.representedActor(this.db, municipalityId, userId)) ?? null;
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
    const parsed = parseMeasureUpdates(values, measures, await this.plans.configuredWordings(municipalityId), this.audit.now().slice(0, 10));
    if (!parsed.ok) return parsed;
    const by: Writer = { userId: user.id, name: `${user.name} (${actor.name})`, publicName: actor.name };
    const planIds = groups.filter((g) => g.measures.some((m) => parsed.updates.some((u) => u.measureId === m.id))).map((g) => g.plan.id);
    // All of the representative's changes and the answered marks stand or fall together.
    await this.audit.transaction(municipalityId, async ({ trx, now }) => {
      for (const u of parsed.updates) {
        if (u.status) await this.plans.changeStatus(municipalityId, u.measureId, { status_label: u.status.label, status_category: u.status.category, note: '' }, by, trx);
        const note = noteWithEvidence(u.note, u.evidenceUrl);
        if (note) await this.plans.addNote(municipalityId, u.measureId, { text: note, note_date: u.noteDate }, by, trx);
      }
      await repo.markActorAnswered(trx, municipalityId, actor.id, await repo.openRoundsOfPlans(trx, municipalityId, planIds), now);
    });
    return { ok: true, count: parsed.updates.length };
  }
}
