// The words a comparison is told in, shared by the compare page and the yearly report so both say the same.
import type { T } from '../../platform/i18n/i18n.js';
import { formatMonth, formatShortDate } from '../../platform/views/format.js';
import type { ChangeKind, HistoryEntry, MeasureChange } from './compare.js';
import type { CompareSide } from './editions.service.js';
import type { PlacedMeasure, SnapshotMeasure } from './snapshot.js';

export function sideLabel(t: T, lang: string, side: CompareSide): string {
  if (side.edition) return t('editions.side.edition', { label: side.edition.label, plan: side.edition.plan_title, date: formatShortDate(side.edition.created_at, lang) });
  return t('editions.side.today', { plan: side.snapshot.plan.title });
}

export function measureName(t: T, m: SnapshotMeasure): string {
  return m.number !== null ? t('editions.measureNumbered', { number: m.number }) : t('editions.measureUnnumbered');
}

const actorsText = (t: T, m: SnapshotMeasure): string =>
  m.actors.length ? m.actors.map((a) => (a.role === 'lead' ? t('editions.leadActor', { name: a.name }) : a.name)).join(', ') : t('editions.none');

/** The goal a measure stands under, or "Weitere Maßnahmen". */
export const goalText = (t: T, p: PlacedMeasure): string => p.goal?.text ?? t('editions.furtherMeasures');

/** One line per kind of change: what it was, what it is. */
export function changeLines(t: T, change: MeasureChange): string[] {
  const { before, after } = change;
  const line: Record<ChangeKind, () => string> = {
    text: () => t('editions.change.text', { before: before.measure.text }),
    number: () => t('editions.change.number', { before: before.measure.number ?? '–', after: after.measure.number ?? '–' }),
    field: () => t('editions.change.field', { before: before.field.title, after: after.field.title }),
    goal: () => t('editions.change.goal', { before: goalText(t, before), after: goalText(t, after) }),
    actors: () => t('editions.change.actors', { before: actorsText(t, before.measure), after: actorsText(t, after.measure) }),
  };
  const lines = change.changes.map((kind) => line[kind]());
  if (change.matchedBy !== 'identity') lines.push(t(`editions.matchedBy.${change.matchedBy}`));
  return lines;
}

export function statusText(t: T, status: { category: string; label: string }): string {
  const category = t(`status.${status.category}`);
  const label = status.label.trim();
  return !label || label.toLowerCase() === category.toLowerCase() ? category : `${label} (${category})`;
}

/**
 * "12.03.2026, Erika Mustermann: Kurs beendet" – a status change from the history with its reason. For the public
 * (the yearly report): who as the public may know it ("Stadtverwaltung" for a person), without an internal note.
 */
export function reasonLine(t: T, lang: string, entry: HistoryEntry, audience: 'admin' | 'public' = 'admin'): string {
  const open = audience === 'public';
  const note = (open && entry.noteInternal ? '' : entry.note.trim()) || t('editions.noReason');
  const by = open ? entry.publicBy || t('measure.byAdministration') : entry.changedBy || t('editions.unknownAuthor');
  return t('editions.reason', { date: formatShortDate(entry.changedAt, lang), by, to: entry.toLabel || t(`status.${entry.toCategory}`), note });
}

/** A note's date as every date of the report: a day in figures, a month in words, a year as it is. */
function noteDate(date: string, lang: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) return formatShortDate(date, lang);
  if (/^\d{4}-\d{2}$/.test(date)) return formatMonth(date, lang);
  return date;
}

export function latestNote(t: T, lang: string, m: SnapshotMeasure): string {
  const note = m.notes[0];
  if (!note) return '';
  return note.date ? t('editions.noteDated', { text: note.text, date: noteDate(note.date, lang) }) : note.text;
}
