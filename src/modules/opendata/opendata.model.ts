// The open licences a municipality may publish its data under (DCAT-AP.de's licence vocabulary), the roles a
// personal token may carry, and the origins an embed may be framed by.

/** DCAT-AP.de licence codes (http://dcat-ap.de/def/licenses/…) with their SPDX-like short names. */
export const LICENCES = {
  'dl-by-de/2.0': { uri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0', name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', url: 'https://www.govdata.de/dl-de/by-2-0', short: 'dl-de/by-2-0', attribution: true },
  'dl-zero-de/2.0': { uri: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0', name: 'Datenlizenz Deutschland – Zero – Version 2.0', url: 'https://www.govdata.de/dl-de/zero-2-0', short: 'dl-de/zero-2-0', attribution: false },
  'cc-by/4.0': { uri: 'http://dcat-ap.de/def/licenses/cc-by/4.0', name: 'Creative Commons Namensnennung – 4.0 International (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/', short: 'CC-BY-4.0', attribution: true },
  'cc-zero': { uri: 'http://dcat-ap.de/def/licenses/cc-zero', name: 'Creative Commons Zero (CC0 1.0)', url: 'https://creativecommons.org/publicdomain/zero/1.0/', short: 'CC0-1.0', attribution: false },
} as const;

export type LicenceCode = keyof typeof LICENCES;
export const LICENCE_CODES = Object.keys(LICENCES) as [LicenceCode, ...LicenceCode[]];
export const DEFAULT_LICENCE: LicenceCode = 'dl-by-de/2.0';

export function licenceOf(code: string) {
  return LICENCES[(code in LICENCES ? code : DEFAULT_LICENCE) as LicenceCode];
}

/** The roles a token may carry: those that write measures and statuses. A maker gives no more than their own. */
export const TOKEN_ROLES = ['admin', 'editor'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export function tokenRolesFor(role: string | null, isInstanceAdmin: boolean): TokenRole[] {
  if (isInstanceAdmin || role === 'admin') return ['admin', 'editor'];
  if (role === 'editor') return ['editor'];
  return [];
}

/** Days a token may live at most, and the choices offered. */
export const TOKEN_DAYS = [30, 90, 180, 365] as const;

/** The origin of a web address (scheme, host, port), or null: what frame-ancestors names. */
export function originOf(value: string): string | null {
  try {
    const u = new URL(value.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.username || u.password) return null;
    return u.origin;
  } catch {
    return null;
  }
}

export function originsOf(text: string): string[] {
  return text.split(/\s+/).map((s) => s.trim()).filter(Boolean);
}

export interface OpendataSettings {
  licence: LicenceCode;
  attribution: string;
  embedOrigins: string[];
  contributorId: string;
  regionalKey: string;
  updatedAt: string | null;
}
