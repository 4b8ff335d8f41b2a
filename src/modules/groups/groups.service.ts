// Working groups of a plan: the officer makes, edits and archives them and adds people as lead or member (an
// account invitation for people without one); residents ask to join on the public page, the group's lead
// accepts (the resident is invited and becomes a member) or declines, with mail both ways in the reader's
// language; the request's personal data is deleted a number of days after the decision, by a job.
// GroupService is the surface other parts of the module build on (the steering group is a group of kind
// 'steering'): get, list, members, isMember, isLead.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { AuthService } from '../../platform/auth/auth.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { isLang, type Lang } from '../../platform/i18n/i18n.js';
import type { JobContext, JobQueue } from '../../platform/jobs/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { Municipality } from '../../platform/tenancy.js';
import type { AccountService } from '../accounts/index.js';
import type { EventService } from '../participation/index.js';
import { allMeasures, type PlanService } from '../plan/index.js';
import { decisionMail, requestMail } from './groups.mail.js';
import { groupsPaths } from './groups.paths.js';
import * as repo from './groups.repository.js';
import type { DecisionInput, GroupInput, JoinRequestInput, MemberInput, TaskInput } from './groups.schema.js';

export type WorkingGroup = repo.GroupRow;
export type GroupMember = Awaited<ReturnType<typeof repo.listMembers>>[number];
export type JoinRequest = repo.RequestRow;
export type GroupTask = Awaited<ReturnType<typeof repo.listTasks>>[number];
/** A group's published meeting as its pages show it (read through the participation module's events; never the online link). */
export interface GroupMeeting {
  id: number;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  online: number;
  place_name: string;
  address: string;
  accessibility: string;
  state: string;
}
export type { GroupFilter } from './groups.repository.js';

export const JOB_REQUEST_MAIL = 'groups.request_mail';
export const JOB_DECISION_MAIL = 'groups.decision_mail';
export const JOB_DELETE_REQUESTS = 'groups.delete_requests';

/** Requests to join: per client and per address, in a window of an hour. */
export const JOIN_LIMITS = { perClient: 10, perAddress: 3, windowMinutes: 60 };

const DAY = 86_400_000;
const idPayload = z.object({ requestId: z.number().int() });
const deletePayload = z.object({ requestId: z.number().int().optional() });

/** The system's own writes (a job): no person, no personal data in the log. */
const SYSTEM: Writer = { userId: null, name: 'Teilhabe' };

