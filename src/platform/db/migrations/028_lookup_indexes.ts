import type { Kysely } from 'kysely';

// Indexes for the lookups that had none: each list a page, a job or the API reads by a parent (an actor's
// units, a plan's events, a goal's indicators, a working group's field, a document's owner, an entity's audit
// entries and draft comments, the changes since a moment for digests), so that a municipality's pages cost the
// same with one tenant or with thousands (test/indexes.test.ts shows them used on both engines).
export async function up(db: Kysely<unknown>): Promise<void> {
  const indexes: Array<[string, string, string[]]> = [
    ['actors_parent', 'actors', ['municipality_id', 'parent_id']],
    ['audit_log_entity', 'audit_log', ['municipality_id', 'entity_type', 'entity_id']],
    ['documents_owner', 'documents', ['municipality_id', 'owner_type', 'owner_id']],
    ['draft_comments_entity', 'draft_comments', ['municipality_id', 'entity_type', 'entity_id']],
    ['events_plan', 'events', ['municipality_id', 'plan_id', 'starts_at']],
    ['goals_guiding_goal', 'goals', ['municipality_id', 'guiding_goal_id']],
    ['group_tasks_measure', 'group_tasks', ['municipality_id', 'measure_id']],
    ['indicators_goal', 'indicators', ['municipality_id', 'goal_id']],
    ['indicators_guiding_goal', 'indicators', ['municipality_id', 'guiding_goal_id']],
    ['memberships_actor', 'memberships', ['municipality_id', 'actor_id']],
    ['plan_approvals_edition', 'plan_approvals', ['municipality_id', 'edition_id']],
    ['process_phase_items_questionnaire', 'process_phase_items', ['municipality_id', 'questionnaire_id']],
    ['questionnaire_questions_section', 'questionnaire_questions', ['municipality_id', 'section_id']],
    ['questionnaire_sections_field', 'questionnaire_sections', ['municipality_id', 'field_id']],
    ['round_changes_participant', 'round_changes', ['municipality_id', 'participant_id']],
    ['round_participants_actor', 'round_participants', ['municipality_id', 'actor_id']],
    ['sso_identities_user', 'sso_identities', ['municipality_id', 'user_id']],
    ['status_changes_at', 'status_changes', ['municipality_id', 'changed_at']],
    ['progress_notes_at', 'progress_notes', ['municipality_id', 'created_at']],
    ['working_groups_field', 'working_groups', ['municipality_id', 'field_id']],
    ['working_groups_guiding_goal', 'working_groups', ['municipality_id', 'guiding_goal_id']],
    ['working_groups_priority', 'working_groups', ['municipality_id', 'priority_id']],
    ['yearly_priorities_guiding_goal', 'yearly_priorities', ['municipality_id', 'guiding_goal_id']],
    ['yearly_priority_links_goal', 'yearly_priority_links', ['municipality_id', 'goal_id']],
    ['yearly_priority_links_measure', 'yearly_priority_links', ['municipality_id', 'measure_id']],
  ];
  for (const [name, on, columns] of indexes) await db.schema.createIndex(name).ifNotExists().on(on).columns(columns).execute();
}
