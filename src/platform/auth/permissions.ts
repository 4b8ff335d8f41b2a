// Roles and what they may do. Adding a role (actor representative, steering-group member …) means adding
// one entry here; routes ask for a permission, never for a role.

export const PERMISSIONS = [
  'admin.enter',
  'plan.read_drafts',
  'plan.edit',
  'plan.publish',
  'plan.delete',
  'status.change',
  'status.change_own',
  'actors.edit',
  'wordings.edit',
  'audit.read',
  'users.manage',
  'municipality.edit',
  'questionnaires.manage',
  'participation.manage',
  'groups.manage',
  'groups.lead',
  'groups.member',
  'drafts.comment',
  'plan.approve',
  'translations.edit',
  'ideas.moderate',
  'offers.manage',
  'offers.edit_own',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'editor', 'actor_rep', 'group_lead', 'group_member', 'steering_member'] as const;
export type Role = (typeof ROLES)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  editor: ['admin.enter', 'plan.read_drafts', 'plan.edit', 'status.change', 'actors.edit', 'questionnaires.manage', 'participation.manage', 'groups.manage', 'translations.edit', 'ideas.moderate', 'offers.manage', 'offers.edit_own'],
  // An actor representative changes the status and notes of the measures their actor leads, and keeps their
  // actor's offers in the Wegweiser; nothing else.
  actor_rep: ['admin.enter', 'status.change_own', 'offers.edit_own'],
  // A resident or partner who leads a working group: its members, requests to join, meetings, documents, tasks.
  group_lead: ['admin.enter', 'groups.lead', 'groups.member'],
  // A member of a working group: its internal area (which groups: their group memberships).
  group_member: ['admin.enter', 'groups.member'],
  // A member of the steering group: reads draft plans, comments on draft goals and measures, approves a plan.
  steering_member: ['admin.enter', 'plan.read_drafts', 'groups.member', 'drafts.comment', 'plan.approve'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: string | null, isInstanceAdmin: boolean, permission: Permission): boolean {
  if (isInstanceAdmin) return true;
  if (!isRole(role)) return false;
  return GRANTS[role].includes(permission);
}
