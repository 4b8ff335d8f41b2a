// Accounts without IT help: an admin invites a person by mail (they choose their own password), an existing
// account is invited to join (never attached silently), everyone changes their password or resets a forgotten
// one by a single-use link, and an admin changes a person's role or removes them, never the last admin.
// A link's token exists only in the mail (or on the inviting admin's screen when no SMTP is configured); the
// database keeps its SHA-256. Mail goes out through the job queue, so no request waits on the mail server.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites, Trx } from '../../platform/audit/audited.js';
import type { Role } from '../../platform/auth/permissions.js';
import type { AuthService, CurrentUser } from '../../platform/auth/auth.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { isLang, type Lang } from '../../platform/i18n/i18n.js';
import type { JobContext, JobQueue } from '../../platform/jobs/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { Municipality } from '../../platform/tenancy.js';
import { accountMail } from './accounts.mail.js';
import { accountsPaths } from './accounts.paths.js';
import type { InviteInput } from './accounts.schema.js';
import * as repo from './accounts.repository.js';
import type { TokenPurpose } from './accounts.repository.js';

export const JOB_ACCOUNT_MAIL = 'accounts.mail';
export const JOB_RESET_MAIL = 'accounts.reset';

/** How long a link lives. */
export const TOKEN_HOURS: Record<TokenPurpose, number> = { invite: 7 * 24, join: 7 * 24, reset: 1 };
/** Reset requests: per address and per client, in a window of an hour. */
export const RESET_LIMITS = { perAddress: 3, perClient: 10, windowMinutes: 60 };

/** The page a link of this purpose opens. */
const linkPath = (purpose: TokenPurpose, token: string) => (purpose === 'join' ? accountsPaths.join(token) : accountsPaths.setPassword(token));
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

const mailPayload = z.object({
  purpose: z.enum(['invite', 'join']),
  userId: z.number().int(),
  role: z.string(),
  lang: z.string(),
  inviter: z.string(),
});
const resetPayload = z.object({ email: z.string(), lang: z.string() });

export interface InviteResult {
  /** 'invite': a new account that chooses its password; 'join': an existing account asked to join. */
  kind: 'invite' | 'join';
  /** The link to hand over, only when no SMTP is configured (else it goes by mail, and nowhere else). */
  link: string | null;
}

export type TokenView = NonNullable<Awaited<ReturnType<typeof repo.findLiveToken>>>;

