// Tables of the opendata module (licence and embed settings, personal API tokens). What each keeps: migration 026.
import type { Generated } from 'kysely';

export interface OpendataSettingsTable {
  id: Generated<number>;
  municipality_id: number;
  /** a DCAT-AP.de licence code: dl-by-de/2.0 | dl-zero-de/2.0 | cc-by/4.0 | cc-zero */
  licence: Generated<string>;
  attribution: Generated<string>;
  /** origins allowed to frame the embed views, one per line */
  embed_origins: Generated<string>;
  /** GovData's contributor id of the municipality (a URI of dcat-ap.de/def/contributors), or '' */
  contributor_id: Generated<string>;
  /** the official municipality key (8 digits, AGS) or regional key (12 digits, ARS), or '' */
  regional_key: Generated<string>;
  updated_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  municipality_id: number;
  user_id: number;
  name: string;
  role: string;
  /** SHA-256 of the token; the token itself is shown once */
  token_hash: string;
  /** the token's first characters, to recognise it */
  prefix: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface OpendataTables {
  opendata_settings: OpendataSettingsTable;
  api_tokens: ApiTokenTable;
}