export class GroupService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly auth: AuthService,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly accounts: AccountService,
    private readonly plans: PlanService,
    private readonly publicUrl: string,
    private readonly events: EventService,
  ) {}

  // ---- reading --------------------------------------------------------------------------------------------

  /** The group, or null when there is none with this id in the municipality. */
  async find(municipalityId: number, groupId: number): Promise<WorkingGroup | null> {
    return (await repo.findGroup(this.db, municipalityId, groupId)) ?? null;
  }

  /** The group; a group of another municipality or none at all is unknown (NotFoundError: 404). */
  async get(municipalityId: number, groupId: number): Promise<WorkingGroup> {
    const group = await this.find(municipalityId, groupId);
    if (!group) throw new NotFoundError('group');
    return group;
  }

  /** The municipality's groups (working and steering), by kind, then title. */
  list(municipalityId: number, filter: repo.GroupFilter = {}): Promise<WorkingGroup[]> {
    return repo.listGroups(this.db, municipalityId, filter);
  }

  /** The group's members (leads first), with their account's name and e-mail. */
  members(municipalityId: number, groupId: number): Promise<GroupMember[]> {
    return repo.listMembers(this.db, municipalityId, groupId);
  }

  async isMember(municipalityId: number, groupId: number, userId: number): Promise<boolean> {
    return !!(await repo.findMembership(this.db, municipalityId, groupId, userId));
  }

  async isLead(municipalityId: number, groupId: number, userId: number): Promise<boolean> {
    return (await repo.findMembership(this.db, municipalityId, groupId, userId))?.role === 'lead';
  }

  /** The groups a person belongs to here, with their role in each. */
  groupsOf(municipalityId: number, userId: number) {
    return repo.groupsOfUser(this.db, municipalityId, userId);
  }

  /** The active working groups anchored to a yearly priority. */
  async ofPriority(municipalityId: number, priorityId: number): Promise<WorkingGroup[]> {
    return repo.listGroups(this.db, municipalityId, { priorityId, state: 'active' });
  }

  /** The group's published meetings (working-group events), upcoming only when `upcoming`. */
  async meetings(municipalityId: number, groupId: number, upcoming = false): Promise<GroupMeeting[]> {
    const events = await this.events.list(municipalityId, { states: ['published'], groupId, when: upcoming ? 'upcoming' : undefined });
    return events.map((e) => ({
      id: e.id, title: e.title, description: e.description, starts_at: e.startsAt, ends_at: e.endsAt, online: e.online ? 1 : 0,
      place_name: e.placeName, address: e.address, accessibility: e.accessibility, state: e.state,
    }));
  }

  // ---- the officer: groups and members ------------------------------------------------------------------

  async create(municipalityId: number, planId: number, input: GroupInput, by: Writer, options: { kind?: 'working' | 'steering'; isDemo?: boolean } = {}): Promise<number> {
    await this.plans.getPlan(municipalityId, planId);
    const columns = await this.columns(municipalityId, planId, input);
    return this.audit.write(municipalityId, by, { action: 'group.create', entityType: 'working_group', after: { title: input.title } }, async ({ trx, now }) =>
      repo.insertGroup(trx, municipalityId, planId, options.kind ?? 'working', columns, options.isDemo ?? false, now));
  }

  async update(municipalityId: number, groupId: number, input: GroupInput, by: Writer): Promise<void> {
    const group = await this.get(municipalityId, groupId);
    const columns = await this.columns(municipalityId, group.plan_id, input);
    await this.audit.write(municipalityId, by, { action: 'group.update', entityType: 'working_group', entityId: groupId, before: { title: group.title }, after: { title: input.title } }, async ({ trx, now }) =>
      repo.updateGroup(trx, municipalityId, groupId, columns, now));
  }

  /** Archives a group (or makes it active again): archived groups leave the public pages, their data stays. */
  async setArchived(municipalityId: number, groupId: number, archived: boolean, by: Writer): Promise<void> {
    await this.get(municipalityId, groupId);
    const state = archived ? 'archived' : 'active';
    await this.audit.write(municipalityId, by, { action: archived ? 'group.archive' : 'group.restore', entityType: 'working_group', entityId: groupId }, async ({ trx, now }) =>
      repo.updateGroup(trx, municipalityId, groupId, { state }, now));
  }

  /** Anchors must belong to the group's plan: a field, a guiding goal or a yearly priority. */
  private async columns(municipalityId: number, planId: number, input: GroupInput): Promise<repo.GroupColumns> {
    const [kind, idText] = input.anchor ? input.anchor.split(':') : ['', ''];
    const id = Number(idText);
    const anchors = await this.anchors(municipalityId, planId);
    const ok = kind === '' || (kind === 'field' && anchors.fields.some((f) => f.id === id)) || (kind === 'goal' && anchors.guidingGoals.some((g) => g.id === id));
    const priorityOk = kind === 'priority' && (await this.prioritiesOf(municipalityId, planId)).some((p) => p.id === id);
    if (!ok && !priorityOk) throw new InvalidInputError({ anchor: 'errors.choiceInvalid' });
    return {
      title: input.title, purpose: input.purpose, contact_name: input.contact_name, contact_email: input.contact_email, how_to_join: input.how_to_join,
      field_id: kind === 'field' ? id : null, guiding_goal_id: kind === 'goal' ? id : null, priority_id: kind === 'priority' ? id : null,
      join_open: input.join_open ? 1 : 0,
    };
  }

  /** The plan's fields of action and guiding goals a group may be anchored to. */
  async anchors(municipalityId: number, planId: number) {
    const tree = await this.plans.tree(municipalityId, planId);
    return {
      fields: tree.fields.map((f) => ({ id: f.id, title: f.title })),
      guidingGoals: tree.guidingGoals.map((g) => ({ id: g.id, text: g.text })),
    };
  }

  /** Yearly priorities of the plan; filled in by the module's manifest from the monitoring module. */
  prioritiesOf: (municipalityId: number, planId: number) => Promise<Array<{ id: number; year: number; title: string }>> = () => Promise.resolve([]);

  /**
   * Adds a person by e-mail as lead or member: a person without an account gets one and an invitation to
   * choose a password; their role in the municipality becomes group_lead or group_member unless it is higher.
   */
  async addMember(m: Municipality, groupId: number, input: MemberInput, by: Writer, lang: Lang): Promise<{ link: string | null; kind: 'invite' | 'join' | 'member' }> {
    await this.get(m.id, groupId);
    return this.audit.write(m.id, by, { action: 'group.member_add', entityType: 'working_group', entityId: groupId, after: { email: input.email, role: input.role } }, async ({ trx, now }) => {
      const invited = await this.accounts.inviteForGroup(m, { name: input.name, email: input.email, role: input.role === 'lead' ? 'group_lead' : 'group_member' }, by, lang, trx);
      const existing = await repo.findMembership(trx, m.id, groupId, invited.userId);
      if (existing) {
        if (existing.role === input.role) throw new InvalidInputError({ email: 'groups.groups.errors.alreadyInGroup' });
        await repo.updateMemberRole(trx, m.id, existing.id, input.role);
      } else {
        await repo.insertMember(trx, m.id, groupId, invited.userId, input.role, input.name, now);
      }
      return { link: invited.link, kind: invited.kind };
    });
  }

  /** Adds a person who has an account and a membership already (the demo data): no invitation. */
  async addExistingMember(municipalityId: number, groupId: number, userId: number, role: 'lead' | 'member', displayName: string, by: Writer): Promise<number> {
    await this.get(municipalityId, groupId);
    return this.audit.write(municipalityId, by, { action: 'group.member_add', entityType: 'working_group', entityId: groupId, after: { userId, role } }, async ({ trx, now }) =>
      repo.insertMember(trx, municipalityId, groupId, userId, role, displayName, now));
  }

  /** A published meeting of a group in the demo data. */
  async addDemoMeeting(municipalityId: number, groupId: number, values: { title: string; description: string; starts_at: string; ends_at: string; place_name: string; address: string; accessibility: string }, by: Writer): Promise<number> {
    const group = await this.get(municipalityId, groupId);
    return this.audit.write(municipalityId, by, { action: 'group.meeting_demo', entityType: 'working_group', entityId: groupId }, async ({ trx, now }) =>
      repo.insertDemoMeeting(trx, municipalityId, group.plan_id, groupId, values, now));
  }

  async removeMember(municipalityId: number, groupId: number, memberId: number, by: Writer): Promise<void> {
    const member = await repo.findMember(this.db, municipalityId, memberId);
    if (!member || member.group_id !== groupId) throw new NotFoundError('member');
    await this.audit.write(municipalityId, by, { action: 'group.member_remove', entityType: 'working_group', entityId: groupId, before: { userId: member.user_id, role: member.role } }, async ({ trx }) =>
      repo.deleteMember(trx, municipalityId, memberId));
  }

  // ---- requests to join ----------------------------------------------------------------------------------

  /** Counts a request per client and address; false when over the limit. */
  async allowRequest(client: string, email: string): Promise<boolean> {
    const byClient = await this.auth.hitRateLimit(`group-join:client:${client}`, JOIN_LIMITS.perClient, JOIN_LIMITS.windowMinutes);
    const byAddress = await this.auth.hitRateLimit(`group-join:addr:${email.trim().toLowerCase()}`, JOIN_LIMITS.perAddress, JOIN_LIMITS.windowMinutes);
    return byClient && byAddress;
  }

  /** A resident asks to join an active, open working group; the leads (or the contact) get a mail. */
  async requestToJoin(municipalityId: number, groupId: number, input: JoinRequestInput, lang: Lang): Promise<number> {
    const group = await this.get(municipalityId, groupId);
    if (group.state !== 'active' || group.kind !== 'working' || !group.join_open) throw new NotFoundError('group open to join');
    // No personal data in the audit log: it outlives the request.
    return this.audit.write(municipalityId, { userId: null, name: 'Teilhabe' }, { action: 'group.request', entityType: 'working_group', entityId: groupId }, async ({ trx, now }) => {
      const id = await repo.insertRequest(trx, municipalityId, groupId, { name: input.name, email: input.email, motivation: input.motivation, lang }, now);
      if (this.mailer.configured) await this.jobs.enqueue(trx, { kind: JOB_REQUEST_MAIL, municipalityId, payload: { requestId: id } });
      return id;
    });
  }

  requests(municipalityId: number, groupId: number): Promise<JoinRequest[]> {
    return repo.listRequests(this.db, municipalityId, groupId);
  }

  async request(municipalityId: number, groupId: number, requestId: number): Promise<JoinRequest> {
    const r = await repo.findRequest(this.db, municipalityId, requestId);
    if (!r || r.group_id !== groupId) throw new NotFoundError('request');
    return r;
  }

  /**
   * The lead (or officer) decides a pending request. Accepting invites the resident (an account invitation)
   * and makes them a member. The resident gets a mail in their language; the personal data is deleted a
   * number of days after the decision.
   */
  async decide(m: Municipality, groupId: number, requestId: number, input: DecisionInput, by: Writer): Promise<'accepted' | 'declined'> {
    const request = await this.request(m.id, groupId, requestId);
    if (request.state !== 'pending') throw new InvalidInputError({ decision: 'groups.groups.errors.decided' });
    const state = input.decision === 'accept' ? 'accepted' : 'declined';
    const retention = await this.retentionDays(m.id);
    await this.audit.write(m.id, by, { action: `group.request_${state}`, entityType: 'working_group', entityId: groupId }, async ({ trx, now }) => {
      if (!(await repo.decideRequest(trx, m.id, requestId, { state, decided_at: now, decided_by_name: by.name, decision_note: input.note }))) {
        throw new InvalidInputError({ decision: 'groups.groups.errors.decided' });
      }
      if (state === 'accepted') {
        const lang: Lang = isLang(request.lang) ? request.lang : 'de';
        const invited = await this.accounts.inviteForGroup(m, { name: request.name, email: request.email, role: 'group_member' }, by, lang, trx);
        if (!(await repo.findMembership(trx, m.id, groupId, invited.userId))) await repo.insertMember(trx, m.id, groupId, invited.userId, 'member', request.name, now);
      }
      if (this.mailer.configured) await this.jobs.enqueue(trx, { kind: JOB_DECISION_MAIL, municipalityId: m.id, payload: { requestId } });
      await this.jobs.enqueue(trx, { kind: JOB_DELETE_REQUESTS, municipalityId: m.id, payload: { requestId }, runAt: new Date(Date.parse(now) + retention * DAY) });
    });
    return state;
  }

  /** How many days a decided request is kept: the municipality's retention of participants' personal data. */
  async retentionDays(municipalityId: number): Promise<number> {
    return (await repo.municipalityFacts(this.db, municipalityId))?.registration_retention_days ?? 30;
  }

  /** Deletes the municipality's requests decided more than the retention days before `now`. */
  async deleteExpiredRequests(municipalityId: number, now: Date = this.clock()): Promise<number> {
    const before = new Date(now.getTime() - (await this.retentionDays(municipalityId)) * DAY).toISOString();
    return this.audit.write(municipalityId, SYSTEM, (n: number) => ({ action: 'group.requests_deleted', entityType: 'working_group', after: { count: n }, at: now.toISOString() }), async ({ trx }) =>
      repo.deleteDecidedRequestsBefore(trx, municipalityId, before));
  }

  // ---- tasks ---------------------------------------------------------------------------------------------

  tasks(municipalityId: number, groupId: number): Promise<GroupTask[]> {
    return repo.listTasks(this.db, municipalityId, groupId);
  }

  /** The measures of the group's plan a task may be linked to. */
  async measuresOf(municipalityId: number, planId: number) {
    return allMeasures(await this.plans.tree(municipalityId, planId));
  }

  private async checkMeasure(municipalityId: number, planId: number, measureId: number | null): Promise<void> {
    if (measureId === null) return;
    if (!(await this.measuresOf(municipalityId, planId)).some((m) => m.id === measureId)) throw new InvalidInputError({ measure_id: 'errors.choiceInvalid' });
  }

  async addTask(municipalityId: number, groupId: number, input: TaskInput, by: Writer): Promise<number> {
    const group = await this.get(municipalityId, groupId);
    await this.checkMeasure(municipalityId, group.plan_id, input.measure_id);
    return this.audit.write(municipalityId, by, { action: 'group.task_add', entityType: 'working_group', entityId: groupId, after: { title: input.title } }, async ({ trx, now }) =>
      repo.insertTask(trx, municipalityId, groupId, { title: input.title, measure_id: input.measure_id, due_on: input.due_on }, now));
  }

  async setTaskState(municipalityId: number, groupId: number, taskId: number, state: 'open' | 'done', by: Writer): Promise<void> {
    const task = await repo.findTask(this.db, municipalityId, taskId);
    if (!task || task.group_id !== groupId) throw new NotFoundError('task');
    await this.audit.write(municipalityId, by, { action: 'group.task_state', entityType: 'working_group', entityId: groupId, after: { task: task.title, state } }, async ({ trx }) =>
      repo.updateTask(trx, municipalityId, taskId, { state }));
  }

  async deleteTask(municipalityId: number, groupId: number, taskId: number, by: Writer): Promise<void> {
    const task = await repo.findTask(this.db, municipalityId, taskId);
    if (!task || task.group_id !== groupId) throw new NotFoundError('task');
    await this.audit.write(municipalityId, by, { action: 'group.task_delete', entityType: 'working_group', entityId: groupId, before: { task: task.title } }, async ({ trx }) =>
      repo.deleteTask(trx, municipalityId, taskId));
  }

  // ---- jobs ----------------------------------------------------------------------------------------------

  jobHandlers() {
    return {
      [JOB_REQUEST_MAIL]: { run: (job: JobContext) => this.mailRequest(job) },
      [JOB_DECISION_MAIL]: { run: (job: JobContext) => this.mailDecision(job) },
      [JOB_DELETE_REQUESTS]: { run: (job: JobContext) => this.runDeletion(job) },
    };
  }

  /** To the group's leads (else its contact): a new request to decide. */
  private async mailRequest(job: JobContext): Promise<void> {
    const mid = job.municipalityId;
    if (mid === null) return;
    const { requestId } = idPayload.parse(job.payload);
    const request = await repo.findRequest(this.db, mid, requestId);
    if (!request || request.state !== 'pending') return;
    const group = await this.get(mid, request.group_id);
    const leads = (await this.members(mid, group.id)).filter((x) => x.role === 'lead' && x.email);
    const to = leads.length ? leads.map((x) => x.email!) : group.contact_email ? [group.contact_email] : [];
    const slug = await this.slugOf(mid);
    for (const address of to) {
      await this.mailer.send(await requestMail(address, { lang: 'de', group: group.title, url: this.url(groupsPaths.adminRequests(slug, group.id)) }));
    }
  }

  /** To the resident, in their language: accepted (an invitation follows) or declined, with the note. */
  private async mailDecision(job: JobContext): Promise<void> {
    const mid = job.municipalityId;
    if (mid === null) return;
    const { requestId } = idPayload.parse(job.payload);
    const request = await repo.findRequest(this.db, mid, requestId);
    if (!request || request.state === 'pending') return;
    const group = await this.get(mid, request.group_id);
    const lang: Lang = isLang(request.lang) ? request.lang : 'de';
    await this.mailer.send(await decisionMail(request.email, { lang, name: request.name, group: group.title, accepted: request.state === 'accepted', note: request.decision_note }));
  }

  /** Deletes the requests whose time is up; a request not yet due (the retention grew) is looked at again later. */
  private async runDeletion(job: JobContext): Promise<void> {
    const mid = job.municipalityId;
    if (mid === null) return;
    const { requestId } = deletePayload.parse(job.payload);
    await this.deleteExpiredRequests(mid, job.now);
    if (requestId === undefined) return;
    const left = await repo.findRequest(this.db, mid, requestId);
    if (left && left.decided_at) {
      const due = Date.parse(left.decided_at) + (await this.retentionDays(mid)) * DAY;
      await this.jobs.enqueue(this.db, { kind: JOB_DELETE_REQUESTS, municipalityId: mid, payload: { requestId }, runAt: new Date(Math.max(due, job.now.getTime() + 60_000)) });
    }
  }

  private async slugOf(municipalityId: number): Promise<string> {
    return (await repo.municipalityFacts(this.db, municipalityId))?.slug ?? '';
  }

  private url(path: string): string {
    return `${this.publicUrl.replace(/\/$/, '')}${path}`;
  }
}
