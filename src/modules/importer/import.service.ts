// The import as the officer lives it: upload, preview (with column and status mapping to correct), confirm.
// A new catalogue becomes a draft plan; a returned spreadsheet updates an existing plan by measure number.
// Nothing is written before confirmation, and the confirmation writes all or nothing.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { T } from '../../platform/i18n/i18n.js';
import type { ImportOptions as WriteOptions } from '../plan/index.js';
import { allMeasures } from '../plan/index.js';
import type { MeasureUpdate, PlanService } from '../plan/index.js';
import type { StatusCategory } from '../plan/index.js';
import type { ColumnRole } from './columns.detect.js';
import type { ActorColumn } from './layout.interpreter.js';
import { exchangePlanSchema, type ExchangeMeasure, type ExchangePlan } from '../plan/index.js';
import { validateForImport } from '../plan/index.js';
import { parseCatalogue, type ImportLimits, type ParseResult } from './parse.catalogue.js';
import type { ImportProblem } from './table.model.js';
import * as repo from './import.repository.js';

/** How long an uploaded file waits for its confirmation. */
const SESSION_HOURS = 24;

export interface StagedOptions {
  columnMapping?: Partial<Record<ColumnRole, number>>;
  actorColumns?: ActorColumn[];
  statusMapping?: Record<string, StatusCategory>;
  /** The header row the column mapping was chosen for: the mapping applies to tables with this header only. */
  mappedHeader?: string[];
  /** The tables or sheets the officer left out, by part id; the confirmation leaves out the same. */
  excludedParts?: number[];
  /** Actors the officer merged in the preview: a name → the name it goes into; the confirmation merges the same. */
  actorMerges?: Record<string, string>;
}

export interface ImportSession {
  id: string;
  fileName: string;
  targetPlanId: number | null;
  options: StagedOptions;
}

export interface UpdateChange {
  number: string;
  measureId: number;
  currentText: string;
  text?: { from: string; to: string };
  status?: { fromLabel: string; fromCategory: string; toLabel: string; toCategory: StatusCategory; date: string | null };
  newNotes: Array<{ text: string; date: string | null }>;
}

export interface UpdatePlan {
  changes: UpdateChange[];
  unknownNumbers: string[];
  unchanged: number;
}

export type Preview =
  | { ok: true; parsed: Extract<ParseResult, { ok: true }>; update: UpdatePlan | null }
  | { ok: false; errors: ImportProblem[] };

/** Our own exchange format (the JSON export) comes back in as it went out. */
function isExchangeJson(fileName: string, content: Buffer): boolean {
  return /\.json$/i.test(fileName) || content.subarray(0, 64).toString('utf8').trimStart().startsWith('{');
}

