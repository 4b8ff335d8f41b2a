import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// Leichte Sprache: texts written as their own texts (not translations) for a subject of the municipality: its
// start page (subject_id 0), the plan overview, a field of action, and a measure, event or questionnaire the
// officer chooses. A text is labelled Leichte Sprache only with the record of its check by a group of test
// readers (group, day, who recorded it) for exactly the body that was checked (checked_hash); a later change
// keeps the record and needs a new check. The checker's thresholds and the glossary of explained words are a
// setting per municipality. A sign-language (DGS) video per subject is kept in the database like documents.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);

  // subject_type: start | plan | field | measure | event | questionnaire
  await tenant(table('easy_texts'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('check_group', 'text')
    .addColumn('checked_on', 'text')
    .addColumn('check_recorded_by', 'text')
    .addColumn('checked_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('easy_texts_subject').unique().on('easy_texts').columns(['municipality_id', 'subject_type', 'subject_id']).execute();

  await tenant(table('easy_settings'))
    .addColumn('max_words', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('max_word_length', 'integer', (c) => c.notNull().defaultTo(15))
    // one explained word a line: "Wort: Erklärung"
    .addColumn('glossary', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('easy_settings_muni').unique().on('easy_settings').column('municipality_id').execute();

  await tenant(table('easy_videos'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('easy_videos_subject').unique().on('easy_videos').columns(['municipality_id', 'subject_type', 'subject_id']).execute();
}
