// Test data of the participation process: a process with phases around 1 March 2026 (the test clock), a
// published event with an online link and a programme, a cancelled one, a draft one, a working group's meeting,
// and an internal (not public) minutes PDF of the workshop phase.
import type { Side, TestEnv } from '../../../test/support.js';
import type { EventInput } from './process.schema.js';

export const ONLINE_LINK = 'https://video.example/geheimer-raum-4711';

/** A tiny PDF as far as the upload check is concerned (it reads the first bytes). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

export interface ProcessSide extends Side {
  processId: number;
  phaseIds: number[];
  eventId: number;
  onlineEventId: number;
  cancelledEventId: number;
  draftEventId: number;
  groupEventId: number;
  groupId: number;
  programmeId: number;
  itemId: number;
  /** the workshop phase's internal minutes */
  documentId: number;
}

const by = { userId: null, name: 'Test' };

export const eventInput = (over: Partial<EventInput> = {}): EventInput => ({
  kind: 'workshop', title: 'Werkstatt', description: '', date: '2026-03-14', starts: '18:00', ends: '20:00', online: false, online_url: '',
  place_name: 'Rathaus', address: 'Marktplatz 1\n12345 Amstadt', accessibility: 'Stufenlos', capacity: 20, registration: true,
  registration_deadline: '2026-03-12', phase_id: null, group_id: null, ...over,
});

export async function seedProcess(env: TestEnv, s: Side, options: { published?: boolean } = {}): Promise<ProcessSide> {
  const { processes, events } = env.services;
  const m = s.municipalityId;
  const processId = await processes.create(m, s.planId, { title: `Beteiligung ${s.secretWord}`, description: 'Gemeinsam planen' }, by, { state: options.published === false ? 'draft' : 'published' });
  const phaseIds = [
    await processes.addPhase(m, processId, { kind: 'kickoff', title: `Auftakt ${s.secretWord}`, description: '', starts_on: '2026-02-01', ends_on: '2026-02-01' }, by),
    await processes.addPhase(m, processId, { kind: 'questionnaire', title: 'Befragungsphase', description: '', starts_on: '2026-02-02', ends_on: '2026-03-01' }, by),
    await processes.addPhase(m, processId, { kind: 'workshops', title: 'Werkstattphase', description: '', starts_on: '2026-03-02', ends_on: null }, by),
    await processes.addPhase(m, processId, { kind: 'council', title: 'Ratsphase', description: '', starts_on: '2026-05-01', ends_on: '2026-05-01' }, by),
  ];
  const itemId = await processes.addPhaseItem(m, phaseIds[1], { questionnaire_id: null, title: 'Mehr erfahren', url: 'https://example.org/mehr' }, by);
  const published = { planId: s.planId, state: 'published' as const };
  const eventId = await events.create(m, eventInput({ title: `Werkstatt ${s.secretWord}`, phase_id: phaseIds[2] }), by, published);
  const programmeId = await events.addProgrammeItem(m, eventId, { starts_at: '18:00', title: 'Begrüßung', speaker: 'Bürgermeisterin' }, by);
  const onlineEventId = await events.create(m, eventInput({ kind: 'video', title: 'Videokonferenz Sprache', online: true, online_url: ONLINE_LINK, place_name: '', address: '', phase_id: phaseIds[2] }), by, published);
  const cancelledEventId = await events.create(m, eventInput({ title: 'Abgesagter Abend', kind: 'info_evening', date: '2026-03-20' }), by, { planId: s.planId, state: 'cancelled' });
  const draftEventId = await events.create(m, eventInput({ title: `Entwurfstreffen ${s.secretWord}`, date: '2026-03-21', phase_id: phaseIds[2] }), by, { planId: s.planId });
  const now = new Date().toISOString();
  const group = await env.db.kysely
    .insertInto('working_groups')
    .values({ municipality_id: m, plan_id: s.planId, title: `AG Sprache ${s.secretWord}`, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const groupEventId = await events.create(m, eventInput({ kind: 'group_meeting', title: 'Treffen der AG', date: '2026-03-25', group_id: group.id }), by, published);
  const documentId = await env.services.phaseDocuments.upload(m, phaseIds[2], { title: `Protokoll ${s.secretWord}`, kind: 'minutes', isPublic: false, fileName: 'protokoll-intern.pdf', content: PDF }, by);
  return { ...s, processId, phaseIds, eventId, onlineEventId, cancelledEventId, draftEventId, groupEventId, groupId: group.id, programmeId, itemId, documentId };
}
