// Numbers of measures and goals as the catalogue writes them: "1.1", "7.1.2", "A.3", "12", "M 1.2" are kept as
// written; only a leading "Nr." / "Nummer" / "Maßnahme" and trailing dots go ("Nr. 4" is "4", "1." is "1").
// Whatever a number cell holds that is not kept is returned as `dropped`, so that the importer can warn about it.
import { NUMBER_MAX } from '../plan/index.js';
import { oneLine } from './text.clean.js';

const PREFIX = /^(?:nr\.?|nummer|maßnahmen?|massnahmen?)(?=[\s.:\d]|$)[\s.:]*/iu;

export function parseNumber(raw: string): { number: string | null; dropped: string | null } {
  const written = oneLine(raw);
  if (!written) return { number: null, dropped: null };
  const text = written.replace(PREFIX, '').replace(/[\s.:]+$/u, '').trim();
  // A number has a letter or digit and fits the field; a sentence or a lone dash is no number.
  if (!text || text.length > NUMBER_MAX || !/[\p{L}\p{N}]/u.test(text)) return { number: null, dropped: written };
  return { number: text, dropped: null };
}

/** "Ziel 1.1: Text", "Ziel A.3 – Text", "Ziel: Text": a goal row or goal cell split into its number and its text. */
const GOAL_HEADING = /^(?:leit|handlungs|teil|wirkungs)?ziele?\s*(?:((?:[a-z]\.?\s?)?\d{1,3}(?:\.\d{1,3})*)(?!\.?\d)\.?\s*[:.–-]?|[:.–-])\s*(\S.*)$/isu;

export function goalHeading(text: string): { number: string | null; text: string } | null {
  const match = oneLine(text).match(GOAL_HEADING);
  if (!match) return null;
  return { number: match[1] ? match[1].replace(/\s+/g, ' ').trim() : null, text: match[2].trim() };
}