export class AccountService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly auth: AuthService,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly publicUrl: string,
  ) {}

  get mailConfigured(): boolean {
    return this.mailer.configured;
  }

  // ---- invitations -------------------------------------------------------------------------------------

  /**
   * Invites a person into the municipality. A new address gets an account without a password and the
   * membership, and a link to choose the password; an address with an account elsewhere gets a link to join,
   * and becomes a member only when they accept it. Other modules invite in their own roles (the steering group:
   * steering_member), inside their own write (`outer`).
   */
  async invite(m: Municipality, input: InviteInput | { name: string; email: string; role: Role }, by: Writer, lang: Lang, outer?: Trx): Promise<InviteResult & { userId: number }> {
    return this.audit.write(
      m.id, by,
      (r: InviteResult & { userId: number }) => ({ action: r.kind === 'join' ? 'member.invite_join' : 'member.invite', entityType: 'user', entityId: r.userId, after: { email: input.email, role: input.role } }),
      async ({ trx }) => {
        const existing = await this.auth.findUserByEmail(input.email, trx);
        const membership = existing ? await this.auth.membershipOf(m.id, existing.id, trx) : undefined;
        // A member who never chose a password is invited again (a lost or expired invitation), in the new role.
        const again = !!existing && !!membership && existing.password_hash === null;
        if (membership && !again) throw new InvalidInputError({ email: 'errors.alreadyMember' });
        const kind = existing && !again ? 'join' : 'invite';
        const userId = existing ? existing.id : await this.auth.createUser({ email: input.email, name: input.name }, trx);
        if (!existing) await this.auth.addMembership(m.id, userId, input.role, trx);
        if (again) await repo.updateRole(trx, m.id, userId, input.role);
        if (this.mailer.configured) {
          await this.jobs.enqueue(trx, { kind: JOB_ACCOUNT_MAIL, municipalityId: m.id, payload: { purpose: kind, userId, role: input.role, lang, inviter: by.name } });
          return { kind, userId, link: null };
        }
        const token = await this.issue(trx, userId, m.id, kind, kind === 'join' ? input.role : null);
        return { kind, userId, link: this.url(linkPath(kind, token)) };
      },
      outer,
    );
  }

  /**
   * Makes a person a member for a working group (role group_lead or group_member), inside the caller's write
   * when given: a new address gets an account and an invitation to choose a password, an account elsewhere a
   * link to join; a member keeps a higher role (a group member made lead becomes group_lead).
   */
  async inviteForGroup(m: Municipality, input: { name: string; email: string; role: 'group_lead' | 'group_member' }, by: Writer, lang: Lang, outer?: Trx): Promise<{ userId: number; kind: 'invite' | 'join' | 'member'; link: string | null }> {
    return this.audit.write(
      m.id, by,
      (r: { userId: number; kind: string }) => ({ action: r.kind === 'join' ? 'member.invite_join' : r.kind === 'invite' ? 'member.invite' : 'member.group_role', entityType: 'user', entityId: r.userId, after: { email: input.email, role: input.role } }),
      async ({ trx }) => {
        const existing = await this.auth.findUserByEmail(input.email, trx);
        const membership = existing ? await this.auth.membershipOf(m.id, existing.id, trx) : undefined;
        if (existing && membership) {
          if (membership.role === 'group_member' && input.role === 'group_lead') await repo.updateRole(trx, m.id, existing.id, 'group_lead');
          return { userId: existing.id, kind: 'member' as const, link: null };
        }
        const kind = existing ? 'join' as const : 'invite' as const;
        const userId = existing ? existing.id : await this.auth.createUser({ email: input.email, name: input.name }, trx);
        if (!existing) await this.auth.addMembership(m.id, userId, input.role, trx);
        if (this.mailer.configured) {
          await this.jobs.enqueue(trx, { kind: JOB_ACCOUNT_MAIL, municipalityId: m.id, payload: { purpose: kind, userId, role: input.role, lang, inviter: by.name } });
          return { userId, kind, link: null };
        }
        const token = await this.issue(trx, userId, m.id, kind, kind === 'join' ? input.role : null);
        return { userId, kind, link: this.url(linkPath(kind, token)) };
      },
      outer,
    );
  }

  /** The mail job of an invitation: a fresh link, made now and sent at once; nothing when it is moot. */
  private async mailInvitation(job: JobContext): Promise<void> {
    const p = mailPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null) return;
    const user = await repo.findUser(this.db, p.userId);
    const municipality = await repo.findMunicipalityName(this.db, mid);
    if (!user || !municipality) return;
    const member = await this.auth.membershipOf(mid, user.id);
    // An invitation already accepted, or a person removed meanwhile, gets no mail.
    if (p.purpose === 'invite' && (user.password_hash !== null || !member)) return;
    if (p.purpose === 'join' && member) return;
    const token = await this.issue(this.db, user.id, mid, p.purpose, p.purpose === 'join' ? p.role : null);
    const lang = isLang(p.lang) ? p.lang : 'de';
    await this.send(token, accountMail(user.email, {
      purpose: p.purpose, lang, name: user.name, inviter: p.inviter, municipality: municipality.name,
      role: p.role, url: this.url(linkPath(p.purpose, token), lang), hours: TOKEN_HOURS[p.purpose],
    }));
  }

  /** Existing accounts whose invitation to join is still open. */
  openJoins(municipalityId: number) {
    return repo.listOpenJoins(this.db, municipalityId, this.clock().toISOString());
  }

  listMembers(municipalityId: number) {
    return repo.listMembers(this.db, municipalityId);
  }

  /** Accepts a join invitation for the signed-in person it was sent to: only now the membership is made. */
  async acceptJoin(token: string, user: CurrentUser): Promise<{ slug: string; name: string } | 'dead' | 'otherAccount'> {
    const t = await this.liveToken(token, ['join']);
    if (!t || t.municipality_id === null || !t.municipality_slug) return 'dead';
    if (t.user_id !== user.id) return 'otherAccount';
    const mid = t.municipality_id;
    const role = t.role === 'admin' || t.role === 'group_lead' || t.role === 'group_member' ? t.role : 'editor';
    const done = await this.audit.write(mid, { userId: user.id, name: user.name }, { action: 'member.join', entityType: 'user', entityId: user.id, after: { email: user.email, role } }, async ({ trx, now }) => {
      if (!(await repo.useToken(trx, t.id, now))) return false;
      if (!(await this.auth.membershipOf(mid, user.id, trx))) await this.auth.addMembership(mid, user.id, role, trx);
      await repo.deleteMunicipalityTokens(trx, mid, user.id);
      return true;
    });
    return done ? { slug: t.municipality_slug, name: t.municipality_name ?? '' } : 'dead';
  }

  // ---- passwords ---------------------------------------------------------------------------------------

  /** A live token of one of these purposes, or null (unknown, used or expired: one answer for all). */
  async liveToken(token: string, purposes: TokenPurpose[]): Promise<TokenView | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const t = await repo.findLiveToken(this.db, sha256(token), this.clock().toISOString());
    return t && purposes.includes(t.purpose) ? t : null;
  }

  /**
   * Sets the password through an invitation or reset link and uses the link up. Every session of the person
   * ends (whoever had the old password is out). Returns false when the link is dead.
   */
  async setPasswordWithToken(token: string, password: string): Promise<boolean> {
    const t = await this.liveToken(token, ['invite', 'reset']);
    if (!t) return false;
    const action = t.purpose === 'invite' ? 'account.invite_accepted' : 'account.password_reset';
    return this.audit.write(t.municipality_id, { userId: t.user_id, name: t.name }, { action, entityType: 'user', entityId: t.user_id }, async ({ trx, now }) => {
      if (!(await repo.useToken(trx, t.id, now))) return false;
      await repo.retireTokens(trx, t.user_id, t.purpose, now);
      await this.auth.setPassword(t.user_id, password, {}, trx);
      return true;
    });
  }

  /** Changes one's own password: the current one first; other sessions end, this one stays. */
  async changePassword(user: CurrentUser, current: string, password: string, sessionToken: string | undefined): Promise<void> {
    if (!(await this.auth.checkPassword(user.id, current))) throw new InvalidInputError({ current_password: 'accounts.errors.currentWrong' });
    if (current === password) throw new InvalidInputError({ password: 'accounts.errors.sameAsBefore' });
    await this.audit.write(null, { userId: user.id, name: user.name }, { action: 'account.password_change', entityType: 'user', entityId: user.id }, async ({ trx, now }) => {
      await this.auth.setPassword(user.id, password, { keepSessionToken: sessionToken }, trx);
      await repo.retireTokens(trx, user.id, 'reset', now);
    });
  }

  /**
   * "Forgot password": counts the request per address and per client, then queues the mail job whether or
   * not the address has an account. The request does the same work either way; the job finds out.
   */
  async requestReset(email: string, client: string, lang: Lang): Promise<'queued' | 'limited'> {
    const address = email.trim().toLowerCase();
    const byAddress = await this.auth.hitRateLimit(`reset:addr:${address}`, RESET_LIMITS.perAddress, RESET_LIMITS.windowMinutes);
    const byClient = await this.auth.hitRateLimit(`reset:client:${client}`, RESET_LIMITS.perClient, RESET_LIMITS.windowMinutes);
    if (!byAddress || !byClient) return 'limited';
    if (this.mailer.configured) await this.jobs.enqueue(this.db, { kind: JOB_RESET_MAIL, municipalityId: null, payload: { email: address, lang } });
    return 'queued';
  }

  /** The reset job: a link for an existing account; for an unknown address the same token work, and no mail. */
  private async mailReset(job: JobContext): Promise<void> {
    const p = resetPayload.parse(job.payload);
    const user = await this.auth.findUserByEmail(p.email);
    if (!user) {
      sha256(newToken());
      return;
    }
    const token = await this.issue(this.db, user.id, null, 'reset', null);
    const lang = isLang(p.lang) ? p.lang : 'de';
    await this.send(token, accountMail(user.email, {
      purpose: 'reset', lang, name: user.name, inviter: '', municipality: '', role: '',
      url: this.url(accountsPaths.setPassword(token), lang), hours: TOKEN_HOURS.reset,
    }));
  }

  // ---- members -----------------------------------------------------------------------------------------

  async member(m: Municipality, userId: number) {
    const member = await repo.findMember(this.db, m.id, userId);
    if (!member) throw new NotFoundError('member');
    return { ...member, lastAdmin: member.role === 'admin' && (await repo.countAdmins(this.db, m.id)) === 1 };
  }

  /** Changes a member's role; the last admin keeps theirs. */
  async changeRole(m: Municipality, userId: number, role: 'admin' | 'editor', by: Writer): Promise<void> {
    await this.audit.write(m.id, by, (before: { role: string; email: string }) => ({ action: 'member.role', entityType: 'user', entityId: userId, before, after: { email: before.email, role } }), async ({ trx }) => {
      await repo.lockAdmins(trx, m.id);
      const member = await repo.findMember(trx, m.id, userId);
      if (!member) throw new NotFoundError('member');
      await repo.updateRole(trx, m.id, userId, role);
      if ((await repo.countAdmins(trx, m.id)) === 0) throw new InvalidInputError({ role: 'accounts.errors.lastAdminRole' });
      return { role: member.role, email: member.email };
    });
  }

  /** Removes a person from the municipality (the account stays); never the last admin. */
  async removeMember(m: Municipality, userId: number, by: Writer): Promise<void> {
    await this.audit.write(m.id, by, (before: { role: string; email: string }) => ({ action: 'member.remove', entityType: 'user', entityId: userId, before }), async ({ trx }) => {
      await repo.lockAdmins(trx, m.id);
      const member = await repo.findMember(trx, m.id, userId);
      if (!member) throw new NotFoundError('member');
      await repo.deleteMembership(trx, m.id, userId);
      await repo.deleteMunicipalityTokens(trx, m.id, userId);
      if ((await repo.countAdmins(trx, m.id)) === 0) throw new InvalidInputError({ _form: 'accounts.errors.lastAdminRemove' });
      return { role: member.role, email: member.email };
    });
  }

  // ---- jobs and helpers --------------------------------------------------------------------------------

  jobHandlers() {
    return {
      [JOB_ACCOUNT_MAIL]: { run: (job: JobContext) => this.mailInvitation(job) },
      [JOB_RESET_MAIL]: { run: (job: JobContext) => this.mailReset(job), options: { maxAttempts: 3 } },
    };
  }

  private async issue(conn: Kysely<Database>, userId: number, municipalityId: number | null, purpose: TokenPurpose, role: string | null): Promise<string> {
    const token = newToken();
    const now = this.clock();
    await repo.deleteDeadTokens(conn, userId, now.toISOString());
    await repo.insertToken(conn, {
      userId, municipalityId, purpose, role, hash: sha256(token),
      expiresAt: new Date(now.getTime() + TOKEN_HOURS[purpose] * 3600_000).toISOString(), createdAt: now.toISOString(),
    });
    return token;
  }

  /** Sends a link's mail; when sending fails the token goes again (the job retries with a fresh one). */
  private async send(token: string, mail: ReturnType<typeof accountMail>): Promise<void> {
    try {
      await this.mailer.send(await mail);
    } catch (err) {
      await repo.deleteToken(this.db, sha256(token));
      throw err;
    }
  }

  /** An absolute link; one sent in a mail opens its page in the mail's language (German is the default). */
  private url(path: string, lang?: Lang): string {
    return `${this.publicUrl.replace(/\/$/, '')}${path}${lang && lang !== 'de' ? `?lang=${lang}` : ''}`;
  }
}
