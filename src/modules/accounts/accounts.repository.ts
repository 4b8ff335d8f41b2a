// The SQL of accounts: single-use tokens (only their SHA-256 is stored), and a municipality's memberships as
// its admin manages them. Every membership query is scoped by the municipality's id.
import type { Kysely } from 'kysely';
import type { AccountTokenTable, Database } from '../../platform/db/schema.js';

/** A connection or a caller's transaction (a Transaction is a Kysely). */
type Conn = Kysely<Database>;
export type TokenPurpose = AccountTokenTable['purpose'];

export async function insertToken(
  db: Conn,
  values: { userId: number; municipalityId: number | null; purpose: TokenPurpose; role: string | null; hash: string; expiresAt: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('account_tokens')
    .values({
      user_id: values.userId, municipality_id: values.municipalityId, purpose: values.purpose, role: values.role,
      token_hash: values.hash, expires_at: values.expiresAt, used_at: null, created_at: values.createdAt,
    })
    .execute();
}

/** The token with this hash, unused and unexpired at `now`, with the person and municipality it is for. */
export function findLiveToken(db: Conn, hash: string, now: string) {
  return db
    .selectFrom('account_tokens')
    .innerJoin('users', 'users.id', 'account_tokens.user_id')
    .leftJoin('municipalities', 'municipalities.id', 'account_tokens.municipality_id')
    .select([
      'account_tokens.id', 'account_tokens.user_id', 'account_tokens.municipality_id', 'account_tokens.purpose', 'account_tokens.role',
      'account_tokens.expires_at', 'users.email', 'users.name', 'municipalities.name as municipality_name', 'municipalities.slug as municipality_slug',
    ])
    .where('account_tokens.token_hash', '=', hash)
    .where('account_tokens.used_at', 'is', null)
    .where('account_tokens.expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks a token used; false when it was used already (two tabs, a double click): only one use wins. */
export async function useToken(db: Conn, id: number, now: string): Promise<boolean> {
  const r = await db.updateTable('account_tokens').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends every other open token of a person for one purpose (a used reset link retires the older ones). */
export async function retireTokens(db: Conn, userId: number, purpose: TokenPurpose, now: string): Promise<void> {
  await db.updateTable('account_tokens').set({ used_at: now }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

/** A person's dead links (used or expired) go when they get a new one: the table keeps only what may still work. */
export async function deleteDeadTokens(db: Conn, userId: number, now: string): Promise<void> {
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', now)])).execute();
}

export async function deleteToken(db: Conn, hash: string): Promise<void> {
  await db.deleteFrom('account_tokens').where('token_hash', '=', hash).execute();
}

/** The open invitations of a person into one municipality end with the membership (or its refusal). */
export async function deleteMunicipalityTokens(db: Conn, municipalityId: number, userId: number): Promise<void> {
  await db.deleteFrom('account_tokens').where('municipality_id', '=', municipalityId).where('user_id', '=', userId).execute();
}

export function findUser(db: Conn, userId: number) {
  return db.selectFrom('users').select(['id', 'email', 'name', 'password_hash']).where('id', '=', userId).executeTakeFirst();
}

export function findMunicipalityName(db: Conn, municipalityId: number) {
  return db.selectFrom('municipalities').select(['name', 'slug']).where('id', '=', municipalityId).executeTakeFirst();
}

/** The municipality's people by name; `invited` while the person has not chosen a password yet. */
export async function listMembers(db: Conn, municipalityId: number) {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.password_hash', 'memberships.role'])
    .where('memberships.municipality_id', '=', municipalityId)
    .orderBy('users.name')
    .execute();
  return rows.map(({ password_hash, ...r }) => ({ ...r, invited: password_hash === null }));
}

/** Existing accounts invited into the municipality whose invitation is still open. */
export function listOpenJoins(db: Conn, municipalityId: number, now: string) {
  return db
    .selectFrom('account_tokens')
    .innerJoin('users', 'users.id', 'account_tokens.user_id')
    .select(['users.id', 'users.name', 'users.email', 'account_tokens.role', 'account_tokens.expires_at'])
    .where('account_tokens.municipality_id', '=', municipalityId)
    .where('account_tokens.purpose', '=', 'join')
    .where('account_tokens.used_at', 'is', null)
    .where('account_tokens.expires_at', '>', now)
    .orderBy('users.name')
    .execute();
}

export function findMember(db: Conn, municipalityId: number, userId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role'])
    .where('memberships.municipality_id', '=', municipalityId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Takes the municipality's admin rows for this transaction (an update that changes nothing), so that two
 * admins removing or demoting each other at once wait in turn and the second sees the first's result.
 */
export async function lockAdmins(db: Conn, municipalityId: number): Promise<void> {
  await db.updateTable('memberships').set((eb) => ({ role: eb.ref('role') })).where('municipality_id', '=', municipalityId).where('role', '=', 'admin').execute();
}

export async function countAdmins(db: Conn, municipalityId: number): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateRole(db: Conn, municipalityId: number, userId: number, role: string): Promise<void> {
  await db.updateTable('memberships').set({ role }).where('municipality_id', '=', municipalityId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(db: Conn, municipalityId: number, userId: number): Promise<void> {
  await db.deleteFrom('memberships').where('municipality_id', '=', municipalityId).where('user_id', '=', userId).execute();
}
