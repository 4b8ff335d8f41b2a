// The SQL of single sign-on: the municipality's provider, the identities that signed in, and the membership a
// sign-in sets from the provider's roles. Every query takes the municipality first.
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../platform/auth/permissions.js';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type ProviderRow = NonNullable<Awaited<ReturnType<typeof findProvider>>>;

export function findProvider(db: Db, municipalityId: number) {
  return db.selectFrom('sso_providers').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
}

export async function saveProvider(db: Db, municipalityId: number, row: Omit<ProviderRow, 'id' | 'municipality_id'>): Promise<void> {
  const found = await findProvider(db, municipalityId);
  if (found) await db.updateTable('sso_providers').set(row).where('municipality_id', '=', municipalityId).execute();
  else await db.insertInto('sso_providers').values({ municipality_id: municipalityId, ...row }).execute();
}

export function findIdentity(db: Db, municipalityId: number, issuer: string, subject: string) {
  return db.selectFrom('sso_identities').selectAll().where('municipality_id', '=', municipalityId).where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
}

export async function insertIdentity(db: Db, municipalityId: number, row: { issuer: string; subject: string; user_id: number; at: string }): Promise<void> {
  await db.insertInto('sso_identities').values({ municipality_id: municipalityId, issuer: row.issuer, subject: row.subject, user_id: row.user_id, created_at: row.at, last_sign_in_at: row.at }).execute();
}

export async function touchIdentity(db: Db, municipalityId: number, id: number, at: string): Promise<void> {
  await db.updateTable('sso_identities').set({ last_sign_in_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'name', 'email']).where('email', '=', email).executeTakeFirst();
}

export function membership(db: Db, municipalityId: number, userId: number) {
  return db.selectFrom('memberships').select(['role']).where('municipality_id', '=', municipalityId).where('user_id', '=', userId).executeTakeFirst();
}

export async function setRole(db: Db, municipalityId: number, userId: number, role: Role): Promise<void> {
  await db.updateTable('memberships').set({ role }).where('municipality_id', '=', municipalityId).where('user_id', '=', userId).execute();
}

export async function adminCount(db: Db, municipalityId: number): Promise<number> {
  const r = await db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).where('role', '=', 'admin').executeTakeFirstOrThrow();
  return Number(r.n);
}
