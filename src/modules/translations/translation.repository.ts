// The SQL of content translations. Every function takes the municipality first.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Conn = Kysely<Database>;

export interface StoredText {
  id: number;
  entity_type: string;
  entity_id: number;
  field: string;
  text: string;
  source_hash: string;
  source_text: string;
  state: string;
  origin: string;
  provider: string;
  reviewed_by: number | null;
  reviewer: string | null;
  reviewed_at: string | null;
}

export const storedKey = (t: { entity_type: string; entity_id: number; field: string }) => `${t.entity_type}:${t.entity_id}:${t.field}`;

/** Every stored translation of the municipality into one language, or into every language when `lang` is null. */
export async function listStored(db: Conn, municipalityId: number, lang: string | null): Promise<Array<StoredText & { lang: string }>> {
  let q = db
    .selectFrom('translations as t')
    .leftJoin('users as u', 'u.id', 't.reviewed_by')
    .select(['t.id', 't.entity_type', 't.entity_id', 't.field', 't.lang', 't.text', 't.source_hash', 't.source_text', 't.state', 't.origin', 't.provider', 't.reviewed_by', 'u.name as reviewer', 't.reviewed_at'])
    .where('t.municipality_id', '=', municipalityId);
  if (lang) q = q.where('t.lang', '=', lang);
  return q.execute();
}

export interface TextWrite {
  entityType: string;
  entityId: number;
  field: string;
  lang: string;
  text: string;
  sourceHash: string;
  sourceText: string;
  state: 'draft' | 'reviewed';
  origin: 'person' | 'machine';
  provider: string;
  reviewedBy: number | null;
  reviewedAt: string | null;
}

export async function upsertText(db: Conn, municipalityId: number, existingId: number | null, w: TextWrite, at: string): Promise<void> {
  const values = {
    text: w.text, source_hash: w.sourceHash, source_text: w.sourceText, state: w.state, origin: w.origin, provider: w.provider,
    reviewed_by: w.reviewedBy, reviewed_at: w.reviewedAt, updated_at: at,
  };
  if (existingId !== null) {
    await db.updateTable('translations').set(values).where('municipality_id', '=', municipalityId).where('id', '=', existingId).execute();
  } else {
    await db.insertInto('translations').values({ municipality_id: municipalityId, entity_type: w.entityType, entity_id: w.entityId, field: w.field, lang: w.lang, ...values }).execute();
  }
}

export async function deleteText(db: Conn, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('translations').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}
