// Use cases of single sign-on: the officer configures the municipality's identity provider (OpenID Connect:
// Keycloak, Azure AD/Entra ID, any certified provider); a member of staff signs in there (authorization code
// flow with PKCE, state and nonce, through openid-client) and comes back signed in here, with the role the
// provider's claims map to. The identity (issuer, subject) is kept, so the account stays the same when the
// address changes; an unknown person gets an account only where the municipality allows it, and never without
// a mapped role.
import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { AuthService } from '../../platform/auth/auth.service.js';
import type { Role } from '../../platform/auth/permissions.js';
import type { Database } from '../../platform/db/schema.js';
import { ssoPaths } from './sso.paths.js';
import * as repo from './sso.repository.js';
import type { SsoSettingsInput } from './sso.schema.js';

/** What the browser carries (sealed) between the start and the return. */
export interface Flow {
  m: number;
  verifier: string;
  state: string;
  nonce: string;
}

export type SignInResult = { ok: true; userId: number; name: string } | { ok: false; reason: 'failed' | 'noEmail' | 'noRole' | 'noAccount' };

/** How long a provider's discovered metadata is kept before it is read again. */
const DISCOVERY_MS = 10 * 60_000;

/** The claim's value at a path ("groups", "realm_access.roles"): a list of strings. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The role the claims give: admin before editor; null when none of the configured values is present. */
export function mappedRole(provider: Pick<repo.ProviderRow, 'role_claim' | 'admin_values' | 'editor_values'>, claims: Record<string, unknown>): Role | null {
  const have = new Set(claimValues(claims, provider.role_claim));
  const listed = (text: string) => text.split('\n').map((v) => v.trim()).filter(Boolean);
  if (listed(provider.admin_values).some((v) => have.has(v))) return 'admin';
  if (listed(provider.editor_values).some((v) => have.has(v))) return 'editor';
  return null;
}

export class SsoService {
  private discovered = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly auth: AuthService,
    private readonly config: { publicUrl: string },
  ) {}

  provider(municipalityId: number) {
    return repo.findProvider(this.db, municipalityId);
  }

  /** The provider when sign-in through it is switched on. */
  async enabledProvider(municipalityId: number) {
    const p = await repo.findProvider(this.db, municipalityId);
    return p && p.enabled === 1 ? p : undefined;
  }

  /** The address the provider sends the browser back to (registered there as the redirect URI). */
  redirectUri(slug: string): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}${ssoPaths.callback(slug)}`;
  }

  async saveSettings(municipalityId: number, input: SsoSettingsInput, by: Writer): Promise<void> {
    const before = await repo.findProvider(this.db, municipalityId);
    const row = {
      enabled: input.enabled ? 1 : 0, label: input.label, issuer: input.issuer.replace(/\/+$/, ''), client_id: input.client_id,
      client_secret: input.client_secret !== '' ? input.client_secret : (before?.client_secret ?? ''),
      role_claim: input.role_claim, admin_values: input.admin_values.trim(), editor_values: input.editor_values.trim(),
      create_accounts: input.create_accounts ? 1 : 0,
    };
    // the secret never goes into the audit log: only whether it changed
    const shown = (r: typeof row | undefined) => r && { ...r, client_secret: undefined };
    await this.audit.write(municipalityId, by, { action: 'sso.settings', entityType: 'sso_provider', before: shown(before), after: { ...shown(row), secret_changed: input.client_secret !== '' } }, async ({ trx, now }) => {
      await repo.saveProvider(trx, municipalityId, { ...row, updated_at: now });
    });
    this.discovered.clear();
  }

  /** The provider's metadata (discovery), kept for a while per issuer and client. */
  private configuration(p: repo.ProviderRow): Promise<oidc.Configuration> {
    const key = `${p.issuer}\n${p.client_id}\n${p.client_secret}`;
    const kept = this.discovered.get(key);
    if (kept && Date.now() - kept.at < DISCOVERY_MS) return kept.config;
    const insecure = new URL(p.issuer).protocol === 'http:';
    const config = oidc.discovery(new URL(p.issuer), p.client_id, undefined, oidc.ClientSecretBasic(p.client_secret), insecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
    config.catch(() => this.discovered.delete(key));
    this.discovered.set(key, { at: Date.now(), config });
    return config;
  }

  /** Where to send the browser, and the flow it carries back. */
  async start(municipalityId: number, slug: string): Promise<{ url: string; flow: Flow }> {
    const p = await this.enabledProvider(municipalityId);
    if (!p) throw new Error('no provider');
    const config = await this.configuration(p);
    const verifier = oidc.randomPKCECodeVerifier();
    const flow: Flow = { m: municipalityId, verifier, state: oidc.randomState(), nonce: oidc.randomNonce() };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(slug), scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state: flow.state, nonce: flow.nonce,
    });
    return { url: url.href, flow };
  }

  /**
   * The return from the provider: the code exchanged (state, nonce and PKCE checked), the person found by their
   * identity or address or, where allowed, created, and their membership set to the mapped role.
   */
  async finish(municipalityId: number, slug: string, query: string, flow: Flow): Promise<SignInResult> {
    const p = await this.enabledProvider(municipalityId);
    if (!p || flow.m !== municipalityId) return { ok: false, reason: 'failed' };
    let claims: Record<string, unknown>;
    try {
      const config = await this.configuration(p);
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${this.redirectUri(slug)}${query}`), { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
      const idClaims = tokens.claims()!;
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims };
    } catch {
      return { ok: false, reason: 'failed' };
    }
    const subject = String(claims.sub);
    const email = typeof claims.email === 'string' && claims.email_verified !== false ? claims.email.trim().toLowerCase() : '';
    const role = mappedRole(p, claims);
    if (!role) return { ok: false, reason: 'noRole' };
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
    const identity = await repo.findIdentity(this.db, municipalityId, p.issuer, subject);
    if (!identity && !email) return { ok: false, reason: 'noEmail' };
    const known = identity?.user_id ?? (await repo.findUserByEmail(this.db, email))?.id;
    if (known === undefined && p.create_accounts !== 1) return { ok: false, reason: 'noAccount' };
    const by = { userId: known ?? null, name: name || subject };
    const spec = (r: { userId: number }) => ({ action: 'sso.sign_in', entityType: 'user', entityId: r.userId, after: { issuer: p.issuer, role } });
    return this.audit.write(municipalityId, by, spec, async ({ trx, now }) => {
      const userId = known ?? (await this.auth.createUser({ email, name: name || email }, trx));
      if (identity) await repo.touchIdentity(trx, municipalityId, identity.id, now);
      else await repo.insertIdentity(trx, municipalityId, { issuer: p.issuer, subject, user_id: userId, at: now });
      const member = await repo.membership(trx, municipalityId, userId);
      if (!member) await this.auth.addMembership(municipalityId, userId, role, trx);
      // the provider decides the role; only the municipality's last admin is never made an editor by it
      else if (member.role !== role && !(member.role === 'admin' && (await repo.adminCount(trx, municipalityId)) === 1)) await repo.setRole(trx, municipalityId, userId, role);
      return { ok: true as const, userId, name };
    });
  }
}
