// Entry point: picks the reader for the input, guards size and row limits, interprets the layout and
// summarises statuses and actors for the preview. Never throws: every failure is an error value in German.
import type { StatusCategory } from '../plan/index.js';
import { unifyActors, type DirectoryEntry } from './actors.directory.js';
import type { ColumnRole } from './columns.detect.js';
import { exchangePlanSchema, type ExchangeMeasure, type ExchangePlan } from '../plan/index.js';
import { interpretDocument, type DetectedColumns, type ImportWarning } from './layout.interpreter.js';
import { readSource } from './source.reader.js';
import type { ImportLimits } from './table.model.js';

export type { ImportLimits } from './table.model.js';
import type { ImportProblem } from './table.model.js';

export type ParseInput = { fileName: string; bytes: Buffer } | { text: string; fileName?: string };

export const DEFAULT_LIMITS: ImportLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 10_000 };

export interface ParseOptions {
  columnMapping?: Partial<Record<ColumnRole, number>>;
  statusMapping?: Record<string, StatusCategory>;
  limits?: Partial<ImportLimits>;
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
  const file = ('fileName' in input && input.fileName) || 'eingefügter Text';
  try {
    const read = await readSource(input, file, limits);
    if (!read.ok) return read;
    const rowCount = read.document.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
    if (rowCount > limits.maxRows) {
      return { ok: false, errors: [{ file, message: `Die Datei „${file}“ hat ${rowCount} Zeilen; erlaubt sind höchstens ${limits.maxRows}.` }] };
    }
    const interpreted = interpretDocument(read.document, options);
    if (!interpreted.ok) return interpreted;
    const { plan, warnings, columns } = interpreted;
    if (!measuresOf(plan).length) {
      return { ok: false, errors: [{ file, message: `In der Datei „${file}“ wurde keine Maßnahme gefunden.` }] };
    }
    const actors = unifyActors(plan);
    const checked = exchangePlanSchema.safeParse(plan);
    if (!checked.success) {
      return {
        ok: false,
        errors: checked.error.issues.map((issue) => ({ file, message: `Ungültiger Aufbau (${issue.path.join('.')}): ${issue.message}` })),
      };
    }
    return { ok: true, plan: checked.data, warnings, columns, statuses: summariseStatuses(checked.data), actors };
  } catch (error) {
    // Readers of third-party formats can fail in ways no check foresees; the caller still gets a value.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ file, message: `Die Datei „${file}“ konnte nicht gelesen werden (${detail}).` }] };
  }
}
