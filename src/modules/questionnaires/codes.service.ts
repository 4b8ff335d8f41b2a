// Access codes of a questionnaire with access 'codes': the officer makes them in numbered batches (for a
// campaign, a language course, a district) and prints them; each opens the questionnaire once.
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Writer } from '../../platform/module.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { generateCode, MAX_CODES_PER_BATCH, type CodeSummary } from './codes.model.js';
import { codeBatches, existingCodes, highestBatch, insertCodes, listCodes } from './codes.repository.js';
import { findQuestionnaire } from './questionnaire.repository.js';
import type { QuestionnaireHead } from './questionnaire.model.js';

export class CodesNotUsedError extends Error {
  constructor() {
    super('the questionnaire is not answered with access codes');
  }
}

export class CodesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
  ) {}

  private async questionnaire(municipalityId: number, questionnaireId: number): Promise<QuestionnaireHead> {
    const q = await findQuestionnaire(this.db, municipalityId, questionnaireId);
    if (!q) throw new NotFoundError('questionnaire');
    return q;
  }

  /** Makes `count` new codes as the next batch; returns the batch's number. */
  async generate(municipalityId: number, questionnaireId: number, count: number, by: Writer): Promise<{ batch: number; count: number }> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_BATCH) throw new RangeError(`count must be 1…${MAX_CODES_PER_BATCH}`);
    const q = await this.questionnaire(municipalityId, questionnaireId);
    if (q.access !== 'codes') throw new CodesNotUsedError();
    return this.audit.write(
      municipalityId,
      by,
      (r: { batch: number; count: number }) => ({ action: 'questionnaire.codes', entityType: 'questionnaire', entityId: questionnaireId, after: r }),
      async ({ trx }) => {
        const batch = (await highestBatch(trx, municipalityId, questionnaireId)) + 1;
        const fresh = new Set<string>();
        // 31^8 ≈ 8.5 × 10^11 codes: a collision is rare; the loop draws again until the batch is full
        while (fresh.size < count) {
          const wanted: string[] = [];
          while (wanted.length + fresh.size < count) {
            const code = generateCode();
            if (!fresh.has(code) && !wanted.includes(code)) wanted.push(code);
          }
          const taken = await existingCodes(trx, municipalityId, questionnaireId, wanted);
          for (const code of wanted) if (!taken.has(code)) fresh.add(code);
        }
        await insertCodes(trx, municipalityId, questionnaireId, batch, [...fresh]);
        return { batch, count };
      },
    );
  }

  async summary(municipalityId: number, questionnaireId: number): Promise<CodeSummary> {
    await this.questionnaire(municipalityId, questionnaireId);
    const batches = await codeBatches(this.db, municipalityId, questionnaireId);
    return { batches, generated: batches.reduce((a, b) => a + b.generated, 0), used: batches.reduce((a, b) => a + b.used, 0) };
  }

  /** The codes for the printed sheet: all, only the unused ones, or one batch. */
  async forSheet(municipalityId: number, questionnaireId: number, filter: { unusedOnly?: boolean; batch?: number | null }) {
    await this.questionnaire(municipalityId, questionnaireId);
    return listCodes(this.db, municipalityId, questionnaireId, filter);
  }
}
