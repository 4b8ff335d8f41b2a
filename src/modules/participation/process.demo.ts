// The demo municipality's participation process: a published process for its plan with eight phases around
// today (so that one is current), a kickoff on a Saturday with a programme (and its agenda as a small public
// text document of the phase), two workshops and a video conference per field of action. All of it marked as
// demo data.
import type { DemoContext, Services } from '../../platform/module.js';
import type { EventInput } from './process.schema.js';

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Saturday on or before a day. */
function saturdayBefore(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 1) % 7));
}

const base = {
  description: '', online: false, online_url: '', place_name: '', address: '', accessibility: '', capacity: null, registration: true,
  registration_deadline: null, phase_id: null, group_id: null,
} satisfies Partial<EventInput>;

const TOWN_HALL = { place_name: 'Stadthalle Musterstadt, Großer Saal', address: 'Marktplatz 1\n12345 Musterstadt', accessibility: 'Stufenloser Zugang über den Seiteneingang, Aufzug, barrierefreies WC. Induktionsschleife im Saal.' };

export async function addDemoProcess(services: Services, { municipalityId: m, by }: DemoContext): Promise<void> {
  const plan = await services.plans.findCurrentPublishedPlan(m);
  if (!plan || (await services.processes.ofPlan(m, plan.id))) return;
  const today = services.processes.today();
  const processId = await services.processes.create(
    m,
    plan.id,
    {
      title: 'Gemeinsam zum Integrationsplan – der Beteiligungsprozess',
      description:
        'Beispieldaten: So entsteht die Fortschreibung des Integrationsplans gemeinsam mit Bürgerinnen und Bürgern, Vereinen, Migrantenorganisationen und Verwaltung – vom Auftakt über Befragung und Werkstätten bis zum Beschluss im Gemeinderat.',
    },
    by,
    { state: 'published', isDemo: true },
  );

  const kickoffDay = saturdayBefore(addDays(today, -120));
  const phases: Array<{ kind: 'kickoff' | 'inventory' | 'questionnaire' | 'workshops' | 'draft' | 'steering_review' | 'council' | 'implementation'; title: string; description: string; from: string; to: string | null }> = [
    { kind: 'kickoff', title: 'Auftakt', description: 'Die Auftaktveranstaltung in der Stadthalle: Vorträge, Austausch und der Start in die Handlungsfelder.', from: kickoffDay, to: kickoffDay },
    { kind: 'inventory', title: 'Bestandsaufnahme', description: 'Was gibt es schon? Angebote, Träger und Zahlen werden gesammelt und ausgewertet.', from: addDays(kickoffDay, 1), to: addDays(today, -61) },
    { kind: 'questionnaire', title: 'Befragung', description: 'Alle, die in Musterstadt leben, können online oder auf Papier sagen, was ihnen wichtig ist.', from: addDays(today, -60), to: addDays(today, -15) },
    { kind: 'workshops', title: 'Werkstätten in den Handlungsfeldern', description: 'In Werkstätten und Videokonferenzen je Handlungsfeld werden Ziele und Maßnahmen erarbeitet.', from: addDays(today, -14), to: addDays(today, 30) },
    { kind: 'draft', title: 'Entwurf des Integrationsplans', description: 'Die Verwaltung fasst die Ergebnisse zu einem Entwurf zusammen.', from: addDays(today, 31), to: addDays(today, 75) },
    { kind: 'steering_review', title: 'Beratung in der Lenkungsgruppe', description: 'Die Lenkungsgruppe mit Vertreterinnen und Vertretern aller Beteiligten berät den Entwurf.', from: addDays(today, 76), to: addDays(today, 100) },
    { kind: 'council', title: 'Beschluss im Gemeinderat', description: 'Der Gemeinderat berät und beschließt den Integrationsplan öffentlich.', from: addDays(today, 110), to: addDays(today, 110) },
    { kind: 'implementation', title: 'Umsetzung', description: 'Die Maßnahmen werden umgesetzt; der Stand ist jederzeit öffentlich einsehbar.', from: addDays(today, 111), to: null },
  ];
  const ids: Record<string, number> = {};
  for (const p of phases) ids[p.kind] = await services.processes.addPhase(m, processId, { kind: p.kind, title: p.title, description: p.description, starts_on: p.from, ends_on: p.to }, by);

  // The demo's questionnaire, when there is one.
  const questionnaire = (await services.questionnaires.list(m, { planId: plan.id })).find((q) => q.state !== 'draft') ?? (await services.questionnaires.list(m, {}))[0];
  if (questionnaire) await services.processes.addPhaseItem(m, ids.questionnaire, { questionnaire_id: questionnaire.id, title: '', url: '' }, by);

  const demoEvent = { planId: plan.id, state: 'published' as const, isDemo: true };
  const kickoff = await services.events.create(
    m,
    {
      ...base, ...TOWN_HALL, kind: 'kickoff', title: 'Auftaktveranstaltung zur Integrationsplanung', date: kickoffDay, starts: '10:00', ends: '16:00', capacity: 150,
      description: 'Beispieldaten: Wie entwickeln wir gemeinsam Strategien für das Zusammenleben von Menschen mit und ohne Migrationsgeschichte? Alle Interessierten sind herzlich eingeladen. Dolmetschen und Kinderbetreuung auf Anfrage.',
      registration_deadline: addDays(kickoffDay, -3), phase_id: ids.kickoff,
    },
    by,
    demoEvent,
  );
  const programme = [
    { starts_at: '10:00', title: 'Begrüßung durch den Oberbürgermeister', speaker: 'Oberbürgermeister Max Mustermann' },
    { starts_at: '10:20', title: 'Impulsvortrag: Aus Zugewanderten werden Bürgerinnen und Bürger – Integration nachhaltig gestalten', speaker: 'Dr. Erika Beispiel, Demografie- und Integrationsexpertin' },
    { starts_at: '11:15', title: 'Aus der Arbeit einer Integrationsbeauftragten: eine Aufgabe im Wandel der Zeit', speaker: 'Integrationsbeauftragte der Nachbarstadt' },
    { starts_at: '12:15', title: 'Gemeinsames Mittagessen', speaker: '' },
    { starts_at: '13:15', title: 'Moderierter Start in die Handlungsfelder: Handlungsfelder und Beteiligungsmöglichkeiten', speaker: 'Kontaktstelle für Integration' },
    { starts_at: '14:45', title: 'Herausforderungen, Erfolgs- und Gelingensfaktoren der Integrationsarbeit – Ergebnisse der Tischgruppen', speaker: '' },
    { starts_at: '15:45', title: 'Ausblick und Verabschiedung', speaker: 'Kontaktstelle für Integration' },
  ];
  for (const p of programme) await services.events.addProgrammeItem(m, kickoff, p, by);
  const agenda = [
    'Beispieldaten der Demo-Kommune Musterstadt',
    '',
    'Tagesordnung der Auftaktveranstaltung zur Integrationsplanung',
    `Stadthalle Musterstadt, ${kickoffDay.split('-').reverse().join('.')}`,
    '',
    ...programme.map((p) => `${p.starts_at}  ${p.title}${p.speaker ? ` (${p.speaker})` : ''}`),
    '',
  ].join('\r\n');
  await services.phaseDocuments.upload(m, ids.kickoff, { title: 'Tagesordnung der Auftaktveranstaltung (Beispiel)', kind: 'agenda', isPublic: true, fileName: 'tagesordnung-auftakt.txt', content: Buffer.from(agenda, 'utf8') }, by);

  const workshops = [
    { title: 'Werkstatt: Sprache und Bildung', day: addDays(today, 7), capacity: 25 },
    { title: 'Werkstatt: Arbeit und Ausbildung', day: addDays(today, 14), capacity: 25 },
  ];
  for (const w of workshops) {
    await services.events.create(
      m,
      {
        ...base, kind: 'workshop', title: w.title, date: w.day, starts: '18:00', ends: '20:30', capacity: w.capacity, phase_id: ids.workshops,
        place_name: 'Bürgerhaus Musterstadt, Raum 2', address: 'Schulstraße 5\n12345 Musterstadt', accessibility: 'Erdgeschoss, stufenlos erreichbar. Dolmetschen auf Anfrage bei der Anmeldung.',
        description: 'Beispieldaten: In kleiner Runde erarbeiten wir Ziele und Maßnahmen für das Handlungsfeld. Keine Vorkenntnisse nötig.',
        registration_deadline: addDays(w.day, -2),
      },
      by,
      demoEvent,
    );
  }

  // A video conference per field of action (small online groups, as in Hechingen).
  const tree = await services.plans.tree(m, plan.id);
  for (const [i, field] of tree.fields.entries()) {
    await services.events.create(
      m,
      {
        ...base, kind: 'video', title: `Videokonferenz: ${field.title}`, date: addDays(today, 3 + i * 2), starts: '19:00', ends: '20:30', capacity: 15, phase_id: ids.workshops,
        online: true, online_url: `https://video.example/musterstadt-handlungsfeld-${i + 1}`,
        description: `Beispieldaten: Online-Kleingruppe zum Handlungsfeld „${field.title}“. Den Zugangslink erhalten Sie mit der Bestätigung Ihrer Anmeldung.`,
        accessibility: 'Untertitel (automatisch) verfügbar; Teilnahme auch per Telefon möglich.',
      },
      by,
      demoEvent,
    );
  }
}
