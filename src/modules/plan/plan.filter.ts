// The filter of the plan workspace: which measures an officer wants to see (field, status category, actor,
// words). It lives in the address (a GET form), so a filtered view can be bookmarked and works without JavaScript.
import type { Field, Measure, PlanTree } from './plan.repository.js';
import { isStatusCategory, type StatusCategory } from './status.js';

export interface WorkspaceFilter {
  fieldId: number | null;
  status: StatusCategory | null;
  actorId: number | null;
  text: string;
}

export const NO_FILTER: WorkspaceFilter = { fieldId: null, status: null, actorId: null, text: '' };

const idParam = (value: string | undefined): number | null => (value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null);

/** Reads the filter from the query; a value that is not one of the choices counts as not chosen. */
export function parseWorkspaceFilter(query: Record<string, string | undefined>): WorkspaceFilter {
  return {
    fieldId: idParam(query.feld),
    status: isStatusCategory(query.status) ? query.status : null,
    actorId: idParam(query.akteur),
    text: (query.q ?? '').trim().slice(0, 200),
  };
}

export function isFiltered(f: WorkspaceFilter): boolean {
  return f.fieldId !== null || f.status !== null || f.actorId !== null || f.text !== '';
}

/** The query string of a filter (empty values left out), so links and the form agree. */
export function filterQuery(f: WorkspaceFilter): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.fieldId !== null) q.feld = String(f.fieldId);
  if (f.status !== null) q.status = f.status;
  if (f.actorId !== null) q.akteur = String(f.actorId);
  if (f.text) q.q = f.text;
  return q;
}

const fold = (s: string) => s.toLocaleLowerCase('de').normalize('NFKD').replace(/\p{M}/gu, '');

export function measureMatches(m: Measure, f: WorkspaceFilter): boolean {
  if (f.status !== null && m.status_category !== f.status) return false;
  if (f.actorId !== null && !m.actors.some((a) => a.id === f.actorId)) return false;
  if (f.text) {
    const words = fold(f.text).split(/\s+/).filter(Boolean);
    const hay = fold([m.number ?? '', m.text, m.status_label, m.target_groups, ...m.actors.map((a) => a.name)].join(' '));
    if (!words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

export interface FilteredField {
  field: Field;
  /** the field's measures that match, in the plan's order (goal measures first, then further measures) */
  matching: number;
  total: number;
}

/**
 * The tree narrowed to the filter: fields outside the chosen field, goals and further measures without a match
 * are left out. Without a filter the tree is returned as it is.
 */
export function filterTree(tree: PlanTree, f: WorkspaceFilter): { tree: PlanTree; fields: FilteredField[]; matching: number; total: number } {
  const totalOf = (field: Field) => field.goals.reduce((n, g) => n + g.measures.length, 0) + field.furtherMeasures.length;
  const total = tree.fields.reduce((n, field) => n + totalOf(field), 0);
  if (!isFiltered(f)) {
    const fields = tree.fields.map((field) => ({ field, matching: totalOf(field), total: totalOf(field) }));
    return { tree, fields, matching: total, total };
  }
  const fields: FilteredField[] = [];
  for (const field of tree.fields) {
    if (f.fieldId !== null && field.id !== f.fieldId) continue;
    const goals = field.goals.map((g) => ({ ...g, measures: g.measures.filter((m) => measureMatches(m, f)) })).filter((g) => g.measures.length > 0);
    const furtherMeasures = field.furtherMeasures.filter((m) => measureMatches(m, f));
    const narrowed: Field = { ...field, goals, furtherMeasures };
    const matching = totalOf(narrowed);
    if (matching === 0 && f.fieldId === null) continue;
    fields.push({ field: narrowed, matching, total: totalOf(field) });
  }
  return { tree: { ...tree, fields: fields.map((x) => x.field) }, fields, matching: fields.reduce((n, x) => n + x.matching, 0), total };
}
