// The one place that understands catalogue layouts. It walks the rows of every sheet with a small state machine:
// header rows set the column roles, free lines are plan titles, field headings, visions or the "Weitere
// Maßnahmen" section, and table rows become goals and measures. Whatever it is unsure about becomes a warning
// with its row, never an exception. Warnings and problems are written in the language of the `t` it is given.
import { translator, type T } from '../../platform/i18n/i18n.js';
import { isStatusCategory, mapStatus, STATUS_CATEGORIES, type StatusCategory } from '../plan/index.js';
import { actorKey, parseActors } from './actors.parser.js';
import { isActorRole, isLeadHeader, matchHeader, roleOfHeader, type ActorColumnRole, type ColumnRole, type ExportColumn } from './columns.detect.js';
import type { ExchangeActor, ExchangeAttribute, ExchangeField, ExchangeGoal, ExchangeMeasure, ExchangePlan } from '../plan/index.js';
import { splitNotes, noteFrom } from './notes.parser.js';
import { goalHeading, parseNumber } from './numbers.parse.js';
import { recordsToRows } from './records.layout.js';
import type { ImportProblem, SourceDocument, SourceRow } from './table.model.js';
import { cleanText, oneLine, stripInvisible } from './text.clean.js';

export interface ImportWarning {
  /** The row of a sheet or of a Word table, the line of a PDF page; none for a Word paragraph (its text is quoted). */
  row?: number;
  /** PDF only: the page; `row` is then the line on that page. */
  page?: number;
  /** Word only: the table's ordinal; `row` is then the row within that table. */
  table?: number;
  sheet?: string;
  column?: string;
  message: string;
}

export interface DetectedColumns {
  /** Every header cell of the first header row, so a preview can offer to remap it. */
  headers: Array<{ index: number; header: string; role: ColumnRole | null }>;
  roles: Partial<Record<ColumnRole, number>>;
  /** Actor columns beside the one of their role in `roles`. */
  actorColumns?: ActorColumn[];
  sheet?: string;
  row?: number;
}

/** A further column of actors beside the one of its role in the mapping (a second "Kooperationspartner"). */
export interface ActorColumn {
  index: number;
  role: ActorColumnRole;
}

export interface InterpretOptions {
  columnMapping?: Partial<Record<ColumnRole, number>>;
  /** The officer's further actor columns, each with its role; the mapping holds one column per role. */
  actorColumns?: ActorColumn[];
  statusMapping?: Record<string, StatusCategory>;
  /**
   * The header row the column mapping was chosen for (its cells as the preview offered them): the mapping applies
   * to the tables with this header and to no other, whichever parts are left out. Without it, to the first header.
   */
  mappedHeader?: string[];
  /** Parts (Word tables, sheets) left out: read as always, so nothing else reads differently, but nothing of them is kept. */
  excludedParts?: number[];
  /** Translates warnings and problems; German when not given. */
  t?: T;
}

export type Interpretation =
  | { ok: true; plan: ExchangePlan; warnings: ImportWarning[]; columns: DetectedColumns }
  | { ok: false; errors: ImportProblem[] };

const VISION_LINE = /^(?:vision(?:en)?|leitbild|leitsatz|leitsätze)\s*:\s*(.*)$/isu;
const FURTHER_LINE = /^(?:weitere|sonstige|zusätzliche)\s+(?:maßnahmen|massnahmen|impulse|projektideen|projekte|aktivitäten)\b\s*:?\s*$/iu;
const FIELD_LINE = /^(?:\d{1,2}[.)]?\s*)?(?:handlungsfeld|themenfeld|handlungsbereich|hf)\b\.?\s*(?:\d{1,2}[.:)]?)?\s*[:–—-]?\s*(.+)$/iu;
// "1. Handlungsfeld Sprache und Bildung", "Handlungsfeld 2: Arbeit", "HF 3 – Wohnen": the word and its number
// are not part of the field's title, wherever the title comes from (heading, field column, sheet name).
const FIELD_PREFIX = /^(?:\d{1,2}[.)]?\s*)?(?:handlungsfeld|themenfeld|handlungsbereich|hf)\b\.?\s*(?:\d{1,2}[.:)]?)?\s*[:–—-]?\s*/iu;
// A sheet that explains the workbook rather than listing measures: a traffic-light legend and the like.
const LEGEND_SHEET = /^(?:legende|erläuterungen?|zeichenerklärung|hinweise|ampel)$/iu;
const LEGEND_ROW = /^(?:legende|ampel|ampelfarben?|farben?|erläuterung|zeichenerklärung|grün|gelb|rot|orange|grau|blau|weiß)\b/iu;
const NUMBERED_HEADING = /^(\d{1,2})[.)]\s+(\p{Lu}[^.!?]{1,80})$/u;
/** "Ziel 1.1: …", "Ziele: …", "Leitziel 2 – …": a goal row merged across a table, heading the measures below it. */
const GOAL_ROW = /^(?:leit|handlungs|teil|wirkungs)?ziele?\s*(?:(\d{1,3}(?:\.\d{1,3})*)\.?\s*[:.–-]?|[:.–-])\s*(\S.*)$/isu;
/** "Stand: 31.03.2025", "Stand: März 2025 · Entwurf", "As of: 31 March 2025". */
const STATE_LINE = /^(?:stand|as of)\s*:\s*\S.{0,60}$/iu;
const GENERIC_SHEET = /^(tabelle|sheet|blatt|table|arbeitsblatt)\s*\d*$/i;

