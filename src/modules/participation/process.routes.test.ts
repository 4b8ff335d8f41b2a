// Every admin route of the participation process and its events, four outcomes: not signed in, bad input,
// other municipality, success; on SQLite and, where configured, on PostgreSQL.
import { describeFourOutcomes, R as route, type RouteCase } from '../../../test/four-outcomes.js';
import { seedTwoMunicipalities, type TestEnv } from '../../../test/support.js';
import { PDF, seedProcess, type ProcessSide } from './process.fixture.js';
import { paths } from './process.paths.js';

const R = route<ProcessSide>;

const eventForm = (s: ProcessSide) => ({
  kind: 'workshop', title: 'Neue Werkstatt', date: '2026-04-18', starts: '10:00', ends: '13:00', place_name: 'Bürgerhaus', address: 'Schulstraße 5',
  accessibility: 'Aufzug', capacity: '30', registration: '1', registration_deadline: '2026-04-15', phase_id: String(s.phaseIds[2]),
});

const ROUTES: Array<RouteCase<ProcessSide>> = [
  R('processes', 'GET', (s) => paths.adminProcesses(s.slug), { shows: (s) => `Beteiligung ${s.secretWord}` }),
  R('process', 'GET', (s) => paths.adminProcess(s.slug, s.processId), { shows: () => 'Werkstattphase' }),
  R('new process form', 'GET', (s) => paths.adminProcessNew(s.slug, s.draftPlanId)),
  R('create process', 'POST', (s) => paths.adminProcessNew(s.slug, s.draftPlanId), {
    valid: () => ({ title: 'Fortschreibung gemeinsam', description: 'Wir laden ein.' }),
    invalid: { form: () => ({ title: '', description: 'Prozess-Merker' }), keep: 'Prozess-Merker' },
  }),
  R('edit process form', 'GET', (s) => paths.adminProcessEdit(s.slug, s.processId), { shows: () => 'Gemeinsam planen' }),
  R('update process', 'POST', (s) => paths.adminProcessEdit(s.slug, s.processId), {
    valid: () => ({ title: 'Umbenannt', description: '' }),
    invalid: { form: () => ({ title: '', description: 'Beschreibung-Merker' }), keep: 'Beschreibung-Merker' },
  }),
  R('publish or unpublish process', 'POST', (s) => paths.adminProcessState(s.slug, s.processId), { valid: () => ({ state: 'draft' }), invalid: { form: () => ({ state: 'geheim' }), keep: '' } }),
  R('confirm process delete', 'GET', (s) => paths.adminProcessDelete(s.slug, s.processId)),
  R('delete process', 'POST', (s) => paths.adminProcessDelete(s.slug, s.processId), { valid: () => ({}) }),

  R('new phase form', 'GET', (s) => paths.adminPhaseNew(s.slug, s.processId)),
  R('create phase', 'POST', (s) => paths.adminPhaseNew(s.slug, s.processId), {
    valid: () => ({ kind: 'implementation', title: 'Umsetzung', starts_on: '2026-06-01' }),
    invalid: { form: () => ({ kind: 'draft', title: 'Phasen-Merker', starts_on: '2026-06-10', ends_on: '2026-06-01' }), keep: 'Phasen-Merker' },
  }),
  R('edit phase form', 'GET', (s) => paths.adminPhase(s.slug, s.phaseIds[2]), { shows: () => 'Werkstattphase' }),
  R('update phase', 'POST', (s) => paths.adminPhase(s.slug, s.phaseIds[2]), {
    valid: () => ({ kind: 'workshops', title: 'Werkstätten', starts_on: '2026-03-02', ends_on: '2026-04-30' }),
    invalid: { form: () => ({ kind: 'werkstatt', title: 'Art-Merker' }), keep: 'Art-Merker' },
  }),
  R('move phase', 'POST', (s) => paths.adminPhaseMove(s.slug, s.phaseIds[1]), { valid: () => ({ direction: 'up' }), invalid: { form: () => ({ direction: 'seitwärts' }), keep: '' } }),
  R('confirm phase delete', 'GET', (s) => paths.adminPhaseDelete(s.slug, s.phaseIds[3])),
  R('delete phase', 'POST', (s) => paths.adminPhaseDelete(s.slug, s.phaseIds[3]), { valid: () => ({}) }),

  R('new phase item form', 'GET', (s) => paths.adminPhaseItemNew(s.slug, s.phaseIds[1])),
  R('create phase item', 'POST', (s) => paths.adminPhaseItemNew(s.slug, s.phaseIds[1]), {
    valid: () => ({ title: 'Ergebnisse der Befragung', url: 'https://example.org/ergebnisse' }),
    invalid: { form: () => ({ title: 'Link-Merker', url: 'javascript:alert(1)' }), keep: 'Link-Merker' },
  }),
  R('edit phase item form', 'GET', (s) => paths.adminPhaseItem(s.slug, s.itemId), { shows: () => 'https://example.org/mehr' }),
  R('update phase item', 'POST', (s) => paths.adminPhaseItem(s.slug, s.itemId), {
    valid: () => ({ title: 'Mehr dazu', url: 'https://example.org/mehr-dazu' }),
    invalid: { form: () => ({ title: 'Titel-Merker', url: '' }), keep: 'Titel-Merker' },
  }),
  R('confirm phase item delete', 'GET', (s) => paths.adminPhaseItemDelete(s.slug, s.itemId)),
  R('delete phase item', 'POST', (s) => paths.adminPhaseItemDelete(s.slug, s.itemId), { valid: () => ({}) }),

  R('phase document upload form', 'GET', (s) => paths.adminPhaseDocumentNew(s.slug, s.phaseIds[2]), { shows: () => 'Werkstattphase' }),
  R('upload phase document', 'POST', (s) => paths.adminPhaseDocumentNew(s.slug, s.phaseIds[2]), { invalid: { keep: 'Dokument-Merker' } }),
  R('download phase document', 'GET', (s) => paths.adminPhaseDocument(s.slug, s.documentId), { type: 'application/pdf' }),
  R('confirm phase document delete', 'GET', (s) => paths.adminPhaseDocumentDelete(s.slug, s.documentId), { shows: (s) => `Protokoll ${s.secretWord}` }),
  R('delete phase document', 'POST', (s) => paths.adminPhaseDocumentDelete(s.slug, s.documentId), { valid: () => ({}) }),

  R('events', 'GET', (s) => paths.adminEvents(s.slug), { shows: (s) => `Entwurfstreffen ${s.secretWord}` }),
  R('event', 'GET', (s) => paths.adminEvent(s.slug, s.onlineEventId), { shows: () => 'Zugangslink hinterlegt' }),
  R('new event form', 'GET', (s) => paths.adminEventNew(s.slug)),
  R('create event', 'POST', (s) => paths.adminEventNew(s.slug), {
    valid: eventForm,
    invalid: { form: (s) => ({ ...eventForm(s), title: 'Zeit-Merker', starts: '14:00', ends: '13:00' }), keep: 'Zeit-Merker' },
  }),
  R('edit event form', 'GET', (s) => paths.adminEventEdit(s.slug, s.eventId), { shows: () => '18:00' }),
  R('update event', 'POST', (s) => paths.adminEventEdit(s.slug, s.eventId), {
    valid: (s) => ({ ...eventForm(s), title: 'Verlegt' }),
    invalid: { form: (s) => ({ ...eventForm(s), title: 'Online-Merker', online: '1', online_url: '' }), keep: 'Online-Merker' },
  }),
  R('publish or cancel event', 'POST', (s) => paths.adminEventState(s.slug, s.eventId), { valid: () => ({ state: 'cancelled' }), invalid: { form: () => ({ state: 'vertagt' }), keep: '' } }),
  R('confirm event delete', 'GET', (s) => paths.adminEventDelete(s.slug, s.eventId)),
  R('delete event', 'POST', (s) => paths.adminEventDelete(s.slug, s.eventId), { valid: () => ({}) }),

  R('new programme item form', 'GET', (s) => paths.adminProgrammeNew(s.slug, s.eventId)),
  R('create programme item', 'POST', (s) => paths.adminProgrammeNew(s.slug, s.eventId), {
    valid: () => ({ starts_at: '18:30', title: 'Impulsvortrag', speaker: 'Dr. Beispiel' }),
    invalid: { form: () => ({ starts_at: 'halb sieben', title: 'Programm-Merker' }), keep: 'Programm-Merker' },
  }),
  R('edit programme item form', 'GET', (s) => paths.adminProgrammeItem(s.slug, s.programmeId), { shows: () => 'Bürgermeisterin' }),
  R('update programme item', 'POST', (s) => paths.adminProgrammeItem(s.slug, s.programmeId), {
    valid: () => ({ starts_at: '18:05', title: 'Begrüßung und Einführung', speaker: '' }),
    invalid: { form: () => ({ starts_at: '18:05', title: '', speaker: 'Redner-Merker' }), keep: 'Redner-Merker' },
  }),
  R('move programme item', 'POST', (s) => paths.adminProgrammeMove(s.slug, s.programmeId), { valid: () => ({ direction: 'down' }), invalid: { form: () => ({ direction: 'weg' }), keep: '' } }),
  R('confirm programme item delete', 'GET', (s) => paths.adminProgrammeDelete(s.slug, s.programmeId)),
  R('delete programme item', 'POST', (s) => paths.adminProgrammeDelete(s.slug, s.programmeId), { valid: () => ({}) }),
];

