// The audit log in words: each entry becomes a sentence ("Anna Beispiel hat die Maßnahme „…“ geändert.") and
// a list of what changed, with the fields' labels and readable values instead of the stored JSON. Pure: the
// page and its tests share it.
import type { T } from '../../platform/i18n/i18n.js';

export interface AuditRow {
  id: number;
  at: string;
  user_name: string;
  action: string;
  entity_type: string;
  entity_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

export interface AuditChange {
  label: string;
  before: string;
  after: string;
}

export interface DescribedEntry {
  sentence: string;
  changes: AuditChange[];
}

type Values = Record<string, unknown>;

function parse(json: string | null): Values | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Values) : { value: v };
  } catch {
    return { value: json };
  }
}

const shorten = (text: string, n = 80) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** The words that name an entry's item: its title, name, text or label, the first one it has. */
function nameOf(values: Values | null): string | null {
  if (!values) return null;
  for (const key of ['title', 'name', 'label', 'text', 'actor']) {
    const v = values[key];
    if (typeof v === 'string' && v.trim()) return shorten(v.trim().replace(/\s+/g, ' '), 60);
  }
  return null;
}

/** A stored value as a reader sees it: states and categories in words, lists joined, nothing as a dash. */
export function readableValue(t: T, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (Array.isArray(value)) return value.length ? value.map((v) => readableValue(t, key, v)).join(', ') : '–';
  if (typeof value === 'object') {
    return Object.entries(value as Values).map(([k, v]) => `${fieldLabel(t, k)}: ${readableValue(t, k, v)}`).join('; ');
  }
  const text = String(value);
  if (key === 'state') return t(`planState.${text}`, { defaultValue: text });
  if (key === 'status_category' || key === 'category' || key === 'to_category' || key === 'from_category') return t(`status.${text}`, { defaultValue: text });
  if (key === 'role') return t(`roles.${text}`, { defaultValue: text });
  if (key === 'direction') return t(`audit.direction.${text}`, { defaultValue: text });
  return shorten(text, 300);
}

export function fieldLabel(t: T, key: string): string {
  return t(`audit.fields.${key}`, { defaultValue: key.replace(/_/g, ' ') });
}

export function describeEntry(t: T, e: AuditRow): DescribedEntry {
  const before = parse(e.before_json);
  const after = parse(e.after_json);
  const name = nameOf(after) ?? nameOf(before);
  const entity = t(`audit.entities.${e.entity_type}`, { defaultValue: e.entity_type });
  const what = name ? t('audit.named', { entity, name }) : entity;
  const verb = e.action.slice(e.action.lastIndexOf('.') + 1);
  const direction = after && typeof after.direction === 'string' ? readableValue(t, 'direction', after.direction) : '';
  const vars = { who: e.user_name, what, direction };
  // The whole action first (round.start), then its verb (…create), then a plain sentence that still names it.
  const sentence = t([`audit.actions.${e.action}`, `audit.verbs.${verb}`, 'audit.generic'], { ...vars, action: e.action });

  const changes: AuditChange[] = [];
  if (verb !== 'move') {
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    for (const key of keys) {
      if (HIDDEN.has(key)) continue;
      const b = before ? readableValue(t, key, before[key]) : '–';
      const a = after ? readableValue(t, key, after[key]) : '–';
      if (before && after && b === a) continue;
      changes.push({ label: fieldLabel(t, key), before: b, after: a });
    }
  }
  return { sentence, changes };
}

/** Internal keys that say nothing to a reader (ids and bookkeeping of the row). */
const HIDDEN = new Set(['id', 'municipality_id', 'plan_id', 'field_id', 'position', 'created_at', 'updated_at', 'search_text']);
