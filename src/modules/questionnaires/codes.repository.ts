// The SQL of access codes. A code row knows its questionnaire, its batch and whether it was used; nothing ties
// it to a response.
import { inBatches } from '../../platform/db/batch.js';
import type { CodeBatch } from './codes.model.js';
import type { Conn } from './questionnaire.repository.js';

export async function highestBatch(db: Conn, municipalityId: number, questionnaireId: number): Promise<number> {
  const r = await db
    .selectFrom('questionnaire_codes')
    .select((eb) => eb.fn.max('batch').as('b'))
    .where('municipality_id', '=', municipalityId)
    .where('questionnaire_id', '=', questionnaireId)
    .executeTakeFirst();
  return Number(r?.b ?? 0);
}

/** Which of these codes the questionnaire has already. */
export async function existingCodes(db: Conn, municipalityId: number, questionnaireId: number, codes: string[]): Promise<Set<string>> {
  const rows = await inBatches(codes, (part) =>
    db.selectFrom('questionnaire_codes').select('code').where('municipality_id', '=', municipalityId).where('questionnaire_id', '=', questionnaireId).where('code', 'in', part).execute(),
  );
  return new Set(rows.map((r) => r.code));
}

export async function insertCodes(db: Conn, municipalityId: number, questionnaireId: number, batch: number, codes: string[]): Promise<void> {
  await inBatches(codes, async (part) => {
    await db
      .insertInto('questionnaire_codes')
      .values(part.map((code) => ({ municipality_id: municipalityId, questionnaire_id: questionnaireId, code, batch, used: 0 })))
      .execute();
    return [];
  });
}

/** Generated and used codes per batch, first batch first. */
export async function codeBatches(db: Conn, municipalityId: number, questionnaireId: number): Promise<CodeBatch[]> {
  const rows = await db
    .selectFrom('questionnaire_codes')
    .select((eb) => ['batch', eb.fn.countAll<number>().as('generated'), eb.fn.sum<number>('used').as('used')])
    .where('municipality_id', '=', municipalityId)
    .where('questionnaire_id', '=', questionnaireId)
    .groupBy('batch')
    .orderBy('batch')
    .execute();
  return rows.map((r) => ({ batch: r.batch, generated: Number(r.generated), used: Number(r.used ?? 0) }));
}

/** The codes of a questionnaire in the order they were made; only unused ones, or one batch, if asked. */
export async function listCodes(db: Conn, municipalityId: number, questionnaireId: number, filter: { unusedOnly?: boolean; batch?: number | null } = {}): Promise<Array<{ code: string; batch: number; used: boolean }>> {
  let q = db.selectFrom('questionnaire_codes').select(['code', 'batch', 'used']).where('municipality_id', '=', municipalityId).where('questionnaire_id', '=', questionnaireId);
  if (filter.unusedOnly) q = q.where('used', '=', 0);
  if (filter.batch) q = q.where('batch', '=', filter.batch);
  const rows = await q.orderBy('batch').orderBy('id').execute();
  return rows.map((r) => ({ code: r.code, batch: r.batch, used: r.used === 1 }));
}
