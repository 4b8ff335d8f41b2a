// The demo municipality in Leichte Sprache: the start page (contents, navigation, accessibility statement) and
// the plan overview, both checked by a test-reader group, and one field of action not yet checked, so that it
// shows as Einfache Sprache. No sign-language video: there is no real one, and the slot says so.
import type { DemoContext, Services } from '../../platform/module.js';

export const DEMO_GLOSSARY = [
  'Integration: Integration heißt: Alle Menschen gehören dazu und können mit·machen.',
  'Link: Ein Link ist ein Wort auf einer Internet·seite. Sie klicken auf das Wort. Dann kommen Sie zu einer anderen Seite.',
].join('\n');

export const DEMO_START = `## Willkommen
Das ist die Internet·seite von Musterstadt.
Hier steht der Integrations·plan von Musterstadt.
In dem Plan steht: So leben wir gut zusammen.
Alle Menschen sollen mit·machen können.
Auch Menschen aus anderen Ländern.

## Was gibt es auf dieser Internet·seite?
Sie finden hier:
- den Plan
- die Themen von dem Plan
- die Aufgaben von der Stadt
- Termine und Treffen
- Umfragen

## So finden Sie sich zurecht
Oben auf jeder Seite ist ein Menü.
In dem Menü sind Links.
Ein Link bringt Sie zu einer anderen Seite.
Oben steht: Leichte Sprache.
Dort kommen Sie immer zu den Texten in Leichter Sprache.
Oben steht auch: Gebärden·sprache.
Dort finden Sie später ein Video in Gebärden·sprache.

## Erklärung zur Barriere·freiheit
Barriere·frei heißt: Alle Menschen können die Internet·seite gut benutzen.
Auch Menschen mit Behinderung.
Die Erklärung sagt: Das ist noch schwer.
Dort steht auch: So machen wir es besser.
Finden Sie etwas schwer?
Dann schreiben Sie uns.
Unten auf jeder Seite ist ein Link zu der Erklärung.`;

export const DEMO_PLAN = `## Was ist der Integrations·plan?
In Musterstadt leben Menschen aus vielen Ländern.
Die Stadt möchte: Alle Menschen leben gut zusammen.
Dafür hat die Stadt einen Plan gemacht.
Der Plan gilt von 2023 bis 2030.

## Die Themen von dem Plan
Der Plan hat 7 Themen:
- Arbeit
- Wohnen
- Sprache und Bildung
- Ehren·amt
- Gutes Zusammen·leben
- Schutz vor Hass und Gewalt
- Informationen für alle

## Wer macht mit?
Viele Menschen machen bei dem Plan mit.
Zum Beispiel: das Job·center, die Volks·hoch·schule und Vereine.
Zu jedem Thema gibt es Aufgaben.
Jedes Jahr schreibt die Stadt auf: So weit sind wir.`;

export const DEMO_FIELD = `Deutsch ist wichtig für das Leben in Musterstadt.
Mit Deutsch finden Sie leichter Arbeit.
Und Sie können mit Ihren Nachbarn reden.

## Das macht die Stadt
Es gibt Deutsch·kurse für Erwachsene.
Bei einem Kurs gibt es auch Betreuung für Kinder.
Dann können auch Mütter und Väter lernen.
Neue Menschen in der Stadt bekommen einen Kurs zum Ankommen.
In dem Kurs lernen Sie die Stadt kennen.

## Wo bekommen Sie Hilfe?
Die Kontakt·stelle für Integration hilft Ihnen gerne.
Sie können dort anrufen.
Oder Sie gehen zur Sprech·stunde.`;

export const DEMO_CHECK_GROUP = 'Prüfgruppe Leichte Sprache Musterstadt (Demo)';

export async function addDemoEasyTexts(services: Services, { municipalityId, by }: DemoContext): Promise<void> {
  const easy = services.easy;
  await easy.saveSettings(municipalityId, { maxWords: 10, maxWordLength: 15, glossary: DEMO_GLOSSARY }, by);
  const plan = await services.plans.findCurrentPublishedPlan(municipalityId);
  const start = { type: 'start' as const, id: 0 };
  await easy.save(municipalityId, start, { title: 'Willkommen in Musterstadt', body: DEMO_START }, by);
  await easy.recordCheck(municipalityId, start, { group: DEMO_CHECK_GROUP, on: '2026-03-01' }, by);
  await easy.setPublished(municipalityId, start, true, by);
  if (!plan) return;
  const overview = { type: 'plan' as const, id: plan.id };
  await easy.save(municipalityId, overview, { title: 'Der Integrations·plan von Musterstadt', body: DEMO_PLAN }, by);
  await easy.recordCheck(municipalityId, overview, { group: DEMO_CHECK_GROUP, on: '2026-03-01' }, by);
  await easy.setPublished(municipalityId, overview, true, by);
  const field = (await services.plans.tree(municipalityId, plan.id)).fields.find((f) => f.title === 'Sprache und Bildung');
  if (!field) return;
  const subject = { type: 'field' as const, id: field.id };
  await easy.save(municipalityId, subject, { title: 'Sprache und Bildung', body: DEMO_FIELD }, by);
  await easy.setPublished(municipalityId, subject, true, by);
}
