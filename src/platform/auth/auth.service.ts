// Users, memberships, sessions and the sign-in rate limit. Sessions live server-side; the cookie holds a
// random token whose SHA-256 is the session's key, so a leaked database does not leak live sessions.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { hashPassword, PASSWORD_HASH_COST, verifyPassword } from './password.js';
import type { Role } from './permissions.js';

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
  /** Signed in with a generated one-time password: must choose a new one before anything else. */
  mustChangePassword: boolean;
}

export interface SessionInfo {
  user: CurrentUser;
  csrfToken: string;
}

/** The SHA-256 of a token, as hex: what is kept of a personal link, never the token itself. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

export class AuthService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly sessionTtlHours: number,
    /** scrypt's cost for new hashes and for the decoy an unknown address is checked against (log2 of N). */
    private readonly passwordHashCost: number = PASSWORD_HASH_COST,
  ) {}

  // The methods that create or read users and memberships take an optional connection: a caller's
  // transaction, so that a municipality or a member is made together with its people, all or nothing.
  async createUser(input: { email: string; name: string; password?: string; isInstanceAdmin?: boolean; mustChangePassword?: boolean }, conn: Kysely<Database> = this.db): Promise<number> {
    const row = await conn
      .insertInto('users')
      .values({
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        password_hash: input.password ? await hashPassword(input.password, this.passwordHashCost) : null,
        is_instance_admin: input.isInstanceAdmin ? 1 : 0,
        must_change_password: input.mustChangePassword ? 1 : 0,
        created_at: this.clock().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  findUserByEmail(email: string, conn: Kysely<Database> = this.db) {
    return conn.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  }

  /**
   * Sets a password. A generated one (mustChange) has to be replaced at the next sign-in; a chosen one clears
   * that. A new password ends every open session of that person, except the one they changed it in.
   */
  async setPassword(userId: number, password: string, options: { mustChange?: boolean; keepSessionToken?: string } = {}, conn: Kysely<Database> = this.db): Promise<void> {
    await conn
      .updateTable('users')
      .set({ password_hash: await hashPassword(password, this.passwordHashCost), must_change_password: options.mustChange ? 1 : 0 })
      .where('id', '=', userId)
      .execute();
    let ended = conn.deleteFrom('sessions').where('user_id', '=', userId);
    if (options.keepSessionToken) ended = ended.where('id', '!=', sha256(options.keepSessionToken));
    await ended.execute();
  }

  /** Checks a person's current password (the same work whether or not they have one). */
  async checkPassword(userId: number, password: string): Promise<boolean> {
    const user = await this.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
    return verifyPassword(password, user?.password_hash ?? null, this.passwordHashCost);
  }

  async makeInstanceAdmin(userId: number): Promise<void> {
    await this.db.updateTable('users').set({ is_instance_admin: 1 }).where('id', '=', userId).execute();
  }

  async addMembership(municipalityId: number, userId: number, role: Role, conn: Kysely<Database> = this.db): Promise<void> {
    await conn
      .insertInto('memberships')
      .values({ municipality_id: municipalityId, user_id: userId, role, actor_id: null, created_at: this.clock().toISOString() })
      .execute();
  }

  /** The slug of the first municipality (by name) the person is a member of: where they land after sign-in. */
  async firstMunicipalitySlugOf(userId: number): Promise<string | null> {
    const row = await this.db
      .selectFrom('memberships')
      .innerJoin('municipalities', 'municipalities.id', 'memberships.municipality_id')
      .select('municipalities.slug')
      .where('memberships.user_id', '=', userId)
      .orderBy('municipalities.name')
      .executeTakeFirst();
    return row?.slug ?? null;
  }

  async membershipOf(municipalityId: number, userId: number, conn: Kysely<Database> = this.db) {
    return conn
      .selectFrom('memberships')
      .select(['role', 'actor_id'])
      .where('municipality_id', '=', municipalityId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** Checks email and password; the same answer for an unknown email and a wrong password. */
  async authenticate(email: string, password: string): Promise<CurrentUser | null> {
    const user = await this.findUserByEmail(email);
    const ok = await verifyPassword(password, user?.password_hash ?? null, this.passwordHashCost);
    if (!user || !ok) return null;
    return { id: user.id, email: user.email, name: user.name, isInstanceAdmin: user.is_instance_admin === 1, mustChangePassword: user.must_change_password === 1 };
  }

  async createSession(userId: number): Promise<{ token: string; csrfToken: string }> {
    const token = randomToken();
    const csrfToken = randomToken();
    const now = this.clock();
    await this.db
      .insertInto('sessions')
      .values({
        id: sha256(token),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + this.sessionTtlHours * 3600_000).toISOString(),
      })
      .execute();
    return { token, csrfToken };
  }

  async findSession(token: string): Promise<SessionInfo | null> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.csrf_token', 'sessions.expires_at', 'users.id', 'users.email', 'users.name', 'users.is_instance_admin', 'users.must_change_password'])
      .where('sessions.id', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.expires_at <= this.clock().toISOString()) return null;
    return {
      csrfToken: row.csrf_token,
      user: { id: row.id, email: row.email, name: row.name, isInstanceAdmin: row.is_instance_admin === 1, mustChangePassword: row.must_change_password === 1 },
    };
  }

  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
  }

  /** Counts an attempt under `key`; false once more than `max` fall into the current window. */
  async hitRateLimit(key: string, max: number, windowMinutes: number): Promise<boolean> {
    const now = this.clock();
    const windowStart = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirst();
      if (!row || row.window_start < windowStart) {
        await trx.deleteFrom('rate_limits').where('key', '=', key).execute();
        await trx.insertInto('rate_limits').values({ key, window_start: now.toISOString(), count: 1 }).execute();
        return true;
      }
      await trx.updateTable('rate_limits').set({ count: row.count + 1 }).where('key', '=', key).execute();
      return row.count + 1 <= max;
    });
  }
}
