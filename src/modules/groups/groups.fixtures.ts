// Test data of working groups: a group in a side of the two test municipalities, with a lead who can sign in,
// a pending request to join, a task linked to a measure and a minutes PDF.
import { PASSWORD, type Side, type TestEnv } from '../../../test/support.js';

export interface GroupSide extends Side {
  groupId: number;
  memberId: number;
  requestId: number;
  taskId: number;
  documentId: number;
}

const by = { userId: null, name: 'Test' };
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

export async function seedGroup(env: TestEnv, s: Side): Promise<GroupSide> {
  const g = env.services.groups;
  const m = await env.services.municipalities.getBySlug(s.slug);
  const groupId = await g.create(s.municipalityId, s.planId, {
    title: `AG Sprache ${s.secretWord}`, purpose: 'Sprachkurse gemeinsam ausbauen', contact_name: 'Kontaktstelle', contact_email: `ag@${s.slug}.example`,
    how_to_join: 'Einfach anfragen', anchor: `field:${s.fieldId}`, join_open: true,
  }, by);
  await g.addMember(m, groupId, { name: `Lea Leitung ${s.secretWord}`, email: `lead@${s.slug}.example`, role: 'lead' }, by, 'de');
  const memberId = (await g.members(s.municipalityId, groupId))[0].id;
  const requestId = await g.requestToJoin(s.municipalityId, groupId, { name: `Rita Anfrage ${s.secretWord}`, email: `rita@${s.slug}.example`, motivation: 'Ich möchte helfen', website: '' }, 'de');
  const taskId = await g.addTask(s.municipalityId, groupId, { title: `Aufgabe ${s.secretWord}`, measure_id: s.measureId, due_on: '2026-06-30' }, by);
  const documentId = await env.services.groupDocuments.upload(s.municipalityId, groupId, { title: `Protokoll ${s.secretWord}`, kind: 'minutes', isPublic: false, fileName: 'protokoll.pdf', content: PDF }, by);
  const lead = await env.services.auth.findUserByEmail(`lead@${s.slug}.example`);
  await env.services.auth.setPassword(lead!.id, PASSWORD);
  return { ...s, groupId, memberId, requestId, taskId, documentId };
}

