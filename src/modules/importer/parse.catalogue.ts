// Entry point: picks the reader for the input, guards size and row limits, interprets the layout and
// summarises statuses and actors for the preview. Never throws: every failure is an error value, its message in
// the language of the `t` it is given (German when none is: the app and the CLI register the importer's strings).
import { translator, type T } from '../../platform/i18n/i18n.js';
import type { StatusCategory } from '../plan/index.js';
import { mergeActorsInPlan, unifyActors, type DirectoryEntry } from './actors.directory.js';
import type { ColumnRole } from './columns.detect.js';
import { exchangePlanSchema, type ExchangeMeasure, type ExchangePlan } from '../plan/index.js';
import { interpretDocument, type ActorColumn, type DetectedColumns, type ImportWarning } from './layout.interpreter.js';
import { readSource } from './source.reader.js';
import type { ImportLimits } from './table.model.js';

export type { ImportLimits } from './table.model.js';
import type { ImportProblem, SourcePart } from './table.model.js';

export type ParseInput = { fileName: string; bytes: Buffer } | { text: string; fileName?: string };

export const DEFAULT_LIMITS: ImportLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 10_000 };

export interface ParseOptions {
  columnMapping?: Partial<Record<ColumnRole, number>>;
  actorColumns?: ActorColumn[];
  statusMapping?: Record<string, StatusCategory>;
  /** The header row the column mapping was chosen for; see `InterpretOptions.mappedHeader`. */
  mappedHeader?: string[];
  /** The parts (Word tables, sheets) the officer left out, by id. */
  excludedParts?: number[];
  limits?: Partial<ImportLimits>;
  /** Translates the problems and warnings; German when not given. */
  t?: T;
  /** The names in the municipality's actors directory: the preview reuses their spelling. */
  existingActors?: readonly string[];
  /** Actors the officer merged in the preview: a name → the name it goes into. */
  actorMerges?: Readonly<Record<string, string>>;
}

export interface PreviewPart extends SourcePart {
  excluded: boolean;
}

export interface StatusSummary {
  label: string;
  category: StatusCategory;
  count: number;
}

export type ParseResult =
  | {
      ok: true;
      plan: ExchangePlan;
      warnings: ImportWarning[];
      columns: DetectedColumns;
      statuses: StatusSummary[];
      actors: DirectoryEntry[];
      /** The tables or sheets read, each with whether it was left out. */
      parts: PreviewPart[];
    }
  | { ok: false; errors: ImportProblem[] };

function measuresOf(plan: ExchangePlan): ExchangeMeasure[] {
  return plan.fields.flatMap((field) => [...field.goals.flatMap((goal) => goal.measures), ...field.furtherMeasures]);
}

function summariseStatuses(plan: ExchangePlan): StatusSummary[] {
  const byLabel = new Map<string, StatusSummary>();
  for (const { status } of measuresOf(plan)) {
    if (!status.label) continue;
    const entry = byLabel.get(status.label);
    if (entry) entry.count++;
    else byLabel.set(status.label, { label: status.label, category: status.category, count: 1 });
  }
  return [...byLabel.values()];
}

export async function parseCatalogue(input: ParseInput, options: ParseOptions = {}): Promise<ParseResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const t = options.t ?? translator('de');
  const file = ('fileName' in input && input.fileName) || t('importer.pastedText');
  try {
    const read = await readSource(input, file, limits, t);
    if (!read.ok) return read;
    const rowCount = read.document.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
    if (rowCount > limits.maxRows) {
      return { ok: false, errors: [{ file, message: t('importer.read.tooManyRows', { file, rows: rowCount, max: limits.maxRows }) }] };
    }
    const interpreted = interpretDocument(read.document, { ...options, t });
    if (!interpreted.ok) return interpreted;
    const { plan, warnings, columns } = interpreted;
    if (!measuresOf(plan).length) {
      return { ok: false, errors: [{ file, message: t('importer.read.noMeasures', { file }) }] };
    }
    mergeActorsInPlan(plan, options.actorMerges ?? {});
    const actors = unifyActors(plan, options.existingActors);
    const checked = exchangePlanSchema.safeParse(plan);
    if (!checked.success) {
      return {
        ok: false,
        errors: checked.error.issues.map((issue) => ({ file, message: t('importer.read.invalidStructure', { path: issue.path.join('.'), message: issue.message }) })),
      };
    }
    const excluded = new Set(options.excludedParts ?? []);
    const parts = (read.document.parts ?? []).map((part) => ({ ...part, excluded: excluded.has(part.id) }));
    return { ok: true, plan: checked.data, warnings, columns, statuses: summariseStatuses(checked.data), actors, parts };
  } catch (error) {
    // Readers of third-party formats can fail in ways no check foresees; the caller still gets a value.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ file, message: t('importer.read.unreadable', { file, detail }) }] };
  }
}
