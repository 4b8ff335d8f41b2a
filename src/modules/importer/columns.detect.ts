// Header cells name the same columns in many ways ("Akteurinnen und Akteure", "Akteur:innen", "Zuständigkeit",
// "Federführung und Beteiligte"). A header is normalised first, then matched by role; the order of the checks
// matters where names overlap ("Status der Umsetzung" is a status, "Geplante Umsetzung" a measure).

export const COLUMN_ROLES = ['field', 'goal', 'number', 'measure', 'actors', 'partners', 'status', 'timeframe', 'notes'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];
// The roles' names for people are the importer's strings: `importer.column.<role>`.

export function normaliseHeader(header: string): string {
  const plain = header
    .slice(0, 200)
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[:*_·]innen\b/g, '');
  // The pair form's pattern backtracks at every letter: only a header that has "innen und" can match it.
  return (plain.includes('innen und') ? plain.replace(/(?<!\p{L})(\p{L}+)innen und (\p{L}+)/gu, '$2') : plain)
    .replace(/\((?:n|en|e|s)\)/g, '')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

const RULES: ReadonlyArray<[RegExp, ColumnRole]> = [
  [/^(#|nr|lfd nr|lfd|laufende nummer|nummer|no|pos|position|kennung|id|massnahmen? nr|nr der massnahme)$/, 'number'],
  [/^(status|stand|sachstand|umsetzungsstand|umsetzungsstatus|stand der umsetzung|status der umsetzung|bearbeitungsstand|ampel)\b/, 'status'],
  [/^(handlungsfeld|handlungsfelder|themenfeld|themenbereich|bereich|handlungsbereich)$/, 'field'],
  [/^(umsetzung bis|zeitraum|zeitplan|zeitrahmen|zeitschiene|meilenstein|meilensteine|laufzeit|termin|umsetzungszeitraum|zeitliche umsetzung|bis wann|zeit)\b/, 'timeframe'],
  [/(bemerkung|anmerkung|fortschritt|kommentar|hinweis|erlauterung|erläuterung|notiz)/, 'notes'],
  // A column of partners only ("Kooperationspartner" beside "Federführung"); "Federführung und Beteiligte" names both.
  [/^(kooperationspartner|kooperationspartnerinnen|kooperation|kooperationen|in kooperation mit|partner|partnerinnen|beteiligt|beteiligte|beteiligung|mitwirkende|mitwirkung|unterstutzung|unterstützung|weitere akteure|weitere beteiligte)$/, 'partners'],
  [/(akteur|zustandig|zuständig|trager|träger|verantwortlich|federfuhrung|federführung|beteiligt|kooperationspartner|partner|ansprechpartner|^wer$|^ff$)/, 'actors'],
  [/(massnahme|impuls|projektidee|projekt|geplante umsetzung|umsetzung|aktivitat|aktivität|angebot|handlungsempfehlung)/, 'measure'],
  [/(^|\s)(ziel|ziele|wirkungsziel|wirkungsziele|handlungsziel|handlungsziele|teilziel|teilziele|zielsetzung|leitziel|bedarf)(\s|$)/, 'goal'],
];

/**
 * Columns the app's own CSV/XLSX export writes besides the roles above ("Zielgruppen", "Statuskategorie",
 * "Statusdatum", "Weitere Maßnahme"): known, so a re-imported export raises no warning, and read where they say more than the
 * role columns do.
 */
export const EXPORT_COLUMNS = ['targetGroups', 'statusCategory', 'statusDate', 'further'] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

const EXPORT_HEADERS: Record<string, ExportColumn> = {
  zielgruppen: 'targetGroups',
  statuskategorie: 'statusCategory',
  statusdatum: 'statusDate',
  'weitere massnahme': 'further',
};

/** The role columns of the app's own CSV/XLSX export; its further columns are measures' attributes. */
const OWN_EXPORT_ROLE_HEADERS = new Set(['handlungsfeld', 'ziel', 'nr', 'massnahme', 'akteure', 'zeitraum', 'status', 'fortschritt']);

export function exportColumnOf(header: string): ExportColumn | null {
  if (header.length > 60) return null;
  return EXPORT_HEADERS[normaliseHeader(header)] ?? null;
}

const LEAD_HEADER = /^(federfuhrung|federführung|federführend|federfuhrend|ff|verantwortlich|verantwortliche|verantwortlichkeit|zustandig|zuständig|zustandige stelle|zuständige stelle|lead|leitung)$/;

/** "Federführung", "Verantwortlich", "Zuständig": an actors column whose actors all lead. */
export function isLeadHeader(header: string): boolean {
  return header.length <= 60 && LEAD_HEADER.test(normaliseHeader(header));
}

/** The roles of columns that name actors: several of them can be read at once, each with its role. */
export type ActorColumnRole = 'actors' | 'partners';
export const isActorRole = (role: ColumnRole | null): role is ActorColumnRole => role === 'actors' || role === 'partners';

export function roleOfHeader(header: string): ColumnRole | null {
  // Headers are short; checking the length first keeps long cells from costing anything.
  if (header.length > 120) return null;
  // "Ziel 1.1: Sprachkurse ausbauen", "Federführung: VHS": a label with its value is a cell's content, not a header.
  if (/^\s*\p{L}[\p{L}\p{N}.\s]*:\s+\S/u.test(header)) return null;
  const text = normaliseHeader(header);
  if (!text || text.length > 60) return null;
  for (const [pattern, role] of RULES) if (pattern.test(text)) return role;
  return null;
}

export interface HeaderMatch {
  roles: Partial<Record<ColumnRole, number>>;
  /** The export's own extra columns, by what they hold. */
  exported: Partial<Record<ExportColumn, number>>;
  unknown: number[];
}

/** A row is a header when at least two cells name distinct roles and few cells are anything else. */
export function matchHeader(cells: string[]): HeaderMatch | null {
  const roles: Partial<Record<ColumnRole, number>> = {};
  const exported: Partial<Record<ExportColumn, number>> = {};
  const unknown: number[] = [];
  let filled = 0;
  cells.forEach((cell, index) => {
    if (!cell.trim()) return;
    const extra = exportColumnOf(cell);
    if (extra && exported[extra] === undefined) {
      exported[extra] = index;
      return;
    }
    filled++;
    const role = roleOfHeader(cell);
    if (role && roles[role] === undefined) roles[role] = index;
    else unknown.push(index);
  });
  // In the app's own export every column after its own is an attribute, even one whose label names a role
  // ("Beteiligte", "Bereich"): it went out as an attribute and comes back as one.
  if (exported.statusCategory !== undefined && exported.further !== undefined) {
    for (const [role, index] of Object.entries(roles) as Array<[ColumnRole, number]>) {
      if (OWN_EXPORT_ROLE_HEADERS.has(normaliseHeader(cells[index]))) continue;
      delete roles[role];
      unknown.push(index);
    }
    unknown.sort((a, b) => a - b);
  }
  // "Weitere Maßnahme" without any other measure column is the catalogue's measure column, not the export's flag.
  if (exported.further !== undefined && roles.measure === undefined) {
    roles.measure = exported.further;
    delete exported.further;
    filled++;
  }
  const found = Object.keys(roles).length;
  if (found < 2 || found * 2 < filled) return null;
  return { roles, exported, unknown };
}
