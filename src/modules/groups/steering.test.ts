// The steering group at work: members added by e-mail (roles), threads and their resolution, reviews with their
// history and the officer's view of each seat, the edition recording the reviews, and who may see and do what
// (a steering member reads drafts but edits nothing; other municipalities and plain group members see nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, type TestEnv } from '../../../test/support.js';
import { paths } from '../../../test/paths.js';
import { seedSteering, type SteeringSide } from '../../../test/steering.fixture.js';
import { DEMO_SLUG, seedDemo } from '../demo/index.js';

describe.each(engines)('steering group on %s', (engine) => {
  let env: TestEnv;
  let A: SteeringSide;
  let B: SteeringSide;
  let admin: Client;
  let member: Client;
  let second: Client;
  let outsider: Client;
  let memberId: number;

  const person = async (mid: number, email: string, name: string, role: 'group_member' | 'editor' | 'steering_member') => {
    const id = await env.services.auth.createUser({ email, name, password: PASSWORD });
    await env.services.auth.addMembership(mid, id, role);
    return id;
  };
  const roleOf = async (mid: number, userId: number) => (await env.services.auth.membershipOf(mid, userId))?.role;
  const seat = (side: SteeringSide, email: string, name: string, s = 'schools') =>
    admin.post(paths.adminSteeringMembers(side.slug, side.groupId), { name, email, seat: s, represents: `${name} e. V.` });

  beforeAll(async () => {
    env = await createTestEnv(engine);
    ({ A, B } = await seedSteering(env));
    admin = new Client(env);
    await admin.signIn(A.adminEmail, PASSWORD);
    // A plain group member is seated and becomes steering_member; an editor keeps their role.
    memberId = await person(A.municipalityId, 'mitglied@amstadt.example', 'Mitglied Meyer', 'group_member');
    expect((await seat(A, 'mitglied@amstadt.example', 'Mitglied Meyer')).status).toBe(303);
    const editorId = (await env.services.auth.findUserByEmail(A.editorEmail))!.id;
    expect((await seat(A, A.editorEmail, 'Redaktion Amstadt', 'offices')).status).toBe(303);
    expect(await roleOf(A.municipalityId, editorId)).toBe('editor');
    await person(A.municipalityId, 'zweite@amstadt.example', 'Zweite Schulz', 'group_member');
    await seat(A, 'zweite@amstadt.example', 'Zweite Schulz', 'clubs');
    await person(A.municipalityId, 'aussen@amstadt.example', 'Außen Vor', 'group_member');
    member = new Client(env);
    await member.signIn('mitglied@amstadt.example', PASSWORD);
    second = new Client(env);
    await second.signIn('zweite@amstadt.example', PASSWORD);
    outsider = new Client(env);
    await outsider.signIn('aussen@amstadt.example', PASSWORD);
  });
  afterAll(() => env.close());

  it('adds people by e-mail: a member becomes steering_member, a new address is invited with a link to hand over', async () => {
    expect(await roleOf(A.municipalityId, memberId)).toBe('steering_member');
    const res = await seat(A, 'neu@example.org', 'Neu Person', 'youth_council');
    expect(res.status).toBe(303);
    const page = await admin.get(res.location!);
    expect(page.body).toContain('Neu Person');
    expect(page.body).toContain('Einladung noch nicht angenommen');
    expect(page.body).toContain('Geben Sie diesen Link an neu@example.org weiter');
    expect(page.body).toMatch(/http[^<\s]*passwort[^<\s]*/i);
    const invited = await env.services.auth.findUserByEmail('neu@example.org');
    expect(invited?.password_hash).toBeNull();
    expect(await roleOf(A.municipalityId, invited!.id)).toBe('steering_member');
    // An account of another municipality is asked to join: seated, but no member here until they accept.
    const join = await seat(A, B.editorEmail, 'Gast Bedorf', 'other');
    expect(join.status).toBe(303);
    const joined = await admin.get(join.location!);
    expect(joined.body).toContain('hat bereits ein Konto');
    expect(joined.body).toMatch(new RegExp(`${B.editorEmail.replace('.', '\\.')}<span class="meta"> \\(Einladung noch nicht angenommen`));
    expect(await roleOf(A.municipalityId, (await env.services.auth.findUserByEmail(B.editorEmail))!.id)).toBeUndefined();
    // The same person twice in the same group: refused at the field.
    const again = await seat(A, 'mitglied@amstadt.example', 'Mitglied Meyer');
    expect(again.status).toBe(400);
    expect(again.body).toContain('schon Mitglied dieser Lenkungsgruppe');
  });

  it('a steering member reads the draft but every edit route refuses them', async () => {
    expect((await member.get(paths.adminPlan(A.slug, A.draftPlanId))).status).toBe(200);
    expect((await member.get(paths.adminMeasure(A.slug, A.draftMeasureId))).status).toBe(200);
    expect((await member.get(paths.adminPlanPreview(A.slug, A.draftPlanId))).status).toBe(200);
    const gets = [
      paths.adminPlanNew(A.slug), paths.adminPlanEdit(A.slug, A.draftPlanId), paths.adminPlanDelete(A.slug, A.draftPlanId), paths.adminPlanRenumber(A.slug, A.draftPlanId),
      paths.adminFieldNew(A.slug, A.draftPlanId), paths.adminField(A.slug, A.fieldId), paths.adminFieldDelete(A.slug, A.fieldId),
      paths.adminVisionNew(A.slug, A.fieldId), paths.adminVision(A.slug, A.visionId), paths.adminVisionDelete(A.slug, A.visionId),
      paths.adminGuidingGoalNew(A.slug, A.planId), paths.adminGuidingGoal(A.slug, A.guidingGoalId), paths.adminGuidingGoalDelete(A.slug, A.guidingGoalId),
      paths.adminGoalNew(A.slug, A.fieldId), paths.adminGoal(A.slug, A.draftGoalId), paths.adminGoalDelete(A.slug, A.draftGoalId),
      paths.adminMeasureNew(A.slug, A.fieldId), paths.adminMeasureEdit(A.slug, A.draftMeasureId), paths.adminMeasureDelete(A.slug, A.draftMeasureId),
      paths.adminActors(A.slug), paths.adminActorNew(A.slug), paths.adminActor(A.slug, A.actorId), paths.adminWordings(A.slug),
      paths.adminPlanContinue(A.slug, A.planId), paths.adminUsers(A.slug), paths.adminSettings(A.slug), paths.adminImport(A.slug),
      paths.adminSteering(A.slug), paths.adminSteeringGroup(A.slug, A.groupId), paths.adminRounds(A.slug),
    ];
    for (const p of gets) expect((await member.get(p)).status, p).toBe(403);
    const posts: Array<[string, Record<string, string>]> = [
      [paths.adminPlanNew(A.slug), { title: 'X' }], [paths.adminPlanEdit(A.slug, A.draftPlanId), { title: 'X' }],
      [paths.adminPlanState(A.slug, A.draftPlanId), { state: 'published' }], [paths.adminPlanDelete(A.slug, A.draftPlanId), {}],
      [paths.adminPlanRenumber(A.slug, A.draftPlanId), {}], [paths.adminFieldNew(A.slug, A.draftPlanId), { title: 'X' }],
      [paths.adminField(A.slug, A.fieldId), { title: 'X' }], [paths.adminFieldMove(A.slug, A.fieldId), { direction: 'down' }],
      [paths.adminFieldDelete(A.slug, A.fieldId), {}], [paths.adminVision(A.slug, A.visionId), { text: 'X' }],
      [paths.adminGoal(A.slug, A.draftGoalId), { text: 'X' }], [paths.adminGoalDelete(A.slug, A.draftGoalId), {}],
      [paths.adminMeasureNew(A.slug, A.fieldId), { text: 'X' }], [paths.adminMeasureEdit(A.slug, A.draftMeasureId), { text: 'X' }],
      [paths.adminMeasureMove(A.slug, A.draftMeasureId), { direction: 'down' }], [paths.adminMeasureDelete(A.slug, A.draftMeasureId), {}],
      [paths.adminMeasureStatus(A.slug, A.draftMeasureId), { status_label: 'Erledigt' }], [paths.adminMeasureNote(A.slug, A.draftMeasureId), { text: 'X' }],
      [paths.adminActorNew(A.slug), { name: 'X' }], [paths.adminWordingNew(A.slug), { label: 'X' }],
      [paths.adminPlanEditions(A.slug, A.draftPlanId), { label: '9.0' }], [paths.adminPlanContinue(A.slug, A.planId), { title: 'X' }],
      [paths.adminSteeringNew(A.slug), { plan_id: String(A.planId) }], [paths.adminSteeringMembers(A.slug, A.groupId), { name: 'X', email: 'x@example.org', seat: 'other' }],
    ];
    for (const [p, form] of posts) expect((await member.post(p, form)).status, p).toBe(403);
  });

  it('threads: a member comments, another replies, the author or the officer resolves; resolved threads fold and stay readable', async () => {
    const res = await member.post(paths.adminMeasureComment(A.slug, A.draftMeasureId), { text: 'Bitte auch abends anbieten' });
    expect(res.status).toBe(303);
    expect(res.location).toMatch(new RegExp(`/massnahmen/${A.draftMeasureId}#kommentar-\\d+$`));
    const threadId = Number(res.location!.split('#kommentar-')[1]);
    expect((await second.post(paths.adminCommentReply(A.slug, threadId), { text: 'Stimme zu', zurueck: 'pruefung' })).location).toContain(paths.adminPlanReview(A.slug, A.draftPlanId));
    // Someone else's thread: a member may not resolve it.
    expect((await second.post(paths.adminCommentResolve(A.slug, threadId), { resolved: '1' })).status).toBe(403);
    let page = await member.get(paths.adminMeasure(A.slug, A.draftMeasureId));
    expect(page.body).toContain('Kommentare der Lenkungsgruppe');
    expect(page.body).toContain('Bitte auch abends anbieten');
    expect(page.body).toContain('Stimme zu');
    expect(page.body).toContain('2 offene Diskussionen');
    // The officer resolves it: folded into a closed <details>, still readable.
    expect((await admin.post(paths.adminCommentResolve(A.slug, threadId), { resolved: '1' })).status).toBe(303);
    page = await member.get(paths.adminMeasure(A.slug, A.draftMeasureId));
    expect(page.body).toMatch(/<details><summary>Erledigt: Kommentar von Mitglied Meyer \(2 Beiträge\), erledigt von Admin Amstadt/);
    expect(page.body).toContain('Bitte auch abends anbieten');
    expect(page.body).toContain('1 offene Diskussion.');
    // A reply opens it again; its author resolves it again.
    await second.post(paths.adminCommentReply(A.slug, threadId), { text: 'Noch eine Frage' });
    expect((await env.services.comments.get(A.municipalityId, threadId)).resolved_at).toBeNull();
    expect((await member.post(paths.adminCommentResolve(A.slug, threadId), { resolved: '1' })).status).toBe(303);
    expect((await env.services.comments.get(A.municipalityId, threadId)).resolved_by_name).toBe('Mitglied Meyer');
    // The review page lists every goal and measure with its threads and the counts of open ones.
    const review = await member.get(paths.adminPlanReview(A.slug, A.draftPlanId));
    expect(review.status).toBe(200);
    expect(review.body).toContain(`id="ziel-${A.draftGoalId}"`);
    expect(review.body).toContain(`id="massnahme-${A.draftMeasureId}"`);
    expect(review.body).toContain('1 offen von 2 Diskussionen');
  });

  it('comments belong to drafts: the published plan takes none', async () => {
    expect((await member.post(paths.adminMeasureComment(A.slug, A.measureId), { text: 'Zu spät' })).status).toBe(403);
    expect((await admin.post(paths.adminMeasureComment(A.slug, A.measureId), { text: 'Zu spät' })).status).toBe(403);
  });

  it('reviews: a change of mind adds an entry; the officer sees each seat on the group page and the workspace', async () => {
    expect((await member.post(paths.adminPlanReviewVote(A.slug, A.draftPlanId), { state: 'approved' })).status).toBe(303);
    const refused = await member.post(paths.adminPlanReviewVote(A.slug, A.draftPlanId), { state: 'changes_requested', comment: '' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Bitte begründen Sie');
    expect((await member.post(paths.adminPlanReviewVote(A.slug, A.draftPlanId), { state: 'changes_requested', comment: 'Ziel 1 schärfen' })).status).toBe(303);
    expect((await second.post(paths.adminPlanReviewVote(A.slug, A.draftPlanId), { state: 'approved' })).status).toBe(303);
    const history = await env.services.approvals.historyOf(A.municipalityId, A.draftPlanId, memberId);
    expect(history.map((h) => h.state)).toEqual(['changes_requested', 'approved']);
    const own = await member.get(paths.adminPlanReview(A.slug, A.draftPlanId));
    expect(own.body).toContain('Ihre bisherigen Voten');
    // A member does not see the other seats' states.
    expect(own.body).not.toContain('Stand der Prüfung');

    const group = await admin.get(paths.adminSteeringGroup(A.slug, A.groupId));
    expect(group.body).toContain('Stand der Prüfung');
    expect(group.body).toMatch(/Mitglied Meyer[\s\S]*?Änderungen erbeten[\s\S]*?Ziel 1 schärfen/);
    expect(group.body).toMatch(/Zweite Schulz[\s\S]*?Zugestimmt/);
    expect(group.body).toMatch(/Frau Apfel[\s\S]*?Noch kein Votum/);
    const workspace = await admin.get(paths.adminPlan(A.slug, A.draftPlanId));
    expect(workspace.body).toContain('Prüfung durch die Lenkungsgruppe');
    expect(workspace.body).toContain('1 zugestimmt, 1 mit Änderungswünschen');
    // Before the publish action.
    expect(workspace.body.indexOf('Zustand ändern')).toBeGreaterThan(0);
    expect(workspace.body.indexOf('Prüfung durch die Lenkungsgruppe</h2>')).toBeLessThan(workspace.body.indexOf('Zustand ändern'));
    // A steering member sees the workspace without the officer's section.
    expect((await member.get(paths.adminPlan(A.slug, A.draftPlanId))).body).not.toContain('Prüfung durch die Lenkungsgruppe</h2>');
  });

  it('an edition made from the plan records the reviews, shows who approved and when, and a new review begins', async () => {
    const res = await admin.post(paths.adminPlanEditions(A.slug, A.draftPlanId), { label: '2.0' });
    expect(res.status).toBe(303);
    const editionId = Number(res.location!.split('/').pop());
    const rows = await env.db.kysely.selectFrom('plan_approvals').select(['edition_id']).where('plan_id', '=', A.draftPlanId).execute();
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.edition_id === editionId)).toBe(true);
    const page = await admin.get(res.location!);
    expect(page.body).toContain('Voten der Lenkungsgruppe');
    expect(page.body).toMatch(/Zweite Schulz[\s\S]*?Zugestimmt/);
    expect(page.body).toMatch(/Mitglied Meyer[\s\S]*?Änderungen erbeten/);
    // Only the latest entry per person is shown on the edition.
    expect(page.body.match(/Mitglied Meyer/g)?.length).toBe(1);
    const review = await env.services.approvals.reviewOf(A.municipalityId, A.draftPlanId);
    expect(review!.summary.approved).toBe(0);
    expect((await member.get(paths.adminPlanReview(A.slug, A.draftPlanId))).body).toContain('mit einer Fassung festgehalten');
  });

  it('another municipality sees nothing: B addresses and B ids under A are 404, nothing of B shows', async () => {
    for (const p of [paths.adminPlanReview(B.slug, B.draftPlanId), paths.adminPlanReview(A.slug, B.draftPlanId), paths.adminMeasureComment(A.slug, B.draftMeasureId), paths.adminCommentReply(A.slug, B.commentId)]) {
      const res = await member.get(p);
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain(B.secretWord);
    }
    expect((await member.post(paths.adminCommentResolve(A.slug, B.commentId), { resolved: '1' })).status).toBe(404);
    expect((await member.post(paths.adminPlanReviewVote(A.slug, B.draftPlanId), { state: 'approved' })).status).toBe(404);
    expect((await admin.post(paths.adminSteeringNew(A.slug), { plan_id: String(B.planId) })).status).toBe(404);
    expect(await env.db.kysely.selectFrom('plan_approvals').select('id').where('plan_id', '=', B.draftPlanId).execute()).toEqual([]);
  });

  it('a plain group member, or a steering member of another plan, can neither read the drafts nor comment', async () => {
    expect((await outsider.get(paths.adminPlan(A.slug, A.draftPlanId))).status).toBe(403);
    expect((await outsider.get(paths.adminPlanReview(A.slug, A.draftPlanId))).status).toBe(403);
    expect((await outsider.post(paths.adminMeasureComment(A.slug, A.draftMeasureId), { text: 'Hallo' })).status).toBe(403);
    expect((await outsider.post(paths.adminPlanReviewVote(A.slug, A.draftPlanId), { state: 'approved' })).status).toBe(403);
    // A steering group for the published plan with someone who sits only there.
    const system = { userId: null, name: 'Test' };
    const other = await env.services.steering.create(A.municipalityId, A.planId, system);
    await env.services.steering.seatWithoutInvitation(A.municipalityId, other, { name: 'Nur Dort', email: 'dort@amstadt.example', seat: 'clubs', represents: '' }, system);
    const dortId = (await env.services.auth.findUserByEmail('dort@amstadt.example'))!.id;
    await env.services.auth.setPassword(dortId, PASSWORD);
    const dort = new Client(env);
    await dort.signIn('dort@amstadt.example', PASSWORD);
    expect((await dort.get(paths.adminPlanReview(A.slug, A.draftPlanId))).status).toBe(403);
    expect((await dort.post(paths.adminMeasureComment(A.slug, A.draftMeasureId), { text: 'Hallo' })).status).toBe(403);
    expect((await dort.post(paths.adminPlanReviewVote(A.slug, A.draftPlanId), { state: 'approved' })).status).toBe(403);
    // Their landing is the list of plans they review, which names only their own.
    const landing = await dort.get(paths.adminReviews(A.slug));
    expect(landing.body).toContain('Integrationsplan Amstadt');
    expect(landing.body).not.toContain('Geheimer Entwurf');
  });

  it('comments and reviews are internal: no public page or export shows them', async () => {
    const system = { userId: null, name: 'Test' };
    const group = await env.services.steering.groupOfPlan(A.municipalityId, A.planId);
    const viewer = { userId: memberId, name: 'Mitglied Meyer', role: 'steering_member', isInstanceAdmin: false };
    await env.services.steering.seatWithoutInvitation(A.municipalityId, group!.id, { name: 'Mitglied Meyer', email: 'mitglied@amstadt.example', seat: 'schools', represents: '' }, system);
    await env.services.approvals.record(A.municipalityId, A.planId, { state: 'changes_requested', comment: 'Internes Votum Quitte' }, viewer);
    const anon = new Client(env);
    for (const p of [`/${A.slug}`, paths.measure(A.slug, A.measureId), paths.catalogue(A.slug), paths.plan(A.slug, A.planId), paths.field(A.slug, A.fieldId)]) {
      const res = await anon.get(p);
      expect(res.status, p).toBe(200);
      expect(res.body).not.toContain('Internes Votum Quitte');
      expect(res.body).not.toContain('Mitglied Meyer');
      expect(res.body).not.toContain('Lenkungsgruppe');
    }
    const json = await anon.getBytes(paths.planExport(A.slug, A.planId, 'json'));
    expect(json.status).toBe(200);
    expect(json.bytes.toString('utf8')).not.toContain('Internes Votum Quitte');
  });

  it('removing the last seat of a steering_member ends their reading of drafts', async () => {
    const members = await env.services.steering.members(A.municipalityId, A.groupId);
    const zweite = members.find((m) => m.display_name === 'Zweite Schulz')!;
    expect((await admin.post(paths.adminSteeringMemberRemove(A.slug, A.groupId, zweite.id), {})).status).toBe(303);
    expect(await roleOf(A.municipalityId, zweite.user_id!)).toBeUndefined();
    expect((await second.get(paths.adminPlan(A.slug, A.draftPlanId))).status).toBe(404);
    // Their review stays in the history of the edition.
    expect((await env.services.approvals.ofEdition(A.municipalityId, (await env.services.editions.list(A.municipalityId, A.draftPlanId))[0].id)).some((e) => e.member_name === 'Zweite Schulz')).toBe(true);
  });
});