function unquote(text: string): string {
  return text.replace(/^[„“"»«']+|[„“"»«':]+$/g, '').trim();
}

function fieldTitle(text: string): string {
  const bare = unquote(stripInvisible(text).replace(/\s+/g, ' '));
  return unquote(bare.replace(FIELD_PREFIX, '')) || bare;
}

/** The export's category column: the category's name in German or English (as the interface names it). */
function categoryFrom(label: string): StatusCategory | null {
  const key = label.trim().toLowerCase();
  if (!key) return null;
  if (isStatusCategory(key)) return key;
  for (const lang of ['de', 'en'] as const) {
    const t = translator(lang);
    const found = STATUS_CATEGORIES.find((category) => t(`status.${category}`).toLowerCase() === key);
    if (found) return found;
  }
  return null;
}

/** The first sheet of the app's own XLSX export: "Kommune", "Plan", "Stand", … and the counts per category. */
function overviewTitle(rows: SourceRow[]): string | null | undefined {
  const labels = new Map(rows.map((row) => [oneLine(row.cells[0] ?? ''), oneLine(row.cells[1] ?? '')]));
  if (!labels.has('Kommune') || !labels.has('Plan') || !labels.has('Statuskategorie')) return undefined;
  return labels.get('Plan') || null;
}

/** "… in der Stadtgesellschaft Volle Teilhabemöglichkeit …": two visions run together in one cell. */
export function splitVisions(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .flatMap((line) =>
      line
        .replace(/^•\s*/, '')
        .replace(/(\p{Lu}\p{Ll}+)\s+(?=\p{Lu}\p{Ll}*(?:e|er|es|en)\s+\p{Lu}\p{Ll})/gu, '$1\n')
        .split('\n'),
    )
    .map((line) => line.trim())
    .filter(Boolean);
}

interface FieldState {
  field: ExchangeField;
  implicit: boolean;
}

export function interpretDocument(document: SourceDocument, options: InterpretOptions = {}): Interpretation {
  const file = document.file;
  const t = options.t ?? translator('de');
  const roleLabel = (role: ColumnRole) => t(`importer.column.${role}`);
  const warnings: ImportWarning[] = [];
  const fields: FieldState[] = [];
  const configured = Object.entries(options.statusMapping ?? {}).map(([label, category]) => ({ label, category }));
  const usedNumbers = new Map<string, string>();
  const excluded = new Set(options.excludedParts ?? []);
  // True while the rows of a part left out are read: what they give is marked and dropped at the end, and they warn
  // about nothing. Reading them as usual keeps goals, headers and roles of the other parts exactly as they were.
  let skipping = false;
  const dropped = { measures: new Set<ExchangeMeasure>(), goals: new Set<ExchangeGoal>(), fields: new Set<ExchangeField>() };
  // Written inside the row callbacks; the casts keep TypeScript from narrowing them to their initial null.
  let title = null as string | null;
  let detected = null as DetectedColumns | null;
  // The first header of a part that is not left out: the one the preview offers to remap.
  let offered = null as DetectedColumns | null;
  let firstCells = null as string[] | null;
  let headerWithoutMeasure = null as { cells: string[]; sheet?: string; row?: number; page?: number; table?: number } | null;
  // Set by the first table header or table row: lines before it are the plan's title and headings. It does not
  // depend on a column mapping, so a title row reads the same with and without one.
  let tableSeen = false;

  const override = options.columnMapping ?? {};
  // The officer's mapping wins over detection; a column it assigns loses whatever role detection gave it.
  const withOverride = (found: Partial<Record<ColumnRole, number>>) => {
    const merged = { ...found };
    for (const { index } of options.actorColumns ?? []) {
      for (const other of Object.keys(merged) as ColumnRole[]) if (merged[other] === index) delete merged[other];
    }
    for (const [role, index] of Object.entries(override) as Array<[ColumnRole, number]>) {
      for (const other of Object.keys(merged) as ColumnRole[]) if (merged[other] === index) delete merged[other];
      merged[role] = index;
    }
    return merged;
  };
  /** Columns detection gave a role that the officer's mapping moved elsewhere: no longer read, so warned about. */
  const displaced = (found: Partial<Record<ColumnRole, number>>, active: Partial<Record<ColumnRole, number>>) =>
    Object.values(found).filter((index) => index !== undefined && !Object.values(active).includes(index)) as number[];
  // The mapping is the one of the header it was offered for (the first one, `detected`): a second table with other
  // columns keeps its own detection, and a repeat of the same header (a table continued on the next page) keeps
  // the mapping.
  const mappedHere = (cells: string[]) => {
    const header = options.mappedHeader ?? detected?.headers.map((h) => h.header);
    return !header || (header.length === cells.length && header.every((h, i) => h === oneLine(cells[i] ?? '')));
  };
  // Written only when a table row is reached: with a mapped measure column even a table without any header row can
  // be read, and the lines before it are read as without a mapping (a title stays the title).
  let roles = null as Partial<Record<ColumnRole, number>> | null;
  let headerNames: Partial<Record<ColumnRole, string>> = {};
  let actorHeaders = new Map<number, string>();
  let exported: Partial<Record<ExportColumn, number>> = {};
  // The current table's further actor columns and the columns no role reads, kept as labelled attributes.
  let actorColumns: ActorColumn[] = [];
  let attributeColumns: Array<{ index: number; label: string }> = [];
  let seenData = false;

  for (const sheet of document.sheets) {
    const sheetName = sheet.name;
    const cleanName = sheetName ? stripInvisible(sheetName).trim() : '';
    const sheetTitle = cleanName && !GENERIC_SHEET.test(cleanName) ? fieldTitle(cleanName) : null;
    const rows = recordsToRows(sheet.rows.map((row) => ({ ...row, cells: row.cells.map(stripInvisible) })));
    let mode: 'start' | 'vision' | 'table' | 'further' = 'start';
    let current: FieldState | null = null;
    let goal: ExchangeGoal | null = null;
    let pendingVisions: string[] = [];
    let visionBullets = null as boolean | null;
    // Where a row is as a person finds it: a PDF's page and line ("Seite 3, Zeile 12"), a Word table's ordinal and
    // row ("Tabelle 2, Zeile 5"), a sheet's row; a Word paragraph has no number one could find (its text is quoted).
    const source = new Map(sheet.rows.map((row) => [row.row, row]));
    const partOf = (row: SourceRow) => row.part ?? source.get(row.row)?.part;
    const placeOf = (row: number): Pick<ImportWarning, 'row' | 'page' | 'table'> => {
      const at = source.get(row);
      if (at?.page) return { row: at.line ?? row, page: at.page };
      if (at?.table) return { table: at.table, row: at.tableRow };
      return document.paragraphRows ? {} : { row };
    };
    const warn = (row: number, message: string, column?: string) => {
      if (skipping) return;
      warnings.push({ ...placeOf(row), ...(sheetName ? { sheet: sheetName } : {}), ...(column ? { column } : {}), message });
    };
    const placeText = (row: number) => {
      const place = placeOf(row);
      return [place.page ? t('importer.placePage', { page: place.page }) : '', place.table ? t('importer.placeTable', { table: place.table }) : '', place.row ? t('import.placeRow', { row: place.row }) : '']
        .filter(Boolean).join(', ');
    };

    const openField = (name: string, implicit: boolean): FieldState => {
      if (current && current.implicit && !current.field.goals.length && !current.field.furtherMeasures.length) {
        current.field.title = name;
        current.implicit = implicit;
      } else {
        const existing = implicit ? fields.find((state) => state.field.title === name) : undefined;
        current = existing ?? { field: { title: name, visions: [], goals: [], furtherMeasures: [] }, implicit };
        if (!existing) fields.push(current);
        if (!existing && skipping) dropped.fields.add(current.field);
      }
      current.field.visions.push(...pendingVisions);
      pendingVisions = [];
      goal = null;
      return current;
    };
    const ensureField = (): FieldState => current ?? openField(sheetTitle || 'Allgemein', true);
    const addVisions = (text: string) => {
      const visions = splitVisions(text);
      if (current) current.field.visions.push(...visions);
      else pendingVisions.push(...visions);
    };

    const kindOf = (row: SourceRow): 'empty' | 'header' | 'line' | 'data' => {
      const filled = row.cells.filter((cell) => cell.trim());
      if (!filled.length) return 'empty';
      const header = matchHeader(row.cells);
      // Inside a table a short data row can name two roles by chance ("Projektförderung", "Stand: offen");
      // a repeated or new header names at least three, as the header before it did.
      if (header && (!roles || Object.keys(header.roles).length >= Math.min(3, Object.keys(roles).length))) return 'header';
      const distinct = new Set(filled.map((cell) => cell.trim()));
      if (distinct.size > 1) return 'data';
      if (!row.tabular || filled.length > 1) return 'line';
      const only = oneLine(filled[0]);
      if (!roles || !tableSeen || VISION_LINE.test(only) || FURTHER_LINE.test(only) || FIELD_LINE.test(only)) return 'line';
      // A lone value in the goal or measure column is content; anywhere else it is a heading typed into the sheet.
      const at = row.cells.findIndex((cell) => cell.trim());
      return at === roles.measure || at === roles.goal || at === roles.field ? 'data' : 'line';
    };
    const nextKind = (from: number): ReturnType<typeof kindOf> | 'end' => {
      for (let i = from + 1; i < rows.length; i++) {
        const kind = kindOf(rows[i]);
        if (kind !== 'empty') return kind === 'line' && (VISION_LINE.test(lineText(rows[i])) || (rows[i].tabular && GOAL_ROW.test(oneLine(lineText(rows[i]))))) ? 'data' : kind;
      }
      return 'end';
    };

    const measureFrom = (row: SourceRow, cells: string[], active: Partial<Record<ColumnRole, number>>): ExchangeMeasure | null => {
      const cell = (role: ColumnRole) => (active[role] !== undefined ? (cells[active[role]!] ?? '') : '');
      const column = (role: ColumnRole) => headerNames[role] || roleLabel(role);
      const split = splitNotes(cleanText(cell('measure')));
      const { notes } = split;
      // Without a timeframe column, "Zeitraum: …" and "Kosten: …" lines at the end of the measure's cell are its
      // timeframe and further attributes (as the Word export writes them), not part of its text.
      const labelled = active.timeframe === undefined ? labelledLines(split.text) : { text: split.text, timeframe: '', attributes: [] };
      const { text } = labelled;
      const noteCell = cleanText(cell('notes'));
      if (noteCell) for (const line of noteCell.split('\n')) notes.push(noteFrom(line.replace(/^[•→]\s*/, '')));
      if (!text) return null;
      const { number, dropped } = parseNumber(cell('number'));
      // No number is lost silently: a cell that is not kept as a number is named.
      if (dropped) warn(row.row, t('importer.warning.numberDropped', { text: shorten(dropped) }), column('number'));
      // "Läuft (Fortlaufend)": the Word and PDF exports write the category after a wording that does not say it.
      const statusCell = oneLine(cell('status'));
      const suffix = statusCell.match(/^(.*\S)\s*\(([^()]+)\)$/);
      const suffixCategory = suffix ? categoryFrom(suffix[2]) : null;
      const statusLabel = suffixCategory ? suffix![1] : statusCell;
      const status = mapStatus(statusLabel, configured);
      if (suffixCategory && status.category === 'unknown') status.category = suffixCategory;
      // The export's own category and date columns fill in what the label does not say (a label the plan's
      // officer categorised by hand); a label that says it itself wins, since that is the cell people edit.
      const exportedCategory = exported.statusCategory !== undefined ? categoryFrom(oneLine(cells[exported.statusCategory] ?? '')) : null;
      if (exportedCategory && status.category === 'unknown') status.category = exportedCategory;
      const exportedDate = exported.statusDate !== undefined ? oneLine(cells[exported.statusDate] ?? '') : '';
      if (exportedDate && !status.date) status.date = exportedDate;
      if (statusLabel && status.category === 'unknown') {
        warn(row.row, t('importer.warning.unknownStatus', { label: statusLabel }), column('status'));
      }
      const { actors, unsure } = actorsOf(cells, active);
      if (!actors.length && mode !== 'further' && !further(cells)) warn(row.row, t('importer.warning.noActors'), column('actors'));
      // Actors in the app's own export are the plan's actors already; flagging them again would only be noise.
      if (!ownExport()) for (const { name, reason } of unsure) warn(row.row, t(reason === 'fragment' ? 'importer.warning.fragmentActor' : 'importer.warning.unsureActor', { name }), column('actors'));
      if (number !== null && !skipping) {
        const earlier = usedNumbers.get(number);
        if (earlier !== undefined) warn(row.row, t('importer.warning.duplicateNumber', { number, earlier }), column('number'));
        else usedNumbers.set(number, placeText(row.row));
      }
      const timeframe = oneLine(cell('timeframe')) || labelled.timeframe;
      // The export's target groups column: "Frauen, Geflüchtete" back into its list.
      const targetGroups = exported.targetGroups !== undefined
        ? (cells[exported.targetGroups] ?? '').split(',').map((group) => oneLine(group)).filter(Boolean)
        : [];
      const attributes: ExchangeAttribute[] = [
        ...labelled.attributes,
        ...attributeColumns.map(({ index, label }) => ({ label, value: cleanText(cells[index] ?? '') })),
      ].filter((attribute) => attribute.value);
      return {
        number,
        text,
        actors,
        status,
        notes: notes.filter((note) => note.text.trim()),
        ...(timeframe ? { timeframe } : {}),
        ...(targetGroups.length ? { targetGroups } : {}),
        ...(attributes.length ? { attributes } : {}),
      };
    };

    /**
     * The actors of every actor column, each with the role its column gives: a "Federführung" column (or the
     * actors column beside a partners column) leads, a "Kooperationspartner" column partners. An actor named
     * as lead anywhere leads.
     */
    const actorsOf = (cells: string[], active: Partial<Record<ColumnRole, number>>): ReturnType<typeof parseActors> => {
      const columns: ActorColumn[] = [
        ...(active.actors !== undefined ? [{ index: active.actors, role: 'actors' as const }] : []),
        ...(active.partners !== undefined ? [{ index: active.partners, role: 'partners' as const }] : []),
        ...actorColumns,
      ];
      const withPartners = columns.some((c) => c.role === 'partners');
      const actors: ExchangeActor[] = [];
      const unsure: ReturnType<typeof parseActors>['unsure'] = [];
      const at = new Map<string, number>();
      for (const { index, role } of columns) {
        const header = actorHeaders.get(index) ?? '';
        const given = role === 'partners' ? 'partner' : withPartners || isLeadHeader(header) ? 'lead' : undefined;
        const parsed = parseActors(cells[index] ?? '', given);
        unsure.push(...parsed.unsure);
        for (const actor of parsed.actors) {
          const key = actorKey(actor.name);
          const earlier = at.get(key);
          if (earlier === undefined) {
            at.set(key, actors.length);
            actors.push(actor);
          } else if (actor.role === 'lead') actors[earlier].role = 'lead';
        }
      }
      return { actors, unsure };
    };

    const ownExport = () => exported.statusCategory !== undefined && exported.further !== undefined;
    const further = (cells: string[]) => exported.further !== undefined && /^(?:ja|x|yes|true|1)$/i.test(oneLine(cells[exported.further] ?? ''));

    const takeHeader = (row: SourceRow, active: Partial<Record<ColumnRole, number>>, unknown: number[], lost: number[] = [], mapped = false) => {
      const used = new Set(Object.values(active));
      // Further actor columns: the officer's where the mapping applies, else the ones detection found beside the
      // first of their role ("Kooperationspartner" and "Beteiligte"). Every other column with a header that no role
      // reads (one the importer does not know, or a second one of a role) is kept as a labelled attribute.
      const officers = mapped ? (options.actorColumns ?? []).filter((c) => !used.has(c.index)) : [];
      // The app's own export writes all actors into one column: its further columns are attributes.
      const detectedActors = ownExport() ? [] : unknown
        .map((index) => ({ index, role: roleOfHeader(row.cells[index] ?? '') }))
        .filter((c): c is ActorColumn => isActorRole(c.role) && !used.has(c.index) && !officers.some((o) => o.index === c.index) && !(mapped && Object.values(override).includes(c.index)));
      const extraActors = [...officers, ...detectedActors].sort((a, b) => a.index - b.index);
      const extraAttributes = [...new Set([...unknown, ...lost])]
        .filter((index) => !used.has(index) && !extraActors.some((c) => c.index === index) && oneLine(row.cells[index] ?? ''))
        .sort((a, b) => a - b)
        .map((index) => ({ index, label: oneLine(row.cells[index] ?? '') }));
      if (!detected || (!offered && !skipping)) {
        const found: DetectedColumns = {
          headers: row.cells.map((header, i) => ({
            index: i,
            header: oneLine(header),
            role: (Object.entries(active).find(([, at]) => at === i)?.[0] as ColumnRole | undefined) ?? extraActors.find((c) => c.index === i)?.role ?? null,
          })),
          roles: active,
          ...(extraActors.length ? { actorColumns: extraActors } : {}),
          ...(sheetName ? { sheet: sheetName } : {}),
          row: row.row,
        };
        detected ??= found;
        if (!skipping) offered ??= found;
      }
      if (active.measure === undefined) {
        headerWithoutMeasure ??= { cells: row.cells, sheet: sheetName, ...placeOf(row.row) };
        return;
      }
      roles = active;
      tableSeen = true;
      headerNames = Object.fromEntries(Object.entries(active).map(([role, at]) => [role, oneLine(row.cells[at!] ?? '')]));
      actorColumns = extraActors;
      attributeColumns = extraAttributes;
      // A table right under "Weitere Maßnahmen" without a goal column lists further measures.
      if (mode !== 'further' || active.goal !== undefined) mode = 'table';
      actorHeaders = new Map([...(['actors', 'partners'] as const).flatMap((role) => (active[role] !== undefined ? [active[role]!] : [])), ...extraActors.map((c) => c.index)]
        .map((index) => [index, oneLine(row.cells[index] ?? '')]));
    };

    const skippable = (candidates: SourceRow[]): boolean => {
      const filled = candidates.filter((row) => row.cells.some((cell) => cell.trim()));
      if (!filled.length) return false;
      if (filled.some((row) => { const match = matchHeader(row.cells); return match !== null && withOverride(match.roles).measure !== undefined; })) return false;
      const first = (row: SourceRow) => oneLine(row.cells.find((cell) => cell.trim()) ?? '');
      if (LEGEND_SHEET.test(cleanName) || filled.filter((row) => LEGEND_ROW.test(first(row))).length * 2 >= filled.length) return true;
      // Once a table elsewhere has said which column holds the measures, a sheet with nothing in it has none.
      const at = roles?.measure;
      return at !== undefined && !filled.some((row) => row.cells[at]?.trim());
    };
    // Our own export's overview sheet gives the plan's title and nothing else.
    const overview = document.sheets.length > 1 ? overviewTitle(rows) : undefined;
    if (overview !== undefined) {
      title ??= overview;
      continue;
    }
    // A sheet that lists no measures (a legend "Ampel", "grün – umgesetzt", …, or a sheet without a measure
    // column beside the tables) is skipped, and said so, rather than read as a field with goals "Ampel", "grün".
    skipping = rows.length > 0 && rows.every((row) => excluded.has(partOf(row) ?? -1));
    if (document.sheets.length > 1 && skippable(rows)) {
      warn(rows.find((row) => row.cells.some((cell) => cell.trim()))?.row ?? 1, t('importer.warning.sheetSkipped', { sheet: cleanName || sheetName || '' }));
      continue;
    }

    rows.forEach((row, index) => {
      const kind = kindOf(row);
      if (kind === 'empty') return;
      skipping = excluded.has(partOf(row) ?? -1);

      if (kind === 'header') {
        const match = matchHeader(row.cells)!;
        const mapped = mappedHere(row.cells);
        const active = mapped ? withOverride(match.roles) : match.roles;
        if (active.measure !== undefined) exported = match.exported;
        takeHeader(row, active, match.unknown, displaced(match.roles, active), mapped && (Object.keys(override).length > 0 || Boolean(options.actorColumns?.length)));
        return;
      }

      if (kind === 'line') {
        const text = lineText(row);
        const vision = text.match(VISION_LINE);
        if (vision) {
          mode = 'vision';
          visionBullets = null;
          if (vision[1].trim()) addVisions(vision[1]);
          return;
        }
        // A goal row merged across a table, or a goal heading ("Ziel 1.1: …") between the tables of a Word or PDF
        // document, once tables have begun or right before one.
        const goalRow = (row.tabular ? roles : tableSeen || ['header', 'data'].includes(nextKind(index))) ? oneLine(text).match(GOAL_ROW) : null;
        if (goalRow) {
          const state = ensureField();
          // "Ziel 1.1: text": the goal's number as written, and its text.
          const heading = goalHeading(text) ?? { number: goalRow[1] ?? null, text: goalRow[2].trim() };
          goal = { ...(heading.number ? { number: heading.number } : {}), text: heading.text, measures: [] };
          state.field.goals.push(goal);
          if (skipping) dropped.goals.add(goal);
          mode = 'table';
          return;
        }
        if (FURTHER_LINE.test(text)) {
          ensureField();
          mode = 'further';
          return;
        }
        const field = text.match(FIELD_LINE) ?? text.match(NUMBERED_HEADING);
        if (field && text.length <= 120) {
          openField(fieldTitle(field[field.length - 1]), false);
          mode = 'start';
          return;
        }
        // A styled heading after the further measures opens the next field rather than listing one more.
        if (mode === 'further' && !row.heading) {
          const measure = furtherFromLine(text);
          if (measure) ensureField().field.furtherMeasures.push(measure);
          return;
        }
        const headingLike = text.length <= 100 && !/[.!?]$/.test(text) && /^\p{Lu}|^[„"]/u.test(text);
        if (mode === 'vision') {
          const bullet = text.startsWith('• ');
          visionBullets ??= bullet;
          // Visions given as a list end with the list; visions given as lines end at the table.
          if (!visionBullets || bullet) {
            addVisions(text);
            return;
          }
          mode = 'start';
        }
        // A caption at the top of a named sheet ("Integrationsplan Talheim – Handlungsfeld Arbeit" on the sheet
        // "Arbeit"): the sheet names the field, so the caption neither renames it nor becomes a field of its own;
        // on the first sheet it gives the plan's title, without the part that names the sheet.
        const caption = sheetTitle && !current && headingLike && captionOf(text, sheetTitle);
        if (caption !== false && caption !== null && caption !== undefined && caption !== '') {
          if (!title && !fields.length && !tableSeen) title = caption;
          ensureField();
          return;
        }
        if (!title && !fields.length && !tableSeen) {
          title = text;
          return;
        }
        // The plan's title repeated at the top of every sheet is not a heading of its own.
        if (text === title) return;
        // The title block under the title ("Stadt Musterstadt", "Stand: 31.03.2025", as the Word export writes
        // it): the date line and the line right above it say whose plan it is and when, and are no content.
        const following = rows.slice(index + 1).find((next) => next.cells.some((cell) => cell.trim()));
        if (!fields.length && !tableSeen && (STATE_LINE.test(text) || (following && !following.tabular && STATE_LINE.test(lineText(following))))) return;
        const next = nextKind(index);
        if (headingLike && (next === 'header' || next === 'data')) {
          if (current && !current.implicit && !current.field.goals.length && !current.field.furtherMeasures.length) {
            warn(row.row, t('importer.warning.subheadingSkipped', { text: shorten(text) }));
            return;
          }
          openField(fieldTitle(text), false);
          mode = 'start';
          if (!/^\d/.test(text) && !row.heading) warn(row.row, t('importer.warning.headingAsField', { text }));
          return;
        }
        warn(row.row, t('importer.warning.outsideTable', { text: shorten(text) }));
        return;
      }

      // A table row.
      if (!roles && override.measure !== undefined) roles = { ...override };
      if (!roles) {
        firstCells ??= row.cells;
        return;
      }
      // A header the detection did not recognise, read with the officer's mapping: its cells are short labels.
      if (!detected && !seenData && row.cells.every((cell) => cell.length <= 60 && !cell.includes('\n'))) {
        takeHeader(row, roles, row.cells.flatMap((cell, i) => (cell.trim() ? [i] : [])), [], true);
        return;
      }
      seenData = true;
      tableSeen = true;
      const cells = row.cells;
      const fieldCell = roles.field !== undefined ? oneLine(cells[roles.field] ?? '') : '';
      if (fieldCell && (!current || current.field.title !== fieldTitle(fieldCell))) {
        const existing = fields.find((state) => state.field.title === fieldTitle(fieldCell));
        if (existing) {
          current = existing;
          goal = existing.field.goals.at(-1) ?? null;
        } else openField(fieldTitle(fieldCell), true);
      }
      const state = ensureField();
      if (mode === 'vision' || mode === 'start') mode = 'table';
      const goalText = roles.goal !== undefined ? oneLine(cells[roles.goal] ?? '') : '';
      const number = roles.number !== undefined ? oneLine(cells[roles.number] ?? '') : '';
      if (mode === 'further' && number) mode = 'table';
      const furtherRow = further(cells);
      // A goal cell "Ziel 1.1: text" gives the goal its number; otherwise the cell is the goal's text.
      const heading = goalText ? goalHeading(goalText) : null;
      const goalCell = goalText ? (heading?.number ? heading : { number: null, text: goalText }) : null;
      if (goalCell && mode !== 'further' && !furtherRow && (goalCell.text !== goal?.text || (goalCell.number ?? null) !== (goal?.number ?? null))) {
        goal = { ...(goalCell.number ? { number: goalCell.number } : {}), text: goalCell.text, measures: [] };
        state.field.goals.push(goal);
        if (skipping) dropped.goals.add(goal);
      }
      const measure = measureFrom(row, cells, roles);
      if (!measure) {
        const rest = cells.filter((cell, i) => cell.trim() && i !== roles!.goal);
        if (rest.length) warn(row.row, t('importer.warning.noMeasure'), headerNames.measure || roleLabel('measure'));
        return;
      }
      if (skipping) dropped.measures.add(measure);
      if (mode === 'further' || furtherRow) {
        state.field.furtherMeasures.push(measure);
        return;
      }
      if (!goal) {
        goal = { text: '', measures: [] };
        state.field.goals.push(goal);
        if (skipping) dropped.goals.add(goal);
      }
      goal.measures.push(measure);
    });
  }

  if (!roles) {
    const found = headerWithoutMeasure ?? (firstCells ? { cells: firstCells } : null);
    const listed = found ? found.cells.map(oneLine).filter(Boolean).map((cell) => t('importer.quoted', { text: shorten(cell) })).join(', ') : '';
    return {
      ok: false,
      errors: [
        {
          file,
          ...(headerWithoutMeasure?.sheet ? { sheet: headerWithoutMeasure.sheet } : {}),
          ...(headerWithoutMeasure?.row ? { row: headerWithoutMeasure.row } : {}),
          ...(headerWithoutMeasure?.page ? { page: headerWithoutMeasure.page } : {}),
          ...(headerWithoutMeasure?.table ? { table: headerWithoutMeasure.table } : {}),
          message: listed ? t('importer.layout.noMeasureColumn', { columns: listed }) : t('importer.layout.noTable'),
        },
      ],
    };
  }

  // What the parts left out gave goes; a goal or field of another part keeps its place even when emptied.
  const pruned = fields.map(({ field }) => {
    const goals = field.goals
      .map((goal) => ({ ...goal, measures: goal.measures.filter((m) => !dropped.measures.has(m)), from: goal }))
      .filter((goal) => goal.measures.length || !dropped.goals.has(goal.from))
      .map(({ from: _from, ...goal }) => goal);
    const furtherMeasures = field.furtherMeasures.filter((m) => !dropped.measures.has(m));
    return { ...field, goals, furtherMeasures, from: field };
  }).filter((field) => !dropped.fields.has(field.from) || field.goals.length || field.furtherMeasures.length).map(({ from: _from, ...field }) => field);
  const kept = pruned.filter((field) => field.visions.length || field.goals.length || field.furtherMeasures.length);
  const columns: DetectedColumns = offered ?? detected ?? {
    headers: Object.entries(roles).map(([role, index]) => ({ index: index!, header: roleLabel(role as ColumnRole), role: role as ColumnRole })),
    roles: roles,
  };
  return { ok: true, plan: { plan: { title: title ?? defaultTitle() }, fields: kept }, warnings, columns };
}

const LABELLED_LINE = /^(\p{Lu}[\p{L} ./-]{0,40}?)\s*:\s+(\S.*)$/u;

/**
 * The "Label: value" lines at the end of a measure's text: "Zeitraum: …" (a label the importer reads as a timeframe
 * column) is the timeframe, a label no column role reads ("Kosten", "Priorität") an attribute. A label of another
 * role ("Federführung: …") ends the run, and at least one line stays the measure's text.
 */
function labelledLines(text: string): { text: string; timeframe: string; attributes: ExchangeAttribute[] } {
  const lines = text.split('\n');
  let timeframe = '';
  const attributes: ExchangeAttribute[] = [];
  while (lines.length > 1) {
    const match = lines[lines.length - 1].match(LABELLED_LINE);
    const role = match ? roleOfHeader(match[1]) : undefined;
    if (!match || (role !== null && role !== 'timeframe') || (role === 'timeframe' && timeframe)) break;
    lines.pop();
    if (role === 'timeframe') timeframe = match[2].trim();
    else attributes.unshift({ label: match[1].trim(), value: match[2].trim() });
  }
  return { text: lines.join('\n'), timeframe, attributes };
}

function lineText(row: SourceRow): string {
  return cleanText(row.cells.find((cell) => cell.trim()) ?? '');
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

// Not the file's name: a title is public once the plan is published, and file names stay internal.
function defaultTitle(): string {
  return 'Integrationsplan (Import)';
}

/** "- + Gemeinderatsbeschluss im Sommer 2023 …" in a "Weitere Maßnahmen" section. */
function furtherFromLine(text: string): ExchangeMeasure | null {
  const { text: body, notes } = splitNotes(cleanText(text.replace(/^(?:[-+*•–]\s*)+/, '')));
  if (!body) return null;
  return { number: null, text: body, actors: [], status: mapStatus(''), notes };
}

/**
 * The plan's part of a sheet's caption that names the sheet ("Integrationsplan Talheim 2025–2030 – Handlungsfeld
 * Arbeit" on the sheet "Arbeit" → "Integrationsplan Talheim 2025–2030"), or null when the caption does not name it.
 */
export function captionOf(text: string, sheetTitle: string): string | null {
  const fold = (value: string) => value.toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();
  const at = fold(text).lastIndexOf(fold(sheetTitle));
  if (at < 0 || fold(sheetTitle).length < 3) return null;
  const parts = text.split(/\s+[–—-]\s+|:\s+/);
  const plan = parts.length > 1 ? parts.filter((part) => !fold(part).includes(fold(sheetTitle))).join(' – ').trim() : '';
  return plan || text.trim();
}
