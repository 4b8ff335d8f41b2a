// The demo municipality's Wegweiser: a language café on Tuesdays (German, Arabic, Turkish, free of charge), the
// counselling office, a sport group of an international association (an actor with no measure, whose public page
// lists its offer), a childcare offer during language courses, and one draft the public does not see.
import type { DemoContext, Services } from '../../platform/module.js';
import { offerSchema, type OfferInput } from './offers.schema.js';

const base = { description: '', street: '', postcode: '', town: 'Musterstadt', district: '', frequency: 'weekly', weekdays: '', start_time: '', end_time: '', exceptions: '', skip_holidays: '1', times_note: '', languages: 'de', target_groups: 'everyone', free_of_charge: '', cost: '', accessibility: '', phone: '', email: '', website: '', state: 'published' };

function input(values: Record<string, string>): OfferInput {
  return offerSchema.parse({ ...base, ...values });
}

export async function addDemoOffers(services: Services, demo: DemoContext): Promise<void> {
  const mid = demo.municipalityId;
  const offers = services.offers;
  await offers.saveSettings(mid, { map_url_template: 'https://www.openstreetmap.org/search?query={address}', stale_days: 180, holiday_region: 'BW', reminder_email: '' }, demo.by);
  const actors = await services.actors.list(mid);
  const named = (name: string) => actors.find((a) => a.name === name)?.id ?? null;
  const officer = { kind: 'officer' as const };
  const plan = await services.plans.findCurrentPublishedPlan(mid);
  const tree = plan ? await services.plans.tree(mid, plan.id) : null;
  const firstField = tree?.fields[0]?.id;

  await offers.create(mid, input({
    title: 'Sprachcafé im Bürgerhaus', category: 'language_cafe', actor_id: String(named('Helferkreise') ?? ''),
    description: 'Deutsch sprechen ohne Druck: bei Tee und Kaffee mit Ehrenamtlichen ins Gespräch kommen. Anfängerinnen und Anfänger sind willkommen, Kinder dürfen mitkommen.',
    street: 'Schillerstraße 12', postcode: '70000', district: 'Altstadt', weekdays: 'TU', start_time: '16:00', end_time: '18:00',
    exceptions: '2026-12-22\n2026-12-29', languages: 'de,ar,tr', target_groups: 'everyone,newcomers,refugees', free_of_charge: '1',
    accessibility: 'Erdgeschoss, stufenloser Eingang, barrierefreies WC.', email: 'sprachcafe@musterstadt.example',
    field_ids: firstField ? String(firstField) : '',
  }), demo.by, officer);

  await offers.create(mid, input({
    title: 'Migrationsberatung für Erwachsene', category: 'counselling', actor_id: String(named('Integrationsmanagement') ?? ''),
    description: 'Beratung zu Aufenthalt, Arbeit, Wohnen, Sprachkursen und Anerkennung von Abschlüssen. Vertraulich und kostenlos.',
    street: 'Marktplatz 1', postcode: '70000', district: 'Altstadt', weekdays: 'MO,TH', start_time: '09:00', end_time: '12:00',
    times_note: 'Außerhalb der offenen Sprechstunde nach Vereinbarung.', languages: 'de,en,ar,uk,ru', target_groups: 'newcomers,refugees,families',
    free_of_charge: '1', accessibility: 'Aufzug vorhanden.', phone: '0711 000000-40', email: 'beratung@musterstadt.example',
  }), demo.by, officer);

  const association = await services.actors.create(mid, { name: 'Internationaler Sportverein Musterstadt e. V.', parent_id: null, description: 'Ein Verein von Zugewanderten und Alteingesessenen: Fußball, Volleyball und Laufen für alle.', contact_email: 'info@isv-musterstadt.example', website: '' }, demo.by);
  await offers.create(mid, input({
    title: 'Offenes Fußballtraining für Jugendliche', category: 'sport', actor_id: String(association),
    description: 'Jeden Freitag offenes Training auf dem Kunstrasenplatz. Keine Anmeldung, keine Vereinsmitgliedschaft nötig; Sportschuhe mitbringen.',
    street: 'Sportplatzweg 3', postcode: '70002', district: 'Nord', weekdays: 'FR', start_time: '17:00', end_time: '19:00',
    languages: 'de,en,fa,ar', target_groups: 'youth', free_of_charge: '1',
  }), demo.by, officer);

  await offers.create(mid, input({
    title: 'Kinderbetreuung während der Integrationskurse', category: 'childcare', actor_id: String(named('Amt für Schulen, Jugend und Vereine') ?? ''),
    description: 'Betreuung für Kinder von 1 bis 6 Jahren, während die Eltern den Integrationskurs besuchen. Bitte bei der Kursanmeldung angeben.',
    street: 'Volkshochschulweg 5', postcode: '70001', district: 'Süd', weekdays: 'MO,TU,WE,TH', start_time: '08:30', end_time: '12:30',
    languages: 'de,tr,uk', target_groups: 'children,families', cost: '2 € pro Vormittag, mit Bonuscard kostenlos',
  }), demo.by, officer);

  await offers.create(mid, input({
    title: 'Nähtreff für Frauen (in Vorbereitung)', category: 'meeting', actor_id: String(named('Helferkreise') ?? ''),
    frequency: 'biweekly', weekdays: 'WE', start_time: '15:00', end_time: '17:00', languages: 'de,ar', target_groups: 'women', free_of_charge: '1', state: 'draft',
  }), demo.by, officer);
}
