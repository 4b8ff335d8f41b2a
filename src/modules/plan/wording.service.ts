// A municipality's own status wordings, each mapped to a category (DESIGN: status categories).
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import * as repo from './wording.repository.js';
import type { WordingInput } from './wording.schema.js';

export class WordingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
  ) {}

  list(municipalityId: number) {
    return repo.listWordings(this.db, municipalityId);
  }

  async get(municipalityId: number, id: number) {
    const row = await repo.findWording(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('wording');
    return row;
  }

  private async checkUnique(municipalityId: number, label: string, exceptId: number | null): Promise<void> {
    const all = await this.list(municipalityId);
    if (all.some((w) => w.id !== exceptId && w.label.toLowerCase() === label.toLowerCase())) throw new InvalidInputError({ label: 'errors.wordingTaken' });
  }

  async create(municipalityId: number, input: WordingInput, by: Writer): Promise<number> {
    await this.checkUnique(municipalityId, input.label, null);
    return this.audit.write(municipalityId, by, { action: 'wording.create', entityType: 'status_wording', after: input }, ({ trx }) =>
      repo.appendWording(trx, municipalityId, input),
    );
  }

  async update(municipalityId: number, id: number, input: WordingInput, by: Writer): Promise<void> {
    const before = await this.get(municipalityId, id);
    await this.checkUnique(municipalityId, input.label, id);
    await this.audit.write(municipalityId, by, { action: 'wording.update', entityType: 'status_wording', entityId: id, before, after: input }, async ({ trx }) => {
      await repo.updateWording(trx, municipalityId, id, input);
    });
  }

  async delete(municipalityId: number, id: number, by: Writer): Promise<void> {
    const before = await this.get(municipalityId, id);
    await this.audit.write(municipalityId, by, { action: 'wording.delete', entityType: 'status_wording', entityId: id, before }, async ({ trx }) => {
      await repo.deleteWording(trx, municipalityId, id);
    });
  }

  /** The wordings a new municipality starts with: those of DESIGN's table. */
  async seedDefaults(municipalityId: number): Promise<void> {
    const defaults: WordingInput[] = [
      { label: 'Wird fortgesetzt', category: 'ongoing' },
      { label: 'In Planung', category: 'planned' },
      { label: 'Noch nicht umgesetzt', category: 'not_started' },
      { label: 'In Umsetzung', category: 'in_progress' },
      { label: 'Abgeschlossen', category: 'completed' },
      { label: 'Bedarf wird neu geprüft', category: 'under_review' },
      { label: 'Entfällt', category: 'discontinued' },
    ];
    await repo.insertWordings(this.db, municipalityId, defaults);
  }
}
