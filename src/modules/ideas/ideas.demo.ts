// The demo municipality's residents' voices: ideas for the first fields of action and comments on a measure and a
// goal, some approved, some answered by the city, one idea attached to a measure, and one still in the queue.
import type { DemoContext, Services } from '../../platform/module.js';
import { allMeasures } from '../plan/index.js';

const none = { name: '', email: '', honeypot: false };

export async function addDemoIdeas(services: Services, demo: DemoContext): Promise<void> {
  const mid = demo.municipalityId;
  const ideas = services.ideas;
  const plan = await services.plans.findCurrentPublishedPlan(mid);
  if (!plan) return;
  const tree = await services.plans.tree(mid, plan.id);
  const field = tree.fields[0];
  if (!field) return;
  const measures = allMeasures(tree).filter((m) => m.number !== null);
  const fieldSubject = await ideas.publicSubject(mid, 'field', field.id);

  const cafe = await ideas.submit(mid, 'idea', fieldSubject, { title: 'Sprachcafé am Samstagvormittag', body: 'Viele Eltern arbeiten unter der Woche. Ein Sprachcafé am Samstag mit Kinderbetreuung würde helfen.', ...none, name: 'Leyla' }, 'de');
  const app = await ideas.submit(mid, 'idea', fieldSubject, { title: 'Kurstermine in einer App', body: 'Alle Deutschkurse der Stadt an einem Ort, mit Filter nach Uhrzeit und Kinderbetreuung.', ...none }, 'de');
  await ideas.submit(mid, 'idea', fieldSubject, { title: 'Patenschaften für Neuangekommene', body: 'Ehrenamtliche begleiten neue Familien in den ersten Wochen zu Ämtern.', ...none, name: 'Familie Novak' }, 'de');
  if (cafe.kind === 'kept') {
    await ideas.answer(mid, cafe.id, 'Danke für die Idee! Wir prüfen mit der VHS einen Termin am Samstag ab dem Herbst.', demo.by);
    if (measures[0]?.number) await ideas.attachToMeasure(mid, cafe.id, measures[0].number, demo.by);
  }
  if (app.kind === 'kept') await ideas.approve(mid, app.id, demo.by);

  const measure = measures[0];
  if (measure) {
    const subject = await ideas.publicSubject(mid, 'measure', measure.id);
    const first = await ideas.submit(mid, 'comment', subject, { title: '', body: 'Gibt es die Kurse auch abends? Tagsüber arbeite ich.', ...none, name: 'Tomasz' }, 'de');
    const second = await ideas.submit(mid, 'comment', subject, { title: '', body: 'Sehr gute Maßnahme, mein Kurs hat mir viel gebracht.', ...none }, 'de');
    if (first.kind === 'kept') await ideas.answer(mid, first.id, 'Ja: Ab März gibt es zwei Abendkurse (Montag und Mittwoch, 18 Uhr) in der VHS.', demo.by);
    if (second.kind === 'kept') await ideas.approve(mid, second.id, demo.by);
  }
  const goal = field.goals[0];
  if (goal) {
    const subject = await ideas.publicSubject(mid, 'goal', goal.id);
    await ideas.submit(mid, 'comment', subject, { title: '', body: 'Bitte auch an die Großeltern denken, die Enkel betreuen.', ...none }, 'de');
  }
}
