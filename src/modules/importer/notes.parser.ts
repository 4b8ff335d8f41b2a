// "→" marks a later progress note written into the measure cell ("… Kurs →Kurs wurde 2021/2022 durchgeführt").
// A note runs to the end of its line, so a note inside a bullet list does not swallow the following items.
import type { ExchangeNote } from '../plan/index.js';

const ARROW = /\s*(?:→|⇒|➔|->)\s*/;

const MONTHS: Record<string, string> = {
  januar: '01', jänner: '01', februar: '02', märz: '03', maerz: '03', april: '04', mai: '05', juni: '06',
  juli: '07', august: '08', september: '09', oktober: '10', november: '11', dezember: '12',
  jan: '01', feb: '02', mär: '03', apr: '04', jun: '06', jul: '07', aug: '08', sep: '09', sept: '09', okt: '10',
  nov: '11', dez: '12',
};

const MONTH_NAME = '(januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|jan|feb|mär|apr|jun|jul|aug|sept?|okt|nov|dez)\\.?';

/**
 * The date a note names, as precise as it says, taking the latest when it names several: a note records
 * progress up to then ("im Mai und Juli 2023" → "2023-07", "in 2021/2022" → "2022", "im Oktober 2021" → "2021-10").
 */
export function noteDate(text: string): string | null {
  const dates: string[] = [];
  const monthYear = new RegExp(`\\b${MONTH_NAME}((?:\\s*(?:,|und|bis|–|-)\\s*${MONTH_NAME}){0,11})\\s+((?:19|20)\\d{2})\\b`, 'giu');
  for (const match of text.matchAll(monthYear)) {
    const listed = match[0].toLowerCase().match(new RegExp(MONTH_NAME, 'giu')) ?? [];
    const months = listed.map((m) => MONTHS[m.replace('.', '')]).filter(Boolean);
    const year = match[match.length - 1];
    if (months.length) dates.push(`${year}-${months[months.length - 1]}`);
  }
  for (const match of text.matchAll(/\b(\d{1,2})\.(\d{1,2})\.((?:19|20)?\d{2})\b/g)) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) continue;
    const year = match[3].length === 2 ? `20${match[3]}` : match[3];
    dates.push(`${year}-${match[2].padStart(2, '0')}`);
  }
  for (const match of text.matchAll(/\b(0?[1-9]|1[0-2])\/((?:19|20)\d{2})\b/g)) dates.push(`${match[2]}-${match[1].padStart(2, '0')}`);
  if (!dates.length) for (const match of text.matchAll(/\b(?:19|20)\d{2}\b/g)) dates.push(match[0]);
  if (!dates.length) return null;
  return dates.reduce((latest, date) => (date.localeCompare(latest) > 0 ? date : latest));
}

// "Kurs durchgeführt (2022-05)": the date in brackets at the end of a note, as the exports write it.
const DATED = /^(.*\S)\s*\(((?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2]))?)\)$/u;

/** A note's text and date: a trailing "(2022)" or "(2022-05)" is its date; otherwise the date it names, if any. */
export function noteFrom(text: string): ExchangeNote {
  const dated = text.match(DATED);
  return dated ? { text: dated[1], date: dated[2] } : { text, date: noteDate(text) };
}

export interface SplitText {
  text: string;
  notes: ExchangeNote[];
}

/** Separates "→" notes from the text they were appended to. */
export function splitNotes(cleaned: string): SplitText {
  const kept: string[] = [];
  const notes: ExchangeNote[] = [];
  for (const line of cleaned.split('\n')) {
    const [head, ...tail] = line.split(ARROW);
    if (head.trim()) kept.push(head.trim());
    for (const part of tail) {
      const note = part.replace(/^•\s*/, '').trim();
      if (note) notes.push(noteFrom(note));
    }
  }
  return { text: kept.join('\n'), notes };
}
