// Flattened catalogues (PDF text, one page per project) give each measure as label/value lines:
// "Ziel: …", "Maßnahme 3: …", "Verantwortlich: …", "Status: …"; web pages give them as bullet lists under a
// heading per field ("• Sprachcafé (FF: VHS)"). Both are turned into a header row and one table row per
// record, so the layout interpreter treats them like any table.
import { roleOfHeader, type ColumnRole } from './columns.detect.js';
import { listsToRecords } from './lists.layout.js';
import type { SourceRow } from './table.model.js';

// "Maßnahme 3.1:", "Ziel A.3:": the number after the label is kept as written.
const LABEL_LINE = /^([\p{L}][\p{L}./ -]{0,40}?)(?:\s+((?:\p{Lu}\.?)?\d+(?:\.\d+)*)\.?)?\s*:\s*(.*)$/su;
const RECORD_ROLES: ColumnRole[] = ['goal', 'number', 'measure', 'actors', 'status', 'timeframe', 'notes'];
const HEADER = ['Ziel', 'Nr.', 'Maßnahme', 'Akteure', 'Status', 'Zeitraum', 'Bemerkung'];

interface Label {
  role: ColumnRole;
  label: string;
  number: string | null;
  value: string;
  /** A lead named inline with the measure ("Sprachcafé (FF: VHS)"). */
  lead?: string;
}

function labelOf(row: SourceRow): Label | null {
  const values = row.cells.filter((cell) => cell.trim());
  if (values.length !== 1) return null;
  const match = values[0].trim().match(LABEL_LINE);
  if (!match || match[1].trim().split(/\s+/).length > 4) return null;
  const found = roleOfHeader(match[1]);
  // "Beteiligte: …" names partners: the label stays with the value, and the actor parser reads the role from it.
  const role = found === 'partners' ? 'actors' : found;
  if (!role || !RECORD_ROLES.includes(role)) return null;
  return { role, label: match[1].trim(), number: match[2] ?? null, value: match[3].trim() };
}

function isFree(row: SourceRow): boolean {
  return !row.tabular && row.cells.filter((cell) => cell.trim()).length === 1;
}

const BULLET_LINE = /^(?:[•▪◦●■‣*]|[-–](?!\s*\+))\s+(.+)$/su;
const INLINE_LEAD = /^(.*?)\s*(?:\(|[–-]\s+)(FF|Federführung|Verantwortlich|Zuständig(?:keit)?|Träger(?:in)?)\s*:\s*([^()]*?)\)?\s*$/su;

/**
 * Bullets as measures, for documents without any table or "Maßnahme:" label. Bullets right after an empty
 * "Vision:" line are the visions and stay as they are.
 */
function bulletLabels(rows: SourceRow[]): Array<Label | null> {
  let afterVision = false;
  return rows.map((row) => {
    if (!isFree(row)) return null;
    const text = row.cells.find((cell) => cell.trim())!.trim();
    if (/^vision(?:en)?\s*:\s*$/iu.test(text)) {
      afterVision = true;
      return null;
    }
    const bullet = text.match(BULLET_LINE);
    if (!bullet) {
      afterVision = false;
      return labelOf(row);
    }
    if (afterVision) return null;
    const inline = bullet[1].match(INLINE_LEAD);
    if (inline && inline[1]) return { role: 'measure', label: 'Maßnahme', number: null, value: inline[1], lead: `${inline[2]}: ${inline[3]}` };
    return { role: 'measure', label: 'Maßnahme', number: null, value: bullet[1] };
  });
}

/** Rewrites label/value records into table rows; leaves documents without such records untouched. */
export function recordsToRows(rows: SourceRow[]): SourceRow[] {
  // Numbered and bulleted items with detail lines, heading blocks with label lines: records as well.
  rows = listsToRecords(rows);
  let labels = rows.map((row) => (isFree(row) ? labelOf(row) : null));
  let roles = new Set(labels.filter((label) => label).map((label) => label!.role));
  if (!roles.has('measure') && !rows.some((row) => row.tabular)) {
    const bullets = bulletLabels(rows);
    if (bullets.filter((label) => label?.role === 'measure').length >= 2) {
      labels = bullets;
      roles = new Set(['measure', 'actors']);
    }
  }
  if (!roles.has('measure') || roles.size < 2) return rows;

  const out: SourceRow[] = [];
  let goal = '';
  let record: { row: number; cells: string[] } | null = null;
  let lastRole: ColumnRole | null = null;
  let headerWritten = false;
  const flush = () => {
    if (record) out.push({ row: record.row, cells: record.cells, tabular: true });
    record = null;
    lastRole = null;
  };
  // Wrapped lines of a value join with a space; list items keep their own line.
  const append = (role: ColumnRole, text: string, wrapped = false) => {
    if (!record) return;
    const index = RECORD_ROLES.indexOf(role);
    const joiner = wrapped && !/^[•\-–*]\s/.test(text) ? ' ' : '\n';
    record.cells[index] = record.cells[index] ? `${record.cells[index]}${joiner}${text}` : text;
  };

  rows.forEach((row, i) => {
    const label = labels[i];
    if (!label) {
      const text = row.cells.join(' ').trim();
      if (!text) return;
      // A plain line inside a record continues the value above it; anything else ends the record.
      if (lastRole && isFree(row) && !/^(handlungsfeld|vision|weitere)\b/i.test(text)) {
        if (record) append(lastRole, text, true);
        else if (lastRole === 'goal') goal = `${goal} ${text}`;
        if (record || lastRole === 'goal') return;
      }
      flush();
      // A goal does not carry over into the next field of action.
      if (/^(?:\d{1,2}[.)]?\s*)?(?:handlungsfeld|themenfeld|handlungsbereich)\b/iu.test(text)) goal = '';
      out.push(row);
      return;
    }
    if (label.role === 'goal') {
      flush();
      // "Ziel 1.1: text" stays one goal cell; the interpreter reads its number from it.
      goal = label.number ? `Ziel ${label.number}: ${label.value}` : label.value;
      lastRole = 'goal';
      return;
    }
    const measureIndex = RECORD_ROLES.indexOf('measure');
    const startsRecord = label.role === 'measure' ? !record || Boolean(record.cells[measureIndex]) : label.role === 'number' && !record;
    if (startsRecord) {
      flush();
      if (!headerWritten) out.push({ row: row.row, cells: HEADER, tabular: true });
      headerWritten = true;
      record = { row: row.row, cells: RECORD_ROLES.map((role) => (role === 'goal' ? goal : '')) };
    }
    if (!record) return;
    if (label.number) append('number', label.number);
    if (label.role === 'actors') append('actors', `${label.label}: ${label.value}`);
    else if (label.value) append(label.role, label.value);
    if (label.lead) append('actors', label.lead);
    lastRole = label.role;
  });
  flush();
  return out;
}
