// Two working groups of the demo municipality, clearly marked as examples: each with a lead and members
// (demo accounts on the .example domain, which never receives mail), a meeting, a task linked to a measure,
// and one of them with a pending request to join.
import { generatePassword } from '../../platform/auth/password.js';
import type { DemoContext, Services } from '../../platform/module.js';
import { allMeasures } from '../plan/index.js';

const PEOPLE = [
  { email: 'ag-sprache-leitung@musterstadt.example', name: 'Amira Demir (Beispiel)', role: 'group_lead' as const },
  { email: 'ag-sprache-mitglied@musterstadt.example', name: 'Jonas Weber (Beispiel)', role: 'group_member' as const },
  { email: 'ag-arbeit-leitung@musterstadt.example', name: 'Petra Schulz (Beispiel)', role: 'group_lead' as const },
  { email: 'ag-arbeit-mitglied@musterstadt.example', name: 'Samir Haddad (Beispiel)', role: 'group_member' as const },
];

export async function addDemoGroups(services: Services, { municipalityId, by }: DemoContext): Promise<void> {
  const plan = (await services.plans.findCurrentPublishedPlan(municipalityId)) ?? (await services.plans.listPlans(municipalityId))[0];
  if (!plan || (await services.groups.list(municipalityId, { kind: 'working' })).length > 0) return;
  const tree = await services.plans.tree(municipalityId, plan.id);
  const field = (word: RegExp) => tree.fields.find((f) => word.test(f.title)) ?? tree.fields[0];
  const userIds: number[] = [];
  for (const p of PEOPLE) {
    const existing = await services.auth.findUserByEmail(p.email);
    const id = existing?.id ?? (await services.auth.createUser({ email: p.email, name: p.name, password: generatePassword() }));
    if (!(await services.auth.membershipOf(municipalityId, id))) await services.auth.addMembership(municipalityId, id, p.role);
    userIds.push(id);
  }
  const groups = [
    {
      title: 'AG Sprache und Bildung (Beispiel)', field: field(/sprach|bildung/i),
      purpose: 'Beispiel-Arbeitsgruppe der Demo: Ehrenamtliche, Schulen, VHS und Verwaltung bringen Sprachkurse, Sprachcafés und Lernpatenschaften voran.',
      how: 'Wir treffen uns einmal im Monat. Willkommen sind alle, die Deutsch unterrichten, Kurse organisieren oder selbst Deutsch lernen.',
      lead: 0, member: 1, meeting: { title: 'Treffen der AG Sprache und Bildung', place: 'Rathaus, Sitzungssaal 2', address: 'Marktplatz 1, 12345 Musterstadt', day: 20 },
      task: 'Übersicht der Sprachkurse für das Begrüßungspaket aktualisieren',
      request: { name: 'Maria Beispiel', email: 'maria.beispiel@example.org', motivation: 'Ich bin pensionierte Lehrerin und möchte im Sprachcafé helfen. (Beispielanfrage der Demo)' },
    },
    {
      title: 'AG Arbeit und Ausbildung (Beispiel)', field: field(/arbeit|ausbildung|beruf/i),
      purpose: 'Beispiel-Arbeitsgruppe der Demo: Jobcenter, Kammern, Betriebe und Migrantenorganisationen verbessern den Weg in Ausbildung und Arbeit.',
      how: 'Die Gruppe trifft sich alle zwei Monate. Betriebe und Ehrenamtliche aus der Berufsbegleitung sind besonders willkommen.',
      lead: 2, member: 3, meeting: { title: 'Treffen der AG Arbeit und Ausbildung', place: 'Jobcenter Musterstadt, Raum 104', address: 'Bahnhofstraße 12, 12345 Musterstadt', day: 27 },
      task: 'Ausbildungsmesse mit Betrieben vorbereiten',
      request: null,
    },
  ];
  const measures = allMeasures(tree);
  const now = new Date();
  for (const [i, g] of groups.entries()) {
    const groupId = await services.groups.create(municipalityId, plan.id, {
      title: g.title, purpose: g.purpose, contact_name: 'Kontaktstelle Integration', contact_email: 'integration@musterstadt.example',
      how_to_join: g.how, anchor: g.field ? `field:${g.field.id}` : '', join_open: true,
    }, by, { isDemo: true });
    await services.groups.addExistingMember(municipalityId, groupId, userIds[g.lead], 'lead', PEOPLE[g.lead].name, by);
    await services.groups.addExistingMember(municipalityId, groupId, userIds[g.member], 'member', PEOPLE[g.member].name, by);
    // The next meeting: the given day of next month, 18:00 to 20:00 Berlin time (17:00 UTC in winter, 16:00 in summer).
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, g.meeting.day, 17, 0));
    await services.groups.addDemoMeeting(municipalityId, groupId, {
      title: g.meeting.title, description: 'Beispieltermin der Demo.', starts_at: day.toISOString(), ends_at: new Date(day.getTime() + 2 * 3600_000).toISOString(),
      place_name: g.meeting.place, address: g.meeting.address, accessibility: 'Stufenloser Zugang, barrierefreie Toilette',
    }, by);
    const measure = (g.field ? measures.filter((m) => m.field_id === g.field!.id) : measures)[0] ?? measures[i] ?? null;
    await services.groups.addTask(municipalityId, groupId, { title: g.task, measure_id: measure?.id ?? null, due_on: new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10) }, by);
    if (g.request) await services.groups.requestToJoin(municipalityId, groupId, { ...g.request, website: '' }, 'de');
  }
}
