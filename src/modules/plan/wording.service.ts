// A municipality's own status wordings, each mapped to a category (DESIGN: status categories).
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import { translator } from '../../platform/i18n/i18n.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import * as measures from './measure.repository.js';
import { wordingKey } from './status.js';
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
    await this.audit.write(municipalityId, by, { action: 'wording.update', entityType: 'status_wording', entityId: id, before, after: input }, async ({ trx, now }) => {
      await repo.updateWording(trx, municipalityId, id, input);
      if (input.category === before.category) return;
      // The measures carrying the wording follow its new category, each with a history entry. Their search
      // text holds the wording, not the category, so no search document changes.
      // The note is part of the plan's content, which is German whatever language the officer reads.
      const note = translator('de')('wording.recategorisedNote', { label: before.label });
      const moved = (await this.carriers(trx, municipalityId, before.label)).filter((m) => m.status_category !== input.category);
      await measures.setMeasuresCategory(trx, municipalityId, moved.map((m) => m.id), input.category, now);
      for (const m of moved) {
        await measures.recordStatusChange(trx, municipalityId, m.id, {
          from: { label: m.status_label, category: m.status_category }, to: { label: m.status_label, category: input.category },
          note, at: now, by,
        });
      }
    });
  }

  /** How many measures carry the wording now: they are re-categorised when its category changes. */
  async carrierCount(municipalityId: number, id: number): Promise<number> {
    const wording = await this.get(municipalityId, id);
    return (await this.carriers(this.db, municipalityId, wording.label)).length;
  }

  private async carriers(db: Kysely<Database>, municipalityId: number, label: string) {
    const key = wordingKey(label);
    return (await measures.listMeasureStatuses(db, municipalityId)).filter((m) => wordingKey(m.status_label) === key);
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
