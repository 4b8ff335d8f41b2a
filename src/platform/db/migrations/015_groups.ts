import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// Working groups and the steering group (a working group of kind 'steering' whose members hold stakeholder
// seats): members, requests to join (personal data of the requester, deleted after the decision), tasks linked
// to measures; the steering group's comments on draft goals and measures (threaded, resolvable) and its
// members' approvals of a plan before it is published (copied into the edition made from it).
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);

  // Anchored to one of: a field of action, a guiding goal, a yearly priority (all optional).
  await tenant(table('working_groups'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('working'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('how_to_join', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('field_id', 'integer', (c) => c.references('fields.id').onDelete('set null'))
    .addColumn('guiding_goal_id', 'integer', (c) => c.references('guiding_goals.id').onDelete('set null'))
    .addColumn('priority_id', 'integer', (c) => c.references('yearly_priorities.id').onDelete('set null'))
    .addColumn('join_open', 'integer', (c) => c.notNull().defaultTo(1))
    // active | archived
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A member is a person with an account (user_id) once accepted; role lead | member. A steering-group
  // member holds a seat (a stakeholder group, e.g. migrant_organisations) and says whom they represent.
  await tenant(table('group_members'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('working_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('member'))
    .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seat', 'text')
    .addColumn('represents', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // state: pending | accepted | declined. Name, e-mail and motivation are deleted (the row too) a number of
  // days after the decision.
  await tenant(table('group_join_requests'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('working_groups.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('motivation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await tenant(table('group_tasks'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('working_groups.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('measure_id', 'integer', (c) => c.references('measures.id').onDelete('set null'))
    .addColumn('due_on', 'text')
    // open | done
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // A steering-group member's comment on a draft goal or measure (entity_type goal | measure); replies point
  // to their thread's first comment (parent_id); a thread is resolved as a whole.
  await tenant(table('draft_comments'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('draft_comments.id').onDelete('cascade'))
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by_name', 'text')
    .execute();

  // A member's review of a plan before it is published: state approved | changes_requested.
  // edition_id is set when an edition is made from the plan (the edition records who approved it and when).
  await tenant(table('plan_approvals'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('member_name', 'text', (c) => c.notNull())
    .addColumn('seat', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edition_id', 'integer', (c) => c.references('editions.id').onDelete('set null'))
    .execute();

  const indexes: Array<[string, string, string[]]> = [
    ['working_groups_plan', 'working_groups', ['municipality_id', 'plan_id', 'kind']],
    ['group_members_group', 'group_members', ['municipality_id', 'group_id', 'position']],
    ['group_members_user', 'group_members', ['municipality_id', 'user_id']],
    ['group_join_requests_group', 'group_join_requests', ['municipality_id', 'group_id', 'state']],
    ['group_tasks_group', 'group_tasks', ['municipality_id', 'group_id', 'state']],
    ['draft_comments_entity', 'draft_comments', ['municipality_id', 'plan_id', 'entity_type', 'entity_id']],
    ['plan_approvals_plan', 'plan_approvals', ['municipality_id', 'plan_id', 'created_at']],
  ];
  for (const [name, tbl, cols] of indexes) await db.schema.createIndex(name).on(tbl).columns(cols).execute();
}
