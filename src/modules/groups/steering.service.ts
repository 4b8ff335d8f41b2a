// Use cases of the steering group: one per plan, its members each holding a seat (a stakeholder group) and
// saying whom they represent. A person is added by e-mail: a new address gets an invitation (accounts module),
// a member of the municipality becomes steering_member unless their role already reads drafts.
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { AuthService } from '../../platform/auth/auth.service.js';
import { can } from '../../platform/auth/permissions.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { Municipality } from '../../platform/tenancy.js';
import type { AccountService } from '../accounts/index.js';
import type { PlanService } from '../plan/index.js';
import * as repo from './steering.repository.js';
import type { MemberInput } from './steering.schema.js';

export type { SteeringGroup, SteeringMember } from './steering.repository.js';

/** Who is asking: the signed-in person and their role here. */
export interface Viewer {
  userId: number;
  name: string;
  role: string | null;
  isInstanceAdmin: boolean;
}

/** Roles that keep theirs when the person takes a seat: they already read drafts (and more). */
const KEEPS_ROLE = ['admin', 'editor', 'steering_member'];

export class SteeringService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly auth: AuthService,
    private readonly accounts: AccountService,
    private readonly plans: PlanService,
  ) {}

  list(municipalityId: number) {
    return repo.listGroups(this.db, municipalityId);
  }

  async groupOfPlan(municipalityId: number, planId: number) {
    return (await repo.findGroupOfPlan(this.db, municipalityId, planId)) ?? null;
  }

  async get(municipalityId: number, groupId: number) {
    const group = await repo.findGroup(this.db, municipalityId, groupId);
    if (!group) throw new NotFoundError('steering group');
    return group;
  }

  members(municipalityId: number, groupId: number) {
    return repo.listMembers(this.db, municipalityId, groupId);
  }

  async member(municipalityId: number, groupId: number, memberId: number) {
    const m = await repo.findMember(this.db, municipalityId, groupId, memberId);
    if (!m) throw new NotFoundError('steering member');
    return m;
  }

  /** The viewer's seat in the plan's steering group, or null. */
  async seatOf(municipalityId: number, planId: number, userId: number) {
    return (await repo.memberOfPlan(this.db, municipalityId, planId, userId)) ?? null;
  }

  plansOf(municipalityId: number, userId: number) {
    return repo.plansOfMember(this.db, municipalityId, userId);
  }

  /** The officer, or a member of the plan's steering group: who may read the plan's review. */
  async mayReview(municipalityId: number, planId: number, viewer: Viewer): Promise<boolean> {
    if (can(viewer.role, viewer.isInstanceAdmin, 'groups.manage')) return true;
    if (!can(viewer.role, viewer.isInstanceAdmin, 'plan.read_drafts')) return false;
    return (await this.seatOf(municipalityId, planId, viewer.userId)) !== null;
  }

  async create(municipalityId: number, planId: number, by: Writer, options: { title?: string; isDemo?: boolean } = {}): Promise<number> {
    const plan = await this.plans.getPlan(municipalityId, planId);
    return this.audit.write(municipalityId, by, (id: number) => ({ action: 'steering.create', entityType: 'working_group', entityId: id, after: { plan: plan.id } }), async ({ trx, now }) => {
      if (await repo.findGroupOfPlan(trx, municipalityId, plan.id)) throw new InvalidInputError({ plan_id: 'groups.steering.errors.exists' });
      return repo.insertGroup(trx, { municipalityId, planId: plan.id, title: options.title ?? `Lenkungsgruppe ${plan.title}`, purpose: '', isDemo: options.isDemo ?? false, now });
    });
  }

  /**
   * Adds a person to a seat. A new address is invited (their account and membership as steering_member, a link
   * to choose a password); an account elsewhere is asked to join; a member here takes the seat at once, and
   * becomes steering_member unless their role already reads drafts.
   */
  async addMember(m: Municipality, groupId: number, input: MemberInput, by: Writer, lang: Lang): Promise<{ memberId: number; link: string | null; kind: 'member' | 'invite' | 'join' }> {
    const group = await this.get(m.id, groupId);
    return this.audit.write(
      m.id, by,
      (r: { memberId: number }) => ({ action: 'steering.member_add', entityType: 'group_member', entityId: r.memberId, after: { group: group.id, email: input.email, seat: input.seat, represents: input.represents } }),
      async ({ trx, now }) => {
        const existing = await this.auth.findUserByEmail(input.email, trx);
        const membership = existing ? await this.auth.membershipOf(m.id, existing.id, trx) : undefined;
        let userId: number;
        let link: string | null = null;
        let kind: 'member' | 'invite' | 'join' = 'member';
        // A member who never chose a password is invited again, as the accounts module does.
        if (existing && membership && existing.password_hash !== null) {
          userId = existing.id;
          if (!KEEPS_ROLE.includes(membership.role)) await repo.setMembershipRole(trx, m.id, userId, 'steering_member');
        } else if (existing && membership && KEEPS_ROLE.includes(membership.role) && membership.role !== 'steering_member') {
          userId = existing.id;
        } else {
          const invited = await this.accounts.invite(m, { name: input.name, email: input.email, role: 'steering_member' }, by, lang, trx);
          userId = invited.userId;
          link = invited.link;
          kind = invited.kind;
        }
        if (await repo.memberOfPlan(trx, m.id, group.plan_id, userId)) throw new InvalidInputError({ email: 'groups.steering.errors.alreadySeated' });
        const memberId = await repo.insertMember(trx, {
          municipalityId: m.id, groupId: group.id, userId, name: input.name, seat: input.seat, represents: input.represents,
          position: await repo.nextPosition(trx, m.id, group.id), now,
        });
        return { memberId, link, kind };
      },
    );
  }

  /**
   * Seats a person without inviting them (demo data): an account without a password (it cannot sign in until a
   * password is set) and a membership as steering_member. Returns the account's id.
   */
  async seatWithoutInvitation(municipalityId: number, groupId: number, input: MemberInput, by: Writer): Promise<number> {
    const group = await this.get(municipalityId, groupId);
    return this.audit.write(municipalityId, by, (userId: number) => ({ action: 'steering.member_add', entityType: 'user', entityId: userId, after: { group: group.id, email: input.email, seat: input.seat } }), async ({ trx, now }) => {
      const existing = await this.auth.findUserByEmail(input.email, trx);
      const userId = existing?.id ?? (await this.auth.createUser({ email: input.email, name: input.name }, trx));
      const membership = await this.auth.membershipOf(municipalityId, userId, trx);
      if (!membership) await this.auth.addMembership(municipalityId, userId, 'steering_member', trx);
      else if (!KEEPS_ROLE.includes(membership.role)) await repo.setMembershipRole(trx, municipalityId, userId, 'steering_member');
      await repo.insertMember(trx, { municipalityId, groupId: group.id, userId, name: input.name, seat: input.seat, represents: input.represents, position: await repo.nextPosition(trx, municipalityId, group.id), now });
      return userId;
    });
  }

  /**
   * Removes a member from their seat. A steering_member with no seat left no longer reads drafts: they keep a
   * working group's role if they are in one, else their membership here ends (the account stays).
   */
  async removeMember(municipalityId: number, groupId: number, memberId: number, by: Writer): Promise<void> {
    const member = await this.member(municipalityId, groupId, memberId);
    await this.audit.write(municipalityId, by, { action: 'steering.member_remove', entityType: 'group_member', entityId: memberId, before: { group: groupId, name: member.display_name, seat: member.seat } }, async ({ trx }) => {
      await repo.deleteMember(trx, municipalityId, groupId, memberId);
      if (member.user_id === null) return;
      const membership = await this.auth.membershipOf(municipalityId, member.user_id, trx);
      if (membership?.role !== 'steering_member') return;
      const ties = await repo.groupTies(trx, municipalityId, member.user_id);
      if (ties.steering > 0) return;
      if (ties.lead > 0) await repo.setMembershipRole(trx, municipalityId, member.user_id, 'group_lead');
      else if (ties.member > 0) await repo.setMembershipRole(trx, municipalityId, member.user_id, 'group_member');
      else await repo.deleteMembership(trx, municipalityId, member.user_id);
    });
  }
}
