// Two municipalities with a steering group on each draft plan (the admin seated, one more member, one
// thread): the fixture of the steering group's route and behaviour tests.
import { seedTwoMunicipalities, type Side, type TestEnv } from './support.js';

export interface SteeringSide extends Side {
  groupId: number;
  memberId: number;
  draftGoalId: number;
  commentId: number;
}

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
    await s.steering.seatWithoutInvitation(m, groupId, { name: `Admin ${side.slug}`, email: side.adminEmail, seat: 'offices', represents: 'Verwaltung' }, system);
    await s.steering.seatWithoutInvitation(m, groupId, { name: `Frau ${side.secretWord}`, email: `frau@${side.slug}.example`, seat: 'migrant_organisations', represents: `Verein ${side.secretWord}` }, system);
    const members = await s.steering.members(m, groupId);
    const tree = await s.plans.tree(m, side.draftPlanId);
    const admin = await s.auth.findUserByEmail(side.adminEmail);
    const viewer = { userId: admin!.id, name: `Admin ${side.slug}`, role: 'admin', isInstanceAdmin: false };
    const commentId = await s.comments.add(m, 'measure', side.draftMeasureId, `Kommentar ${side.secretWord}`, viewer);
    return { ...side, groupId, memberId: members[1].id, draftGoalId: tree.fields[0].goals[0].id, commentId };
  };
  return { A: await withGroup(fx.A), B: await withGroup(fx.B) };
}
