import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// The participation process: a process per plan with its phases, the events of the process (kickoff,
// workshops, video conferences, information evenings, working-group meetings) with their programme, the
// registrations for them (personal data: deleted a number of days after the event, see the municipality's
// registration_retention_days), and documents (uploads kept in the database, served only as downloads).
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);

  await db.schema.alterTable('municipalities').addColumn('registration_retention_days', 'integer', (c) => c.notNull().defaultTo(30)).execute();

  await tenant(table('processes'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // draft | published
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // kind: kickoff | inventory | questionnaire | workshops | draft | steering_review | council | implementation |
  // next_edition | other. Dates are days (YYYY-MM-DD); a phase without an end lasts until the next one begins.
  await tenant(table('process_phases'))
    .addColumn('process_id', 'integer', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .execute();

  // What belongs to a phase besides its events: a questionnaire, or a link.
  await tenant(table('process_phase_items'))
    .addColumn('phase_id', 'integer', (c) => c.notNull().references('process_phases.id').onDelete('cascade'))
    .addColumn('questionnaire_id', 'integer', (c) => c.references('questionnaires.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // kind: kickoff | workshop | video | info_evening | group_meeting. Instants are ISO UTC (entered in
  // Europe/Berlin). online_url is shown only to registered people (their confirmation), never on a page.
  // group_id: a working group's meeting (the groups module's table; no foreign key across modules' order).
  await tenant(table('events'))
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id').onDelete('set null'))
    .addColumn('phase_id', 'integer', (c) => c.references('process_phases.id').onDelete('set null'))
    .addColumn('group_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('workshop'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('online_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('place_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accessibility', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer')
    .addColumn('registration', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('registration_deadline', 'text')
    // draft | published | cancelled
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await tenant(table('event_programme'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // HH:MM local (Europe/Berlin) on the event's day
    .addColumn('starts_at', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('speaker', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  // state: pending (mail not yet confirmed) | confirmed | waiting (waiting list) | cancelled.
  // needs_json: { interpreter?: language, sign_language?: bool, childcare?: number of children, step_free?: bool, other?: text }.
  // Only SHA-256 of the personal token (confirm, cancel) is kept. Deleted by a job after the retention days.
  await tenant(table('event_registrations'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('needs_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('reminded_at', 'text')
    .execute();

  // owner_type: phase | group | event; kind: minutes | agenda | presentation | other. Served only as a download
  // (Content-Disposition: attachment, nosniff), never executed or shown inline.
  await tenant(table('documents'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  const indexes: Array<[string, string, string[]]> = [
    ['processes_plan', 'processes', ['municipality_id', 'plan_id']],
    ['process_phases_process', 'process_phases', ['municipality_id', 'process_id', 'position']],
    ['process_phase_items_phase', 'process_phase_items', ['municipality_id', 'phase_id', 'position']],
    ['events_muni', 'events', ['municipality_id', 'state', 'starts_at']],
    ['events_phase', 'events', ['municipality_id', 'phase_id']],
    ['events_group', 'events', ['municipality_id', 'group_id', 'starts_at']],
    ['event_programme_event', 'event_programme', ['municipality_id', 'event_id', 'position']],
    ['event_registrations_event', 'event_registrations', ['municipality_id', 'event_id', 'state', 'created_at']],
    ['documents_owner', 'documents', ['municipality_id', 'owner_type', 'owner_id']],
  ];
  for (const [name, tbl, cols] of indexes) await db.schema.createIndex(name).on(tbl).columns(cols).execute();
}
