// Every route of the steering group, four outcomes: not signed in, bad input, other municipality, success. On
// SQLite and, where configured (always in CI), on PostgreSQL.
import { seedTwoMunicipalities, type Side, type TestEnv } from '../../../test/support.js';
import { describeFourOutcomes, R as route, type RouteCase } from '../../../test/four-outcomes.js';
import { paths } from './steering.paths.js';

export interface SteeringSide extends Side {
  groupId: number;
  memberId: number;
  draftGoalId: number;
  commentId: number;
}

const R = route<SteeringSide>;

const ROUTES: Array<RouteCase<SteeringSide>> = [
  R('steering overview', 'GET', (s) => paths.adminSteering(s.slug), { shows: () => 'Lenkungsgruppe einrichten' }),
  R('set up a steering group', 'POST', (s) => paths.adminSteeringNew(s.slug), {
    valid: (s) => ({ plan_id: String(s.planId) }),
    invalid: { form: () => ({ plan_id: 'kein-Plan' }), keep: 'Für welchen Plan?' },
  }),
  R('steering group', 'GET', (s) => paths.adminSteeringGroup(s.slug, s.groupId), { shows: (s) => `Spurgruppe ${s.secretWord}` }),
  R('add a member', 'POST', (s) => paths.adminSteeringMembers(s.slug, s.groupId), {
    valid: () => ({ name: 'Neu Mitglied', email: 'neu.mitglied@example.org', seat: 'schools', represents: 'Realschule' }),
    invalid: { form: () => ({ name: '', email: 'keine-adresse', seat: '', represents: 'Vertritt-Merker' }), keep: 'Vertritt-Merker' },
  }),
  R('confirm removing a member', 'GET', (s, o) => paths.adminSteeringMemberRemove(s.slug, s.groupId, (o ?? s).memberId), { shows: () => 'Migrantenorganisationen' }),
  R('remove a member', 'POST', (s, o) => paths.adminSteeringMemberRemove(s.slug, s.groupId, (o ?? s).memberId), { valid: () => ({}) }),
  R('plans to review', 'GET', (s) => paths.adminReviews(s.slug), { shows: (s) => `Geheimer Entwurf` }),
  R('review page', 'GET', (s) => paths.adminPlanReview(s.slug, s.draftPlanId), { shows: (s) => `Kommentar ${s.secretWord}` }),
  R('record a review', 'POST', (s) => paths.adminPlanReviewVote(s.slug, s.draftPlanId), {
    valid: () => ({ state: 'changes_requested', comment: 'Bitte Ziel 2 schärfen' }),
    invalid: { form: () => ({ state: 'changes_requested', comment: ' ' }), keep: 'Ich bitte um Änderungen' },
  }),
  R('comment form on a measure', 'GET', (s) => paths.adminMeasureComment(s.slug, s.draftMeasureId), { shows: () => 'Kommentar senden' }),
  R('comment on a measure', 'POST', (s) => paths.adminMeasureComment(s.slug, s.draftMeasureId), {
    valid: () => ({ text: 'Gute Maßnahme, bitte auch abends.' }),
    invalid: { form: () => ({ text: ' ', zurueck: 'pruefung' }), keep: (s) => `Sprachkursangebote ${s.secretWord}ENTWURF ausbauen` },
  }),
  R('comment form on a goal', 'GET', (s) => paths.adminGoalComment(s.slug, s.draftGoalId), { shows: () => 'Kommentar zu Ziel' }),
  R('comment on a goal', 'POST', (s) => paths.adminGoalComment(s.slug, s.draftGoalId), {
    valid: () => ({ text: 'Das Ziel ist zu allgemein.' }),
    invalid: { form: () => ({ text: '' }), keep: (s) => `Mehr Sprachkursangebote für Geflüchtete in ${s.slug === 'amstadt' ? 'Amstadt' : 'Bedorf'}` },
  }),
  R('reply form', 'GET', (s) => paths.adminCommentReply(s.slug, s.commentId), { shows: (s) => `Kommentar ${s.secretWord}` }),
  R('reply', 'POST', (s) => paths.adminCommentReply(s.slug, s.commentId), {
    valid: () => ({ text: 'Danke, wird aufgenommen.' }),
    invalid: { form: () => ({ text: '' }), keep: (s) => `Kommentar ${s.secretWord}` },
  }),
  R('resolve a thread', 'POST', (s) => paths.adminCommentResolve(s.slug, s.commentId), {
    valid: () => ({ resolved: '1' }),
    invalid: { form: () => ({ resolved: 'vielleicht' }), keep: '' },
  }),
];

/** Row counts and contents of every table these routes may write. */
export async function fingerprint(env: TestEnv): Promise<string> {
  const tables = ['working_groups', 'group_members', 'draft_comments', 'plan_approvals', 'memberships', 'users', 'audit_log'] as const;
  const counts = [];
  for (const t of tables) {
    const r = await env.db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts.push(`${t}=${Number(r.n)}`);
  }
  const resolved = await env.db.kysely.selectFrom('draft_comments').select(['id', 'resolved_at']).orderBy('id').execute();
  const roles = await env.db.kysely.selectFrom('memberships').select(['user_id', 'role']).orderBy('id').execute();
  return JSON.stringify({ counts, resolved, roles });
}

/** Both municipalities with a steering group on their draft plan, the admin seated in it, one member and one thread. */
export async function seedSteering(env: TestEnv): Promise<{ A: SteeringSide; B: SteeringSide }> {
  const fx = await seedTwoMunicipalities(env);
  const s = env.services;
  const system = { userId: null, name: 'Test' };
  const withGroup = async (side: Side): Promise<SteeringSide> => {
    const m = side.municipalityId;
    const groupId = await s.steering.create(m, side.draftPlanId, system, { title: `Spurgruppe ${side.secretWord}` });
    const adminId = await s.steering.seatWithoutInvitation(m, groupId, { name: `Admin ${side.slug}`, email: side.adminEmail, seat: 'offices', represents: 'Verwaltung' }, system);
    await s.steering.seatWithoutInvitation(m, groupId, { name: `Frau ${side.secretWord}`, email: `frau@${side.slug}.example`, seat: 'migrant_organisations', represents: `Verein ${side.secretWord}` }, system);
    const members = await s.steering.members(m, groupId);
    const tree = await s.plans.tree(m, side.draftPlanId);
    const admin = await s.auth.findUserByEmail(side.adminEmail);
    const viewer = { userId: admin!.id, name: `Admin ${side.slug}`, role: 'admin', isInstanceAdmin: false };
    const commentId = await s.comments.add(m, 'measure', side.draftMeasureId, `Kommentar ${side.secretWord}`, viewer);
    void adminId;
    return { ...side, groupId, memberId: members[1].id, draftGoalId: tree.fields[0].goals[0].id, commentId };
  };
  return { A: await withGroup(fx.A), B: await withGroup(fx.B) };
}

describeFourOutcomes<SteeringSide>({
  title: 'steering group routes',
  routes: ROUTES,
  seed: seedSteering,
  fingerprint,
  secretsOf: (B) => [`Frau ${B.secretWord}`, `Kommentar ${B.secretWord}`],
});
