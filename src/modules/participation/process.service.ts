// Use cases of the participation process: a process per plan with its phases (dates, description, the
// questionnaires and links of each, the events and documents of each), publishing, and the timeline the
// public sees. A phase's documents are uploaded and deleted by process.documents.service.ts.
import type { Kysely } from 'kysely';
import type { AuditedWrites, AuditSpec, Trx } from '../../platform/audit/audited.js';
import type { Writer } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { deleteDocumentsOf, listDocuments } from '../../platform/files/documents.repository.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { berlinDay } from '../../platform/views/format.js';
import type { PlanService } from '../plan/index.js';
import type { QuestionnaireHead, QuestionnaireService } from '../questionnaires/index.js';
import type { EventService, EventView } from './events.service.js';
import { currentPhaseId } from './process.model.js';
import * as repo from './process.repository.js';
import type { PhaseInput, PhaseItemInput, PhaseKind, ProcessInput } from './process.schema.js';

export type { PhaseRow, ProcessRow } from './process.repository.js';

export interface PhaseItemView {
  id: number;
  phaseId: number;
  /** a questionnaire of the phase (its head), or a link (title and url) */
  questionnaire: QuestionnaireHead | null;
  title: string;
  url: string;
}

/** A phase's document as the timeline shows it: no file name, no uploader. */
export interface PhaseDocumentView {
  id: number;
  phaseId: number;
  title: string;
  kind: string;
  mimeType: string;
  size: number;
  isPublic: boolean;
  createdAt: string;
}

export interface PhaseView {
  id: number;
  processId: number;
  position: number;
  kind: PhaseKind;
  title: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  items: PhaseItemView[];
  events: EventView[];
  /** its documents, newest first (for the public: only those marked public) */
  documents: PhaseDocumentView[];
}

export interface Timeline {
  process: repo.ProcessRow;
  phases: PhaseView[];
  /** the phase the process is in today (Berlin), or null before it begins */
  currentPhaseId: number | null;
  today: string;
}

