// Use cases of open data: the municipality's licence and embed settings, and the personal tokens of the write
// API (made, listed, revoked, checked). Every change goes through the audited write path; a token itself is
// shown once and only its SHA-256 is kept.
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import { randomToken, sha256 } from '../../platform/auth/auth.service.js';
import type { AuthService } from '../../platform/auth/auth.service.js';
import { can, type Permission } from '../../platform/auth/permissions.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { findMunicipalityBySlug } from '../../platform/tenancy.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { DEFAULT_LICENCE, LICENCES, originsOf, tokenRolesFor, type LicenceCode, type OpendataSettings, type TokenRole } from './opendata.model.js';
import * as repo from './opendata.repository.js';

export interface SettingsInput {
  licence: LicenceCode;
  attribution: string;
  embed_origins: string[];
  contributor_id: string;
  regional_key: string;
}

export const TOKEN_PREFIX = 'thb_';

/** A token as the write API knows it once it is checked. */
export interface ApiCaller {
  tokenId: number;
  municipalityId: number;
  userId: number;
  role: TokenRole;
  writer: Writer;
}

export type TokenCheck = { ok: true; caller: ApiCaller } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' | 'municipality' | 'role' };

export class OpendataService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly clock: Clock,
    private readonly auth: AuthService,
  ) {}

  /** The municipality of an API address (the API runs before the app's tenancy). */
  municipality(slug: string) {
    return findMunicipalityBySlug(this.db, slug);
  }

  async settings(municipalityId: number): Promise<OpendataSettings> {
    const row = await repo.findSettings(this.db, municipalityId);
    if (!row) return { licence: DEFAULT_LICENCE, attribution: '', embedOrigins: [], contributorId: '', regionalKey: '', updatedAt: null };
    return {
      licence: (row.licence in LICENCES ? row.licence : DEFAULT_LICENCE) as LicenceCode, attribution: row.attribution, embedOrigins: originsOf(row.embed_origins),
      contributorId: row.contributor_id, regionalKey: row.regional_key, updatedAt: row.updated_at,
    };
  }

  async saveSettings(municipalityId: number, input: SettingsInput, by: Writer): Promise<void> {
    const values = { licence: input.licence, attribution: input.attribution, embed_origins: input.embed_origins.join('\n'), contributor_id: input.contributor_id, regional_key: input.regional_key };
    await this.audit.write(municipalityId, by, { action: 'opendata.settings', entityType: 'opendata_settings', entityId: municipalityId, after: values }, ({ trx, now }) =>
      repo.saveSettings(trx, municipalityId, values, now),
    );
  }

  // ---- tokens ------------------------------------------------------------------------------------------

  listTokens(municipalityId: number, userId: number) {
    return repo.listTokens(this.db, municipalityId, userId);
  }

  /** Makes a token for its maker; the role may not exceed the maker's own. Answers the token (shown once). */
  async createToken(municipalityId: number, maker: { userId: number; role: string | null; isInstanceAdmin: boolean }, input: { name: string; role: TokenRole; days: number }, by: Writer): Promise<{ id: number; token: string }> {
    if (!tokenRolesFor(maker.role, maker.isInstanceAdmin).includes(input.role)) throw new ForbiddenError();
    const token = `${TOKEN_PREFIX}${randomToken()}`;
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + input.days * 86_400_000).toISOString();
    const id = await this.audit.write(
      municipalityId, by,
      (tokenId: number) => ({ action: 'api_token.create', entityType: 'api_token', entityId: tokenId, after: { name: input.name, role: input.role, expiresAt } }),
      ({ trx, now: at }) => repo.insertToken(trx, municipalityId, { userId: maker.userId, name: input.name, role: input.role, hash: sha256(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6), createdAt: at, expiresAt }),
    );
    return { id, token };
  }

  /** Revokes one of the maker's tokens (an admin may revoke anyone's of the municipality). */
  async revokeToken(municipalityId: number, tokenId: number, actor: { userId: number; mayManageAll: boolean }, by: Writer): Promise<void> {
    const found = await repo.findToken(this.db, municipalityId, tokenId);
    if (!found || (found.user_id !== actor.userId && !actor.mayManageAll)) throw new NotFoundError('token');
    await this.audit.write(municipalityId, by, { action: 'api_token.revoke', entityType: 'api_token', entityId: tokenId, after: { name: found.name } }, ({ trx, now }) =>
      repo.revokeToken(trx, municipalityId, tokenId, now),
    );
  }

  /**
   * Checks a bearer token for a write in a municipality that needs `permission`: known, not revoked, not
   * expired, of this municipality, and its role (and its maker's current role, so a token never outlives its
   * maker's rights) allows it.
   */
  async check(token: string, municipalityId: number, permission: Permission): Promise<TokenCheck> {
    if (!token.startsWith(TOKEN_PREFIX)) return { ok: false, reason: 'unknown' };
    const row = await repo.findTokenByHash(this.db, sha256(token));
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revoked_at) return { ok: false, reason: 'revoked' };
    const now = this.clock();
    if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired' };
    if (row.municipality_id !== municipalityId) return { ok: false, reason: 'municipality' };
    const membership = await this.auth.membershipOf(municipalityId, row.user_id);
    const makerMay = can(membership?.role ?? null, await repo.isInstanceAdmin(this.db, row.user_id), permission);
    if (!can(row.role, false, permission) || !makerMay) return { ok: false, reason: 'role' };
    await repo.markTokenUsed(this.db, municipalityId, row.id, now.toISOString());
    return {
      ok: true,
      caller: { tokenId: row.id, municipalityId, userId: row.user_id, role: row.role as TokenRole, writer: { userId: row.user_id, name: `${row.user_name} [API token #${row.id} "${row.name}"]` } },
    };
  }

  // ---- public reads (published and archived plans only) ---------------------------------------------

  publicPlan(municipalityId: number, planId: number) {
    return repo.findPublicPlan(this.db, municipalityId, planId);
  }

  async publicPlans(municipalityId: number, page: { limit: number; offset: number }) {
    const [items, total] = await Promise.all([repo.listPublicPlans(this.db, municipalityId, page), repo.countPublicPlans(this.db, municipalityId)]);
    return { items, total };
  }

  fields(municipalityId: number, planId: number) {
    return repo.listFields(this.db, municipalityId, planId);
  }

  goals(municipalityId: number, planId: number) {
    return repo.listGoals(this.db, municipalityId, planId);
  }

  guidingGoals(municipalityId: number, planId: number) {
    return repo.listGuidingGoals(this.db, municipalityId, planId);
  }

  async publicMeasures(municipalityId: number, filter: repo.MeasureFilter, page: { limit: number; offset: number }) {
    const { rows, total } = await repo.listPublicMeasures(this.db, municipalityId, filter, page);
    return { items: await this.withActors(municipalityId, rows), total };
  }

  async publicMeasure(municipalityId: number, measureId: number) {
    const row = await repo.findPublicMeasure(this.db, municipalityId, measureId);
    return row ? (await this.withActors(municipalityId, [row]))[0] : undefined;
  }

  private async withActors<R extends { id: number }>(municipalityId: number, rows: R[]) {
    const links = await repo.actorsOfMeasures(this.db, municipalityId, rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, actors: links.filter((l) => l.measure_id === r.id) }));
  }

  publicActors(municipalityId: number) {
    return repo.listPublicActors(this.db, municipalityId);
  }
}
