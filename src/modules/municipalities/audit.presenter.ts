// The audit log in words: each entry becomes a sentence ("Anna Beispiel hat die Maßnahme „…“ geändert.") and
// a list of what changed, with the fields' labels and readable values instead of the stored JSON. Pure: the
// page and its tests share it.
import { translator, type T } from '../../platform/i18n/i18n.js';

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
const NAME_KEYS = ['title', 'name', 'label', 'text', 'actor', 'email'];
function nameOf(values: Values | null): string | null {
  if (!values) return null;
  for (const key of NAME_KEYS) {
    const v = values[key];
    if (typeof v === 'string' && v.trim()) return shorten(v.trim().replace(/\s+/g, ' '), 60);
  }
  return null;
}

/** Keys that say nothing to a reader: ids (the names stand beside them) and bookkeeping of the row. */
const HIDDEN = new Set(['municipality_id', 'position', 'created_at', 'updated_at', 'search_text', 'password_hash', 'token_hash', 'csrf_token', 'name_key', 'content_version']);
const isHidden = (key: string) => HIDDEN.has(key) || /(^id$|_id$|_ids$|[a-z]Ids?$)/.test(key);

/** The keys of a stored object that a reader sees, without the ids and bookkeeping. */
const visibleKeys = (values: Values) => Object.keys(values).filter((k) => !isHidden(k));

/** A stored value as a reader sees it: states and categories in words, lists joined, nothing as a dash. */
export function readableValue(t: T, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (Array.isArray(value)) return value.length ? value.map((v) => readableValue(t, key, v)).join(', ') : '–';
  if (typeof value === 'object') {
    // An item stands by its name; what else it holds follows in brackets, each with its label.
    const values = value as Values;
    const name = nameOf(values);
    const rest = visibleKeys(values).filter((k) => !name || !NAME_KEYS.includes(k))
      .map((k) => `${fieldLabel(t, k)}: ${readableValue(t, k, values[k])}`);
    if (name) return rest.length ? `${name} (${rest.join('; ')})` : name;
    return rest.length ? rest.join('; ') : '–';
  }
  const text = String(value);
  if (key === 'state') return t(`planState.${text}`, { defaultValue: text });
  if (key === 'status_category' || key === 'category' || key === 'to_category' || key === 'from_category') return t(`status.${text}`, { defaultValue: text });
  if (key === 'role') return t(`roles.${text}`, { defaultValue: text });
  if (key === 'direction') return t(`audit.direction.${text}`, { defaultValue: text });
  return shorten(text, 300);
}

/** A key's label: its own, a count of the following modules (a translation key), or a plain "further detail". */
export function fieldLabel(t: T, key: string): string {
  return t([`audit.fields.${key}`, 'audit.fields.other']);
}

/** Who wrote it, in the reader's language: an actor's answers through a personal link are stored in German. */
function whoOf(t: T, userName: string): string {
  const [head, tail] = translator('de')('rounds.authorVia', { actor: '\u0000' }).split('\u0000');
  if (head !== undefined && tail !== undefined && userName.startsWith(head) && userName.endsWith(tail) && userName.length > head.length + tail.length) {
    return t('rounds.authorVia', { actor: userName.slice(head.length, userName.length - tail.length) });
  }
  return userName;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const nameIn = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? nameOf(v as Values) : null);

export function describeEntry(t: T, e: AuditRow): DescribedEntry {
  const before = parse(e.before_json);
  const after = parse(e.after_json);
  const verb = e.action.slice(e.action.lastIndexOf('.') + 1);
  const entity = t(`audit.entities.${e.entity_type}`, { defaultValue: t('audit.entities.other') });
  const name = e.action === 'actor.merge' ? nameIn(after?.kept) : (nameOf(after) ?? nameOf(before));
  const what = name ? t('audit.named', { entity, name }) : entity;
  const direction = after && typeof after.direction === 'string' ? readableValue(t, 'direction', after.direction) : '';
  const round = str(after?.round);
  const vars = {
    who: whoOf(t, e.user_name), what, name: name ?? entity, direction, round, kept: nameIn(after?.kept) ?? '–', merged: nameIn(after?.merged) ?? '–',
    ...(Array.isArray(before?.actors) ? { count: before.actors.length } : {}),
    // The round's title where the entry has it ("…zur Sachstandsabfrage „Sachstand 2026“…").
    ...(round ? { context: 'round' } : {}),
  };
  // The whole action first (round.start), then its verb (…create), then a plain sentence without internals.
  const sentence = t([`audit.actions.${e.action}`, `audit.verbs.${verb}`, 'audit.generic'], vars);

  const changes: AuditChange[] = [];
  if (e.action === 'actor.merge') {
    // The merged actor is gone into the kept one; what moved with it is counted, each in words.
    changes.push({ label: fieldLabel(t, 'merged'), before: vars.merged, after: t('audit.mergedInto', { kept: vars.kept }) });
    for (const [key, value] of Object.entries(after ?? {})) {
      if (key === 'kept' || key === 'merged' || isHidden(key)) continue;
      if (key.includes('.')) changes.push({ label: t('audit.fields.moved'), before: '–', after: t(key, { count: Number(value) }) });
      else changes.push({ label: fieldLabel(t, key), before: '–', after: readableValue(t, key, value) });
    }
  } else if (verb !== 'move') {
    // A change compares what the write set with what was there; a creation or deletion shows all it has.
    const keys = before && after ? Object.keys(after) : [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    for (const key of keys) {
      if (isHidden(key)) continue;
      const b = before ? readableValue(t, key, before[key]) : '–';
      const a = after ? readableValue(t, key, after[key]) : '–';
      // Unchanged, or empty on both sides (an empty field of a new item): nothing to read.
      if (b === a) continue;
      changes.push({ label: fieldLabel(t, key), before: b, after: a });
    }
  }
  return { sentence, changes };
}
