// Every admin route of working groups (the officer's, the lead's requests, the internal area), four outcomes:
// not signed in, bad input, other municipality, success; on SQLite and, where configured, on PostgreSQL.
import { describeFourOutcomes, R as route, type RouteCase } from '../../../test/four-outcomes.js';
import { seedTwoMunicipalities, type TestEnv } from '../../../test/support.js';
import { PDF, seedGroup, type GroupSide } from './groups.fixtures.js';
import { groupsPaths as paths } from './groups.paths.js';

const R = route<GroupSide>;

const ROUTES: Array<RouteCase<GroupSide>> = [
  R('groups of a plan', 'GET', (s) => paths.adminGroups(s.slug), { bogus: (s) => `${paths.adminGroups(s.slug)}?plan=abc`, shows: (s) => `AG Sprache ${s.secretWord}` }),
  R('new group form', 'GET', (s) => paths.adminGroupNew(s.slug, s.planId)),
  R('create group', 'POST', (s) => paths.adminGroupNew(s.slug, s.planId), {
    valid: (s) => ({ title: 'AG Arbeit', purpose: 'Ausbildung', anchor: `goal:${s.guidingGoalId}`, join_open: '1' }),
    invalid: { form: () => ({ title: '', purpose: 'Zweck-Merker' }), keep: 'Zweck-Merker' },
  }),
  R('edit group form', 'GET', (s) => paths.adminGroupEdit(s.slug, s.groupId), { shows: () => 'Einfach anfragen' }),
  R('update group', 'POST', (s) => paths.adminGroupEdit(s.slug, s.groupId), {
    valid: () => ({ title: 'AG Sprache und Bildung', contact_email: 'neu@amstadt.example' }),
    invalid: { form: () => ({ title: 'Titel-Merker', contact_email: 'keine-adresse' }), keep: 'Titel-Merker' },
  }),
  R('group', 'GET', (s) => paths.adminGroup(s.slug, s.groupId), { shows: (s) => `Lea Leitung ${s.secretWord}` }),
  R('archive group', 'POST', (s) => paths.adminGroupArchive(s.slug, s.groupId), { valid: () => ({ archived: '1' }) }),
  R('add member', 'POST', (s) => paths.adminMembers(s.slug, s.groupId), {
    valid: () => ({ name: 'Neu Mitglied', email: 'neu@amstadt.example', role: 'member' }),
    invalid: { form: () => ({ name: 'Name-Merker', email: 'kaputt', role: 'member' }), keep: 'Name-Merker' },
  }),
  R('confirm member removal', 'GET', (s) => paths.adminGroupMemberRemove(s.slug, s.groupId, s.memberId)),
  R('remove member', 'POST', (s) => paths.adminGroupMemberRemove(s.slug, s.groupId, s.memberId), { valid: () => ({}) }),
  R('requests', 'GET', (s) => paths.adminRequests(s.slug, s.groupId), { shows: (s) => `Rita Anfrage ${s.secretWord}` }),
  R('decide request', 'POST', (s) => paths.adminRequest(s.slug, s.groupId, s.requestId), {
    valid: () => ({ decision: 'decline', note: 'Die Gruppe ist voll.' }),
    invalid: { form: () => ({ decision: 'vielleicht', note: 'Notiz-Merker' }), keep: 'Notiz-Merker' },
  }),
  R('my groups', 'GET', (s) => paths.myGroups(s.slug)),
  R('internal area', 'GET', (s) => paths.internal(s.slug, s.groupId), { shows: (s) => `Protokoll ${s.secretWord}` }),
  R('add task', 'POST', (s) => paths.tasks(s.slug, s.groupId), {
    valid: (s) => ({ title: 'Flyer drucken', measure_id: String(s.measureId), due_on: '2026-05-01' }),
    invalid: { form: () => ({ title: 'Aufgaben-Merker', due_on: '2026-02-30' }), keep: 'Aufgaben-Merker' },
  }),
  R('task done', 'POST', (s) => paths.task(s.slug, s.groupId, s.taskId), { valid: () => ({ state: 'done' }) }),
  R('upload document', 'POST', (s) => paths.documents(s.slug, s.groupId), { invalid: { keep: 'Dokument-Merker' } }),
  R('download document', 'GET', (s) => paths.document(s.slug, s.groupId, s.documentId), { type: 'application/pdf' }),
  R('delete document', 'POST', (s) => paths.documentDelete(s.slug, s.groupId, s.documentId), { valid: () => ({}) }),
];

const TABLES = ['working_groups', 'group_members', 'group_join_requests', 'group_tasks', 'documents', 'memberships', 'users', 'audit_log'] as const;

async function fingerprint(env: TestEnv): Promise<string> {
  const counts = [];
  for (const t of TABLES) {
    const r = await env.db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts.push(`${t}=${Number(r.n)}`);
  }
  const k = env.db.kysely;
  const rows = await Promise.all([
    k.selectFrom('working_groups').select(['title', 'state', 'contact_email', 'field_id', 'guiding_goal_id']).orderBy('id').execute(),
    k.selectFrom('group_join_requests').select(['state', 'decision_note']).orderBy('id').execute(),
    k.selectFrom('group_tasks').select(['title', 'state']).orderBy('id').execute(),
  ]);
  return JSON.stringify({ counts, rows });
}

describeFourOutcomes<GroupSide>({
  title: 'working-group routes',
  routes: ROUTES,
  seed: async (e) => {
    const f = await seedTwoMunicipalities(e);
    return { A: await seedGroup(e, f.A), B: await seedGroup(e, f.B) };
  },
  fingerprint,
  send: (client, r, path, _s, mode) => {
    if (r.name !== 'upload document') return null;
    return mode === 'valid'
      ? client.upload(path, { title: 'Protokoll März', kind: 'minutes' }, { file: { name: 'protokoll-maerz.pdf', content: PDF, type: 'application/pdf' } })
      : client.upload(path, { title: 'Dokument-Merker', kind: 'minutes' }, { file: { name: 'programm.exe', content: Buffer.from('MZ\x90\x00binary', 'latin1'), type: 'application/octet-stream' } });
  },
});
