// Tables of the sso module (single sign-on for staff through the municipality's identity provider), as Kysely
// sees them. What each keeps and why: migration 027.
import type { Generated } from 'kysely';

export interface SsoProviderTable {
  id: Generated<number>;
  municipality_id: number;
  enabled: Generated<number>;
  /** The button's words ("Mit dem Dienstkonto der Stadtverwaltung"). */
  label: Generated<string>;
  issuer: string;
  client_id: string;
  /** Never shown again once saved. */
  client_secret: Generated<string>;
  /** The claim that carries roles or groups (a string or a list). */
  role_claim: Generated<string>;
  /** Values of the claim that make an admin or an editor: one per line. */
  admin_values: Generated<string>;
  editor_values: Generated<string>;
  /** Whether a first sign-in with a mapped role creates the account. */
  create_accounts: Generated<number>;
  updated_at: string;
}

export interface SsoIdentityTable {
  id: Generated<number>;
  municipality_id: number;
  issuer: string;
  subject: string;
  user_id: number;
  created_at: string;
  last_sign_in_at: string;
}

export interface SsoTables {
  sso_providers: SsoProviderTable;
  sso_identities: SsoIdentityTable;
}
