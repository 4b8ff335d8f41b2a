// What an accessibility statement says, following the EU model statement (Implementing Decision (EU) 2018/1523):
// the status of compliance, the content not yet accessible (with the reason and an accessible alternative), how
// the statement was prepared, the feedback contact, and the enforcement body of the Land. The bodies ship with
// the app (bodies.json) and are the default an officer may change.
import fs from 'node:fs';
import { isLang, type Lang } from '../../platform/i18n/i18n.js';

export const STATUSES = ['full', 'partial', 'none'] as const;
export type ComplianceStatus = (typeof STATUSES)[number];
/** Why a part is not accessible (the model statement's three cases). */
export const REASONS = ['non_compliance', 'disproportionate_burden', 'out_of_scope'] as const;
export type Reason = (typeof REASONS)[number];
export const METHODS = ['self', 'external'] as const;
export type Method = (typeof METHODS)[number];

export interface StatementItem {
  content: string;
  reason: Reason;
  justification: string;
  alternative: string;
}

export interface EnforcementBody {
  land: string;
  landName: string;
  name: string;
  address: string;
  web: string;
  email: string;
  phone: string;
}

export interface Statement {
  status: ComplianceStatus;
  items: StatementItem[];
  preparedOn: string;
  reviewedOn: string;
  method: Method;
  methodBy: string;
  contactEmail: string;
  contactPhone: string;
  contactAddress: string;
  contactLang: Lang;
  land: string;
  body: Omit<EnforcementBody, 'land' | 'landName'>;
  retentionDays: number;
}

const shipped = JSON.parse(fs.readFileSync(new URL('./bodies.json', import.meta.url), 'utf8')) as { bodies: EnforcementBody[] };

/** The enforcement bodies shipped with the app: the Länder, then the federation. */
export const BODIES: readonly EnforcementBody[] = shipped.bodies;
export const DEFAULT_LAND = 'BW';
export const DEFAULT_RETENTION_DAYS = 90;

export function shippedBody(land: string): EnforcementBody {
  return BODIES.find((b) => b.land === land) ?? BODIES.find((b) => b.land === DEFAULT_LAND)!;
}

export function parseItems(json: string): StatementItem[] {
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return [];
    return list.flatMap((v: Record<string, unknown>) => {
      if (!v || typeof v.content !== 'string' || !v.content.trim()) return [];
      const reason = (REASONS as readonly string[]).includes(v.reason as string) ? (v.reason as Reason) : 'non_compliance';
      return [{ content: v.content, reason, justification: typeof v.justification === 'string' ? v.justification : '', alternative: typeof v.alternative === 'string' ? v.alternative : '' }];
    });
  } catch {
    return [];
  }
}

export interface StatementRow {
  status: string;
  items_json: string;
  prepared_on: string;
  reviewed_on: string;
  method: string;
  method_by: string;
  contact_email: string;
  contact_phone: string;
  contact_address: string;
  contact_lang: string;
  land: string;
  body_name: string;
  body_address: string;
  body_web: string;
  body_email: string;
  body_phone: string;
  feedback_retention_days: number;
}

export function toStatement(row: StatementRow): Statement {
  return {
    status: (STATUSES as readonly string[]).includes(row.status) ? (row.status as ComplianceStatus) : 'partial',
    items: parseItems(row.items_json),
    preparedOn: row.prepared_on,
    reviewedOn: row.reviewed_on,
    method: row.method === 'external' ? 'external' : 'self',
    methodBy: row.method_by,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    contactAddress: row.contact_address,
    contactLang: isLang(row.contact_lang) ? row.contact_lang : 'de',
    land: row.land,
    body: { name: row.body_name, address: row.body_address, web: row.body_web, email: row.body_email, phone: row.body_phone },
    retentionDays: row.feedback_retention_days,
  };
}

/**
 * The statement a municipality has before its officer saved one: partially compliant, with the platform's known
 * limits as the parts not yet accessible (their words come from the reader's language: `items` is empty and
 * the page shows the default items), the municipality's contact, and the shipped body of the default Land.
 */
export function defaultStatement(m: { created_at: string; contact_email: string; contact_phone: string; contact_address: string }): Statement {
  const { land: _land, landName: _name, ...body } = shippedBody(DEFAULT_LAND);
  void _land;
  void _name;
  const day = m.created_at.slice(0, 10);
  return {
    status: 'partial', items: [], preparedOn: day, reviewedOn: day, method: 'self', methodBy: '',
    contactEmail: m.contact_email, contactPhone: m.contact_phone, contactAddress: m.contact_address, contactLang: 'de',
    land: DEFAULT_LAND, body, retentionDays: DEFAULT_RETENTION_DAYS,
  };
}

/** The platform's known limits, shown as the default statement's parts not yet accessible (locale keys). */
export const DEFAULT_ITEM_KEYS = ['documents', 'signLanguage', 'content'] as const;