const TABLES = ['processes', 'process_phases', 'process_phase_items', 'events', 'event_programme', 'documents', 'audit_log'] as const;

/** Row counts and the rows' contents: "nothing written" means this stays equal. */
async function fingerprint(env: TestEnv): Promise<string> {
  const k = env.db.kysely;
  const counts = [];
  for (const t of TABLES) {
    const r = await k.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts.push(`${t}=${Number(r.n)}`);
  }
  const rows = await Promise.all([
    k.selectFrom('processes').select(['title', 'description', 'state']).orderBy('id').execute(),
    k.selectFrom('process_phases').select(['id', 'position', 'kind', 'title', 'starts_on', 'ends_on']).orderBy('id').execute(),
    k.selectFrom('process_phase_items').select(['title', 'url', 'questionnaire_id']).orderBy('id').execute(),
    k.selectFrom('events').select(['title', 'starts_at', 'ends_at', 'state', 'online_url', 'capacity', 'phase_id']).orderBy('id').execute(),
    k.selectFrom('event_programme').select(['position', 'starts_at', 'title', 'speaker']).orderBy('id').execute(),
  ]);
  return JSON.stringify({ counts, rows });
}

describeFourOutcomes<ProcessSide>({
  title: 'participation process routes',
  routes: ROUTES,
  seed: async (e) => {
    const f = await seedTwoMunicipalities(e);
    return { A: await seedProcess(e, f.A), B: await seedProcess(e, f.B) };
  },
  fingerprint,
  secretsOf: () => ['geheimer-raum-4711'],
  send: (client, r, path, _s, mode) => {
    if (r.name !== 'upload phase document') return null;
    return mode === 'valid'
      ? client.upload(path, { title: 'Entwurf Kapitel 1', kind: 'draft', is_public: '1' }, { file: { name: 'entwurf.pdf', content: PDF, type: 'application/pdf' } })
      : client.upload(path, { title: 'Dokument-Merker', kind: 'draft' }, { file: { name: 'programm.exe', content: Buffer.from('MZ\x90\x00binary', 'latin1'), type: 'application/octet-stream' } });
  },
});