export class ProcessService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly plans: PlanService,
    private readonly questionnaires: QuestionnaireService,
    private readonly events: EventService,
  ) {}

  private write<R>(municipalityId: number, by: Writer, spec: AuditSpec | ((result: R) => AuditSpec), fn: (trx: Trx, now: string) => Promise<R>): Promise<R> {
    return this.audit.write(municipalityId, by, spec, ({ trx, now }) => fn(trx, now));
  }

  /** Today in Berlin. */
  today(): string {
    return berlinDay(this.clock());
  }

  // ---- the process ----------------------------------------------------------------------------------------

  async get(municipalityId: number, id: number): Promise<repo.ProcessRow> {
    const row = await repo.findProcess(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('process');
    return row;
  }

  list(municipalityId: number) {
    return repo.listProcesses(this.db, municipalityId);
  }

  ofPlan(municipalityId: number, planId: number) {
    return repo.findProcessOfPlan(this.db, municipalityId, planId);
  }

  async create(municipalityId: number, planId: number, input: ProcessInput, by: Writer, options: { state?: 'draft' | 'published'; isDemo?: boolean } = {}): Promise<number> {
    await this.plans.getPlan(municipalityId, planId);
    if (await repo.findProcessOfPlan(this.db, municipalityId, planId)) throw new InvalidInputError({ title: 'participation.process.errors.processExists' });
    return this.write(municipalityId, by, (id: number) => ({ action: 'process.create', entityType: 'process', entityId: id, after: { planId, ...input } }), (trx, now) =>
      repo.insertProcess(trx, municipalityId, planId, { ...input, state: options.state, is_demo: options.isDemo ? 1 : 0 }, now),
    );
  }

  async update(municipalityId: number, id: number, input: ProcessInput, by: Writer): Promise<void> {
    const before = await this.get(municipalityId, id);
    await this.write(municipalityId, by, { action: 'process.update', entityType: 'process', entityId: id, before: { title: before.title, description: before.description }, after: input }, (trx, now) =>
      repo.updateProcess(trx, municipalityId, id, input, now),
    );
  }

  async setState(municipalityId: number, id: number, state: 'draft' | 'published', by: Writer): Promise<void> {
    const before = await this.get(municipalityId, id);
    if (before.state === state) return;
    await this.write(municipalityId, by, { action: 'process.state', entityType: 'process', entityId: id, before: { state: before.state }, after: { state } }, (trx, now) =>
      repo.updateProcess(trx, municipalityId, id, { state }, now),
    );
  }

  async delete(municipalityId: number, id: number, by: Writer): Promise<void> {
    const before = await this.get(municipalityId, id);
    await this.write(municipalityId, by, { action: 'process.delete', entityType: 'process', entityId: id, before: { title: before.title, planId: before.plan_id } }, async (trx) => {
      const phases = await repo.listPhases(trx, municipalityId, id);
      await deleteDocumentsOf(trx, municipalityId, 'phase', phases.map((p) => p.id));
      await repo.deleteProcess(trx, municipalityId, id);
    });
  }

  // ---- phases ---------------------------------------------------------------------------------------------

  async phase(municipalityId: number, id: number): Promise<repo.PhaseRow> {
    const row = await repo.findPhase(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('phase');
    return row;
  }

  phases(municipalityId: number, processId: number) {
    return repo.listPhases(this.db, municipalityId, processId);
  }

  async addPhase(municipalityId: number, processId: number, input: PhaseInput, by: Writer): Promise<number> {
    await this.get(municipalityId, processId);
    return this.write(municipalityId, by, (id: number) => ({ action: 'process.phase.create', entityType: 'process_phase', entityId: id, after: { processId, ...input } }), (trx) =>
      repo.insertPhase(trx, municipalityId, processId, input),
    );
  }

  async updatePhase(municipalityId: number, id: number, input: PhaseInput, by: Writer): Promise<void> {
    const before = await this.phase(municipalityId, id);
    await this.write(municipalityId, by, { action: 'process.phase.update', entityType: 'process_phase', entityId: id, before: { kind: before.kind, title: before.title, starts_on: before.starts_on, ends_on: before.ends_on }, after: input }, (trx) =>
      repo.updatePhase(trx, municipalityId, id, input),
    );
  }

  async movePhase(municipalityId: number, id: number, direction: 'up' | 'down', by: Writer): Promise<void> {
    const phase = await this.phase(municipalityId, id);
    await this.write(municipalityId, by, { action: 'process.phase.move', entityType: 'process_phase', entityId: id, after: { direction } }, async (trx) => {
      const list = await repo.listPhases(trx, municipalityId, phase.process_id);
      const i = list.findIndex((p) => p.id === id);
      const j = direction === 'up' ? i - 1 : i + 1;
      if (i < 0 || j < 0 || j >= list.length) return;
      [list[i], list[j]] = [list[j], list[i]];
      for (const [k, p] of list.entries()) if (p.position !== k + 1) await repo.updatePhase(trx, municipalityId, p.id, { position: k + 1 });
    });
  }

  /** Deletes a phase with its questionnaire links and documents; its events stay, without a phase. */
  async deletePhase(municipalityId: number, id: number, by: Writer): Promise<void> {
    const before = await this.phase(municipalityId, id);
    await this.write(municipalityId, by, { action: 'process.phase.delete', entityType: 'process_phase', entityId: id, before: { title: before.title } }, async (trx) => {
      await deleteDocumentsOf(trx, municipalityId, 'phase', [id]);
      await repo.deletePhase(trx, municipalityId, id);
    });
  }

  // ---- a phase's questionnaires and links -------------------------------------------------------------------

  async phaseItem(municipalityId: number, id: number) {
    const row = await repo.findPhaseItem(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('phase item');
    return row;
  }

  /** The questionnaires of the process's plan a phase may link (any state; the public sees only published ones). */
  async questionnaireChoices(municipalityId: number, processId: number): Promise<QuestionnaireHead[]> {
    const process = await this.get(municipalityId, processId);
    return this.questionnaires.list(municipalityId, { planId: process.plan_id });
  }

  private async itemColumns(municipalityId: number, input: PhaseItemInput) {
    if (input.questionnaire_id !== null) {
      const q = await this.questionnaires.get(municipalityId, input.questionnaire_id);
      if (!q) throw new InvalidInputError({ questionnaire_id: 'errors.choiceInvalid' });
      return { questionnaire_id: q.id, title: '', url: '' };
    }
    return { questionnaire_id: null, title: input.title, url: input.url };
  }

  async addPhaseItem(municipalityId: number, phaseId: number, input: PhaseItemInput, by: Writer): Promise<number> {
    await this.phase(municipalityId, phaseId);
    const values = await this.itemColumns(municipalityId, input);
    return this.write(municipalityId, by, (id: number) => ({ action: 'process.item.create', entityType: 'process_phase_item', entityId: id, after: { phaseId, ...values } }), (trx) =>
      repo.insertPhaseItem(trx, municipalityId, phaseId, values),
    );
  }

  async updatePhaseItem(municipalityId: number, id: number, input: PhaseItemInput, by: Writer): Promise<void> {
    const before = await this.phaseItem(municipalityId, id);
    const values = await this.itemColumns(municipalityId, input);
    await this.write(municipalityId, by, { action: 'process.item.update', entityType: 'process_phase_item', entityId: id, before, after: values }, (trx) =>
      repo.updatePhaseItem(trx, municipalityId, id, values),
    );
  }

  async deletePhaseItem(municipalityId: number, id: number, by: Writer): Promise<void> {
    const before = await this.phaseItem(municipalityId, id);
    await this.write(municipalityId, by, { action: 'process.item.delete', entityType: 'process_phase_item', entityId: id, before }, (trx) =>
      repo.deletePhaseItem(trx, municipalityId, id),
    );
  }

  // ---- the timeline ---------------------------------------------------------------------------------------

  /**
   * A process with its phases, their questionnaires, links, events and documents, and the phase it is in on
   * `today`. For the public: only published events, published or closed questionnaires and public documents.
   */
  async timeline(municipalityId: number, processId: number, options: { public: boolean; today?: string }): Promise<Timeline> {
    const process = await this.get(municipalityId, processId);
    const rows = await repo.listPhases(this.db, municipalityId, processId);
    const items = await repo.listPhaseItems(this.db, municipalityId, rows.map((r) => r.id));
    const questionnaires = new Map((await this.questionnaires.list(municipalityId, { planId: process.plan_id })).map((q) => [q.id, q]));
    // A questionnaire linked from another plan is still the municipality's own.
    for (const i of items) {
      if (i.questionnaire_id !== null && !questionnaires.has(i.questionnaire_id)) {
        const q = await this.questionnaires.get(municipalityId, i.questionnaire_id);
        if (q) questionnaires.set(q.id, q);
      }
    }
    const phaseIds = rows.map((r) => r.id);
    const events = options.public ? await this.events.publicList(municipalityId, { phaseIds }) : await this.events.list(municipalityId, { phaseIds });
    const documents = await listDocuments(this.db, municipalityId, 'phase', phaseIds, options.public);
    const today = options.today ?? this.today();
    const phases: PhaseView[] = rows.map((r) => ({
      id: r.id,
      processId: r.process_id,
      position: r.position,
      kind: r.kind as PhaseKind,
      title: r.title,
      description: r.description,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      items: items
        .filter((i) => i.phase_id === r.id)
        .map((i) => ({ id: i.id, phaseId: i.phase_id, questionnaire: i.questionnaire_id === null ? null : (questionnaires.get(i.questionnaire_id) ?? null), title: i.title, url: i.url }))
        .filter((i) => !options.public || i.questionnaire === null || i.questionnaire.state !== 'draft')
        .filter((i) => i.questionnaire !== null || i.url !== ''),
      events: events.filter((e) => e.phaseId === r.id),
      documents: documents
        .filter((d) => d.owner_id === r.id)
        .map((d) => ({ id: d.id, phaseId: d.owner_id, title: d.title, kind: d.kind, mimeType: d.mime_type, size: d.size, isPublic: d.is_public === 1, createdAt: d.created_at })),
    }));
    return { process, phases, currentPhaseId: currentPhaseId(rows, today), today };
  }

  /** The process the public sees: the newest published one (a process runs while its plan is still a draft). */
  async publicProcess(municipalityId: number): Promise<repo.ProcessRow | null> {
    const published = (await repo.listProcesses(this.db, municipalityId)).filter((p) => p.state === 'published');
    return published.at(-1) ?? null;
  }

  async publicTimeline(municipalityId: number, today?: string): Promise<Timeline | null> {
    const process = await this.publicProcess(municipalityId);
    return process ? this.timeline(municipalityId, process.id, { public: true, today }) : null;
  }
}