export function parseExchangeJson(fileName: string, content: Buffer, limits: ImportLimits, t: T): Extract<ParseResult, { ok: true }> | { ok: false; errors: ImportProblem[] } {
  if (content.length > limits.maxBytes) return { ok: false, errors: [{ file: fileName, message: t('importer.json.tooLarge', { file: fileName }) }] };
  let data: unknown;
  try {
    data = JSON.parse(content.toString('utf8'));
  } catch (e) {
    return { ok: false, errors: [{ file: fileName, message: t('importer.json.invalid', { file: fileName, detail: (e as Error).message }) }] };
  }
  const checked = exchangePlanSchema.safeParse(data);
  if (!checked.success) {
    return { ok: false, errors: checked.error.issues.slice(0, 50).map((i) => ({ file: fileName, message: t('importer.json.field', { path: i.path.join('.'), message: i.message }) })) };
  }
  const plan = checked.data;
  const measures = plan.fields.flatMap((f) => [...f.goals.flatMap((g) => g.measures), ...f.furtherMeasures]);
  const statuses = new Map<string, { label: string; category: StatusCategory; count: number }>();
  for (const m of measures) if (m.status.label) {
    const s = statuses.get(m.status.label) ?? { label: m.status.label, category: m.status.category, count: 0 };
    s.count++;
    statuses.set(m.status.label, s);
  }
  const actors = new Map<string, { name: string; parent: string | null; measureCount: number }>();
  for (const m of measures) for (const a of m.actors) {
    const entry = actors.get(a.name) ?? { name: a.name, parent: a.parent, measureCount: 0 };
    entry.measureCount++;
    actors.set(a.name, entry);
  }
  return { ok: true, plan, warnings: [], columns: { headers: [], roles: {} }, statuses: [...statuses.values()], actors: [...actors.values()], parts: [] };
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export class ImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly plans: PlanService,
    private readonly writePlan: (municipalityId: number, exchange: ExchangePlan, by: Writer, options?: WriteOptions) => Promise<number>,
    private readonly limits: ImportLimits,
  ) {}

  async stage(municipalityId: number, userId: number, fileName: string, content: Buffer, targetPlanId: number | null): Promise<string> {
    if (targetPlanId !== null) await this.plans.getPlan(municipalityId, targetPlanId);
    const id = randomBytes(18).toString('base64url');
    const now = this.clock();
    await repo.deleteExpiredImportSessions(this.db, new Date(now.getTime() - SESSION_HOURS * 3600_000).toISOString());
    await repo.insertImportSession(this.db, municipalityId, id, { userId, fileName, content, targetPlanId }, now.toISOString());
    return id;
  }

  /** A staged upload of this municipality and this person; anyone else's answers 404. */
  async load(municipalityId: number, userId: number, id: string): Promise<ImportSession & { content: Buffer }> {
    const row = await repo.findImportSession(this.db, municipalityId, userId, id);
    if (!row) throw new NotFoundError('import session');
    return { id: row.id, fileName: row.file_name, targetPlanId: row.target_plan_id, options: JSON.parse(row.options_json) as StagedOptions, content: Buffer.from(row.content) };
  }

  async saveOptions(municipalityId: number, userId: number, id: string, options: StagedOptions): Promise<void> {
    await this.load(municipalityId, userId, id);
    await repo.updateImportSessionOptions(this.db, municipalityId, id, JSON.stringify(options));
  }

  async discard(municipalityId: number, id: string): Promise<void> {
    await repo.deleteImportSession(this.db, municipalityId, id);
  }

  /** Parses with the municipality's own status wordings, overridden by what the officer chose in the preview. */
  async parse(municipalityId: number, fileName: string, content: Buffer, options: StagedOptions, t: T): Promise<Extract<ParseResult, { ok: true }> | { ok: false; errors: ImportProblem[] }> {
    const wordings = await this.plans.configuredWordings(municipalityId);
    const statusMapping = { ...Object.fromEntries(wordings.map((w) => [w.label, w.category])), ...options.statusMapping };
    const parsed = isExchangeJson(fileName, content)
      ? parseExchangeJson(fileName, content, this.limits, t)
      : await parseCatalogue({ fileName, bytes: content }, { columnMapping: options.columnMapping, actorColumns: options.actorColumns, statusMapping, mappedHeader: options.mappedHeader, excludedParts: options.excludedParts, actorMerges: options.actorMerges, limits: this.limits, t, existingActors: await this.plans.actorNames(municipalityId) });
    if (!parsed.ok) return parsed;
    const problems = validateForImport(parsed.plan, fileName, t);
    return problems.length ? { ok: false, errors: problems } : parsed;
  }

  async preview(municipalityId: number, session: ImportSession & { content: Buffer }, t: T): Promise<Preview> {
    const parsed = await this.parse(municipalityId, session.fileName, session.content, session.options, t);
    if (!parsed.ok) return parsed;
    if (session.targetPlanId === null) return { ok: true, parsed, update: null };
    return { ok: true, parsed, update: await this.diff(municipalityId, session.targetPlanId, parsed.plan) };
  }

  /** What a returned sheet would change in the plan, matched by measure number as written (trimmed: "1.10" is not "1.1"). */
  async diff(municipalityId: number, planId: number, incoming: ExchangePlan): Promise<UpdatePlan> {
    const tree = await this.plans.tree(municipalityId, planId);
    const current = await this.plans.exchange(municipalityId, planId);
    const byNumber = new Map(allMeasures(tree).filter((m) => m.number !== null).map((m) => [m.number!, m]));
    const currentNotes = new Map<string, Set<string>>();
    for (const m of current.fields.flatMap((f) => f.goals.flatMap((g) => g.measures))) {
      if (m.number !== null) currentNotes.set(m.number, new Set(m.notes.map((n) => clean(n.text))));
    }
    const plan: UpdatePlan = { changes: [], unknownNumbers: [], unchanged: 0 };
    const incomingMeasures: ExchangeMeasure[] = incoming.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
    for (const m of incomingMeasures) {
      if (m.number === null) continue;
      const existing = byNumber.get(m.number);
      if (!existing) {
        plan.unknownNumbers.push(m.number);
        continue;
      }
      const change: UpdateChange = { number: m.number, measureId: existing.id, currentText: existing.text, newNotes: [] };
      if (clean(m.text) !== clean(existing.text)) change.text = { from: existing.text, to: m.text };
      if (m.status.label && clean(m.status.label) !== clean(existing.status_label)) {
        change.status = { fromLabel: existing.status_label, fromCategory: existing.status_category, toLabel: clean(m.status.label), toCategory: m.status.category, date: m.status.date };
      }
      const known = currentNotes.get(m.number) ?? new Set();
      change.newNotes = m.notes.filter((n) => !known.has(clean(n.text)) && ![...known].some((k) => k.startsWith(clean(n.text)) || clean(n.text).startsWith(k)));
      if (change.text || change.status || change.newNotes.length) plan.changes.push(change);
      else plan.unchanged++;
    }
    return plan;
  }

  /** `statusMapping`: the status mapping posted with the confirmation; it wins over the one applied before. */
  async confirm(municipalityId: number, userId: number, id: string, by: Writer, t: T, statusMapping: Record<string, StatusCategory> = {}): Promise<{ ok: true; planId: number; changed: number } | { ok: false; errors: ImportProblem[] }> {
    const loaded = await this.load(municipalityId, userId, id);
    const session = { ...loaded, options: { ...loaded.options, statusMapping: { ...loaded.options.statusMapping, ...statusMapping } } };
    const preview = await this.preview(municipalityId, session, t);
    if (!preview.ok) return preview;
    let planId: number;
    let changed: number;
    if (session.targetPlanId === null) {
      planId = await this.writePlan(municipalityId, preview.parsed.plan, by, { state: 'draft' });
      changed = preview.parsed.plan.fields.reduce((n, f) => n + f.goals.reduce((k, g) => k + g.measures.length, 0) + f.furtherMeasures.length, 0);
    } else {
      planId = session.targetPlanId;
      const updates: MeasureUpdate[] = preview.update!.changes.map((c) => ({
        measureId: c.measureId,
        ...(c.text ? { text: c.text.to } : {}),
        ...(c.status ? { status: { label: c.status.toLabel, category: c.status.toCategory, date: c.status.date, note: t('import.statusNote', { file: session.fileName }) } } : {}),
        newNotes: c.newNotes,
      }));
      await this.plans.applyUpdates(municipalityId, planId, updates, by, session.fileName);
      changed = updates.length;
    }
    await this.discard(municipalityId, id);
    return { ok: true, planId, changed };
  }
}
