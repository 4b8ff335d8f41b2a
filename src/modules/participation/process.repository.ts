// All SQL of the participation process: processes, their phases and each phase's questionnaires and links.
// Every query is scoped to the municipality.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ProcessPhaseItemTable, ProcessPhaseTable, ProcessTable } from '../../platform/db/schema.participation.js';

type Db = Kysely<Database>;
export type ProcessRow = Selectable<ProcessTable>;
export type PhaseRow = Selectable<ProcessPhaseTable>;
export type PhaseItemRow = Selectable<ProcessPhaseItemTable>;

export function findProcess(db: Db, municipalityId: number, id: number): Promise<ProcessRow | undefined> {
  return db.selectFrom('processes').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

export function findProcessOfPlan(db: Db, municipalityId: number, planId: number): Promise<ProcessRow | undefined> {
  return db.selectFrom('processes').selectAll().where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).orderBy('id').executeTakeFirst();
}

export function listProcesses(db: Db, municipalityId: number): Promise<ProcessRow[]> {
  return db.selectFrom('processes').selectAll().where('municipality_id', '=', municipalityId).orderBy('id').execute();
}

export async function insertProcess(db: Db, municipalityId: number, planId: number, input: { title: string; description: string; state?: string; is_demo?: number }, now: string): Promise<number> {
  const row = await db
    .insertInto('processes')
    .values({ municipality_id: municipalityId, plan_id: planId, title: input.title, description: input.description, state: input.state ?? 'draft', is_demo: input.is_demo ?? 0, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProcess(db: Db, municipalityId: number, id: number, values: Partial<Pick<ProcessRow, 'title' | 'description' | 'state'>>, now: string): Promise<void> {
  await db.updateTable('processes').set({ ...values, updated_at: now }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deleteProcess(db: Db, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('processes').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export function listPhases(db: Db, municipalityId: number, processId: number): Promise<PhaseRow[]> {
  return db.selectFrom('process_phases').selectAll().where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('position').orderBy('id').execute();
}

export function findPhase(db: Db, municipalityId: number, id: number): Promise<PhaseRow | undefined> {
  return db.selectFrom('process_phases').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

export async function insertPhase(db: Db, municipalityId: number, processId: number, values: Pick<PhaseRow, 'kind' | 'title' | 'description' | 'starts_on' | 'ends_on'>): Promise<number> {
  const last = await db
    .selectFrom('process_phases')
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId)
    .executeTakeFirst();
  const row = await db
    .insertInto('process_phases')
    .values({ municipality_id: municipalityId, process_id: processId, position: Number(last?.p ?? 0) + 1, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePhase(db: Db, municipalityId: number, id: number, values: Partial<Pick<PhaseRow, 'kind' | 'title' | 'description' | 'starts_on' | 'ends_on' | 'position'>>): Promise<void> {
  await db.updateTable('process_phases').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deletePhase(db: Db, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('process_phases').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export function listPhaseItems(db: Db, municipalityId: number, phaseIds: number[]): Promise<PhaseItemRow[]> {
  if (phaseIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('process_phase_items').selectAll().where('municipality_id', '=', municipalityId).where('phase_id', 'in', phaseIds).orderBy('position').orderBy('id').execute();
}

export function findPhaseItem(db: Db, municipalityId: number, id: number): Promise<PhaseItemRow | undefined> {
  return db.selectFrom('process_phase_items').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

export async function insertPhaseItem(db: Db, municipalityId: number, phaseId: number, values: Pick<PhaseItemRow, 'questionnaire_id' | 'title' | 'url'>): Promise<number> {
  const last = await db
    .selectFrom('process_phase_items')
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .where('municipality_id', '=', municipalityId)
    .where('phase_id', '=', phaseId)
    .executeTakeFirst();
  const row = await db
    .insertInto('process_phase_items')
    .values({ municipality_id: municipalityId, phase_id: phaseId, position: Number(last?.p ?? 0) + 1, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePhaseItem(db: Db, municipalityId: number, id: number, values: Pick<PhaseItemRow, 'questionnaire_id' | 'title' | 'url'>): Promise<void> {
  await db.updateTable('process_phase_items').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deletePhaseItem(db: Db, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('process_phase_items').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}