describe.each(engines)('the demo steering group on %s', (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedDemo(env.services);
  });
  afterAll(() => env.close());

  it('has eleven seats filled by clearly named demo people, and a few reviews; comments only where a draft exists', async () => {
    const municipality = (await env.services.municipalities.findBySlug(DEMO_SLUG))!;
    const [group] = await env.services.steering.list(municipality.id);
    expect(group.title).toContain('Demo');
    const members = await env.services.steering.members(municipality.id, group.id);
    expect(members).toHaveLength(11);
    expect(new Set(members.map((m) => m.seat)).size).toBe(11);
    for (const m of members) expect(m.display_name).toMatch(/^Demo: /);
    const review = await env.services.approvals.reviewOf(municipality.id, group.plan_id);
    expect(review!.summary).toEqual({ approved: 4, changes: 1, pending: 6 });
    const plan = await env.services.plans.getPlan(municipality.id, group.plan_id);
    const comments = [...(await env.services.comments.threadsOfPlan(municipality.id, plan.id)).values()].flat();
    expect(comments.length).toBe(['draft', 'in_review'].includes(plan.state) ? 2 : 0);
    // The demo people cannot sign in: none has a password.
    for (const m of members) expect((await env.services.auth.findUserByEmail(m.email!))!.password_hash).toBeNull();
  });
});
