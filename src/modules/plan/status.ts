// The status categories of DESIGN.md and the mapping from a plan's own wording to one of them.
// The wording is always kept verbatim; the category only drives badges, counts and filters.

export const STATUS_CATEGORIES = [
  'planned',
  'not_started',
  'in_progress',
  'ongoing',
  'completed',
  'under_review',
  'discontinued',
  'unknown',
] as const;

export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export function isStatusCategory(value: unknown): value is StatusCategory {
  return typeof value === 'string' && (STATUS_CATEGORIES as readonly string[]).includes(value);
}

export interface MappedStatus {
  category: StatusCategory;
  label: string;
  /** "2024" or "2024-03" when the wording names when it happens. */
  date: string | null;
}

// Order matters: the first phrase found in the *first* statement of a label decides, and more specific
// phrases ("noch nicht umgesetzt") must win over the general ones they contain ("umgesetzt").
const RULES: ReadonlyArray<[RegExp, StatusCategory]> = [
  [/\b(entf[äa]llt|nicht weiter (zu )?verfolg|gestrichen|eingestellt|aufgegeben)/i, 'discontinued'],
  [/\b(noch nicht (umgesetzt|begonnen|gestartet)|nicht begonnen|offen\b|ausstehend)/i, 'not_started'],
  [/\b(bedarf wird (neu )?gepr[üu]ft|realisierung wird|wird (neu |weiterhin )?gepr[üu]ft|zur[üu]ckgestellt|ruht\b|in pr[üu]fung)/i, 'under_review'],
  [/\b(teilweise umgesetzt|in umsetzung|in bearbeitung|begonnen|eingeleitet|in arbeit|in durchf[üu]hrung|gestartet|l[äa]uft an)/i, 'in_progress'],
  [/\b(wird fortgesetzt|fortgesetzt|fortgef[üu]hrt|laufend|daueraufgabe|verstetigt|laufende[ns]? gesch[äa]ft|regelangebot|kontinuierlich|fortlaufend|weitergef[üu]hrt|dauerhaft|l[äa]uft\b)/i, 'ongoing'],
  [/\b(abgeschlossen|umgesetzt|erf[üu]llt|erledigt|realisiert|durchgef[üu]hrt|fertiggestellt|beendet)/i, 'completed'],
  [/\b(in planung|in vorbereitung|geplant|umsetzung (im|ab|in)|vorgesehen|start (im|ab|in)|ab \d{4}|f[üu]r \d{4})/i, 'planned'],
];

const MONTHS: Record<string, string> = {
  januar: '01', jänner: '01', februar: '02', märz: '03', maerz: '03', april: '04', mai: '05', juni: '06',
  juli: '07', august: '08', september: '09', oktober: '10', november: '11', dezember: '12',
};

/** "Umsetzung im März 2024" → "2024-03"; "ab 2024" → "2024"; "06/2025" → "2025-06"; none → null. */
export function extractStatusDate(label: string): string | null {
  const monthName = label.match(/\b(januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)\s+(\d{4})\b/i);
  if (monthName) return `${monthName[2]}-${MONTHS[monthName[1].toLowerCase()]}`;
  const numeric = label.match(/\b(\d{1,2})[./](\d{4})\b/);
  if (numeric && Number(numeric[1]) >= 1 && Number(numeric[1]) <= 12) return `${numeric[2]}-${numeric[1].padStart(2, '0')}`;
  const year = label.match(/\b(19|20)\d{2}\b/);
  return year ? year[0] : null;
}

/** The first statement of a label: "Abgeschlossen – weitere Durchführung in Planung" → "Abgeschlossen". */
function firstStatement(label: string): string {
  const parts = label.split(/\s+[–—-]\s+|;|\n/);
  const first = parts[0].trim();
  // "Abgeschlossen Weitere Durchführung in Planung": a capitalised second statement run on without a dash.
  const runOn = first.match(/^(\S+(?:\s+\S+)?)\s+(Weitere|Erneute|Ausbau|Realisierung|Neue)\b/);
  return runOn ? runOn[1] : first;
}

export function categoryOf(label: string): StatusCategory {
  const text = label.replace(/\s+/g, ' ').trim();
  if (!text) return 'unknown';
  const first = firstStatement(text);
  for (const [pattern, category] of RULES) if (pattern.test(first)) return category;
  for (const [pattern, category] of RULES) if (pattern.test(text)) return category;
  return 'unknown';
}

/** How wordings are compared: case- and space-insensitively ("In  planung" is "In Planung"). */
export function wordingKey(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Maps a wording to its category. Wordings the municipality configured itself win over the built-in rules,
 * compared case- and space-insensitively.
 */
export function mapStatus(label: string, configured: ReadonlyArray<{ label: string; category: StatusCategory }> = []): MappedStatus {
  const clean = label.replace(/\s+/g, ' ').trim();
  const key = wordingKey(clean);
  const own = configured.find((w) => wordingKey(w.label) === key);
  const category = own ? own.category : categoryOf(clean);
  const date = extractStatusDate(clean);
  return { category, label: clean, date };
}
