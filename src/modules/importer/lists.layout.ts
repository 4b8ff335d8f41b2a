// Web pages and council papers pasted as text list their measures rather than tabulate them:
//
//   1. Vernetzung der Angebote für Deutschlernende          • Jobcafé für Geflüchtete          Interkulturelles Fest
//      VHS Talheim, Familienzentrum                            Jobcenter                        Federführung:
//      Zeitraum: ab Herbst 2025                                Status: umgesetzt                Kulturamt
//                                                                                               Zeitraum: jährlich
//
// A numbered or bulleted item with indented lines under it, or a heading line followed by "Federführung:",
// "Verantwortlich:", "Zeitraum:", "Status:" or "Partner:" lines, is one measure; an indented plain line under an
// item names its implementers; a label whose value stands on the next line gets it. The blocks are rewritten into
// the label lines ("Maßnahme: …", "Akteure: …") the record layout already reads, each keeping its source row.
import { roleOfHeader, type ColumnRole } from './columns.detect.js';
import type { SourceRow } from './table.model.js';

const LABEL = /^([\p{L}][\p{L}./ -]{0,40}?)(?:\s+\d+(?:\.\d+)*\.?)?\s*:\s*(.*)$/su;
const VISION = /^(?:vision(?:en)?|leitbild|leitsätze)\s*:\s*$/iu;
/** A lead named inline with the item: "Sprachcafé im Rathaus (FF: VHS)", "Lesepatenschaften – Verantwortlich: …". */
const INLINE_LEAD = /^(.*?)\s*(?:\(|[–-]\s+)(FF|Federführung|Verantwortlich|Zuständig(?:keit)?|Träger(?:in)?)\s*:\s*([^()]*?)\)?\s*$/su;
const NUMBERED = /^(\d{1,3})[.)]\s+(\S.*)$/u;
const BULLETED = /^(?:[•▪◦●■‣*]|[-–](?!\s*\+))\s+(\S.*)$/u;
const NOT_A_MEASURE = /^(?:handlungsfeld|themenfeld|handlungsbereich|vision|leitbild|leitsatz|weitere|sonstige|ziele?\b)/iu;
/** Roles a label line under a measure may give it. */
const DETAIL_ROLES: ColumnRole[] = ['actors', 'status', 'timeframe', 'notes'];

interface Line {
  source: SourceRow;
  text: string;
  indented: boolean;
  label: { name: string; role: ColumnRole; value: string } | null;
  item: string | null;
  /** The item's number as written ("1" of "1. Vernetzung …"). */
  number: string | null;
}

function labelOf(text: string): Line['label'] {
  const match = text.match(LABEL);
  if (!match || match[1].trim().split(/\s+/).length > 3) return null;
  const role = roleOfHeader(match[1]);
  return role ? { name: match[1].trim(), role, value: match[2].trim() } : null;
}

/** A free line, or a pasted line indented by tabs (leading empty cells, one filled cell); null for a table row. */
function lineOf(row: SourceRow): Line | null {
  const filled = row.cells.map((cell, i) => ({ cell, i })).filter(({ cell }) => cell.trim());
  if (filled.length > 1) return null;
  const raw = filled[0]?.cell ?? '';
  const text = raw.trim();
  const indented = (filled[0]?.i ?? 0) > 0 || /^(?:\s{2,}|\t)/.test(raw);
  const numbered = text.match(NUMBERED);
  const bulleted = numbered ? null : text.match(BULLETED);
  const item = numbered?.[2] ?? bulleted?.[1] ?? null;
  return { source: row, text, indented, label: item ? null : labelOf(text), item: item && !NOT_A_MEASURE.test(item) ? item.trim() : null, number: numbered?.[1] ?? null };
}

const free = (source: SourceRow, text: string): SourceRow => ({ row: source.row, ...(source.page ? { page: source.page, line: source.line } : {}), cells: [text], tabular: false });

/** Rewrites list items and heading blocks into label records; leaves anything else (and tables) as it is. */
export function listsToRecords(rows: SourceRow[]): SourceRow[] {
  const lines: Array<Line | null> = rows.map(lineOf);
  if (lines.some((line) => line === null)) return rows;
  const all = lines as Line[];
  // A document that already labels its measures ("Maßnahme 3: …") is a record layout of its own.
  if (all.some((line) => line.label?.role === 'measure')) return rows;

  const detail = (line: Line | undefined) => Boolean(line && line.text && !line.item && (line.label ? DETAIL_ROLES.includes(line.label.role) : line.indented));
  // Bullets right after an empty "Vision:" line are the visions.
  let afterVision = false;
  for (const line of all) {
    if (VISION.test(line.text)) afterVision = true;
    else if (!line.item) afterVision = false;
    else if (afterVision) line.item = null;
  }
  // Only a list that shows it is one: an item with an indented line under it, or a numbered item with details.
  // A bulleted list with labels at the margin is the bullet reading's of the record layout, as before.
  const isList = all.some((line, i) => line.item && all[i + 1]?.text && !all[i + 1].item && (all[i + 1].indented || (line.number && all[i + 1].label)));
  const out: SourceRow[] = [];
  let measures = 0;
  let withDetails = 0;
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    if (line.item && !isList) {
      out.push(line.source);
      continue;
    }
    const previous = all[i - 1];
    const startsBlock = !previous || !previous.text || previous.label?.role === 'goal' || /^(?:handlungsfeld|themenfeld)\b/iu.test(previous.text);
    const heading = !line.item && !line.label && !line.indented && line.text && startsBlock && !NOT_A_MEASURE.test(line.text) && all[i + 1]?.label && DETAIL_ROLES.includes(all[i + 1].label!.role);
    if (!line.item && !heading) {
      out.push(line.source);
      continue;
    }
    const inline = (line.item ?? line.text).match(INLINE_LEAD);
    out.push(free(line.source, `${line.number ? `Maßnahme ${line.number}` : 'Maßnahme'}: ${inline?.[1] || line.item || line.text}`));
    if (inline?.[1]) out.push(free(line.source, `${inline[2]}: ${inline[3]}`));
    measures++;
    let j = i + 1;
    const before = out.length;
    for (; j < all.length && detail(all[j]); j++) {
      const next = all[j];
      if (!next.label) {
        out.push(free(next.source, `Akteure: ${next.text}`));
        continue;
      }
      // "Federführung:" with its value on the next line.
      let value = next.label.value;
      const following = all[j + 1];
      if (!value && following?.text && !following.item && !following.label) {
        value = following.text;
        j++;
      }
      out.push(free(next.source, `${next.label.name}: ${value}`));
    }
    if (out.length > before) withDetails++;
    i = j - 1;
  }
  // Items without any detail are a plain list: the bullet reading of the record layout takes them as they are.
  return measures && withDetails ? out : rows;
}
