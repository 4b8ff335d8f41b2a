// The audit log as people read it: sentences with field labels instead of stored JSON, a filter by person,
// kind of entry and dates in the address, pages of 50 entries; on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEntry } from '../src/modules/municipalities/audit.presenter.js';
import { translator } from '../src/platform/i18n/i18n.js';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

describe('an audit entry in words', () => {
  const t = translator('de');
  it('names who did what to which item, with labelled values before and after', () => {
    const d = describeEntry(t, {
      id: 1, at: '2026-03-01T10:00:00Z', user_name: 'Anna Beispiel', action: 'plan.update', entity_type: 'plan', entity_id: 3,
      before_json: JSON.stringify({ title: 'Alt', edition: '1.0', period_end: 2030 }), after_json: JSON.stringify({ title: 'Neu', edition: '1.0', period_end: 2031 }),
    });
    expect(d.sentence).toBe('Anna Beispiel hat den Plan „Neu“ geändert.');
    // Unchanged values are left out; the rest carry their labels.
    expect(d.changes).toEqual([{ label: 'Titel', before: 'Alt', after: 'Neu' }, { label: 'Zeitraum bis', before: '2030', after: '2031' }]);
  });
  it('says states and moves in words, and never shows raw JSON', () => {
    const state = describeEntry(t, { id: 2, at: '2026-03-01T10:00:00Z', user_name: 'B', action: 'plan.published', entity_type: 'plan', entity_id: 3, before_json: '{"state":"draft"}', after_json: '{"state":"published"}' });
    expect(state.sentence).toBe('B hat den Plan veröffentlicht.');
    expect(state.changes).toEqual([{ label: 'Zustand', before: 'Entwurf', after: 'Veröffentlicht' }]);
    const move = describeEntry(t, { id: 3, at: '2026-03-01T10:00:00Z', user_name: 'C', action: 'goal.move', entity_type: 'goal', entity_id: 4, before_json: null, after_json: '{"direction":"up"}' });
    expect(move.sentence).toBe('C hat das Ziel nach oben verschoben.');
    expect(move.changes).toEqual([]);
    const unknown = describeEntry(t, { id: 4, at: '2026-03-01T10:00:00Z', user_name: 'D', action: 'thing.frobnicate', entity_type: 'thing', entity_id: null, before_json: null, after_json: '{"list":[1,2],"nested":{"a":true}}' });
    expect(unknown.sentence).toContain('D');
    expect(unknown.changes.map((c) => `${c.before} ${c.after}`).join(' ')).toBe('– 1, 2 – Weitere Angabe: ja');
  });
});

describe.each(engines)('the audit log page on %s', (engine) => {
  let env: TestEnv;
  let fx: Fixture;
  let admin: Client;
  const page = (query = '') => admin.get(`${paths.adminAudit(fx.A.slug)}${query}`);

  beforeAll(async () => {
    env = await createTestEnv(engine);
    fx = await seedTwoMunicipalities(env);
    const anna = { userId: null, name: 'Anna Beispiel' };
    // 60 edits by Anna on one day, one field edit by the system two days later: more than one page.
    env.now.value = new Date('2026-03-10T09:00:00Z');
    for (let i = 0; i < 60; i++) await env.services.plans.updateVision(fx.A.municipalityId, fx.A.visionId, { text: `Vision Fassung ${i}` }, anna);
    env.now.value = new Date('2026-03-12T09:00:00Z');
    await env.services.plans.updateField(fx.A.municipalityId, fx.A.fieldId, { title: 'Sprache und Bildung', description: '' }, { userId: null, name: 'Teilhabe' });
    admin = new Client(env);
    await admin.signIn(fx.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  it('reads as sentences with labelled before and after, newest first, 50 to a page', async () => {
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.body).toContain('Teilhabe hat das Handlungsfeld „Sprache und Bildung“ geändert.');
    expect(res.body).toContain('Anna Beispiel hat die Vision „Vision Fassung 59“ geändert.');
    expect(res.body).not.toContain('{&quot;');
    expect(res.body).not.toContain('{"');
    expect(res.body).toMatch(/Seite 1 von 2/);
    expect((res.body.match(/class="audit-entry"/g) ?? []).length).toBe(50);
    expect(res.body).toContain('seite=2');
    const second = await page('?seite=2');
    expect(second.body).toMatch(/Seite 2 von 2/);
    expect(second.body).toContain('Neuere Einträge');
    // A page past the end shows the last page.
    expect((await page('?seite=99')).body).toMatch(/Seite 2 von 2/);
  });

  it('filters by person, kind of entry and dates, and keeps the filter in its links and form', async () => {
    const byPerson = await page('?person=Teilhabe');
    expect(byPerson.body).toContain('Sprache und Bildung');
    expect(byPerson.body).not.toContain('Vision Fassung');
    const byKind = await page('?art=vision&person=Anna+Beispiel');
    expect(byKind.body).toMatch(/60 Einträge, Seite 1 von 2/);
    expect(byKind.body).toContain('person=Anna+Beispiel&amp;art=vision&amp;seite=2');
    expect(byKind.body).toMatch(/<option value="vision" selected="">/);
    const byDay = await page('?von=2026-03-11&bis=2026-03-12');
    expect(byDay.body).toContain('1 Eintrag, Seite 1 von 1');
    expect(byDay.body).toContain('Sprache und Bildung');
    const oneDay = await page('?von=2026-03-10&bis=2026-03-10&art=vision');
    expect(oneDay.body).toMatch(/60 Einträge/);
  });

  it('says at the field when a date is not a date, keeps it, and narrows by nothing else', async () => {
    const res = await page('?von=2026-02-30&person=Teilhabe');
    expect(res.status).toBe(400);
    expect(res.body).toContain('Bitte geben Sie ein Datum als Jahr-Monat-Tag ein');
    expect(res.body).toContain('value="2026-02-30"');
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('shows only the municipality\'s own entries', async () => {
    const res = await page(`?person=${encodeURIComponent('Anna Beispiel')}`);
    expect(res.body).not.toContain(fx.B.secretWord);
  });
});

describe.each(engines)('the audit log of merges, deletions and rounds on %s', (engine) => {
  let env: TestEnv;
  let fx: Fixture;
  let admin: Client;
  const anna = { userId: null, name: 'Anna Beispiel' };
  const blankActor = { parent_id: null, description: '', contact_email: '', website: '' };

  beforeAll(async () => {
    env = await createTestEnv(engine);
    fx = await seedTwoMunicipalities(env);
    const s = env.services;
    const mid = fx.A.municipalityId;
    const kept = await s.actors.create(mid, { ...blankActor, name: 'Integrationsbeirat', contact_email: 'beirat@amstadt.example', website: 'https://beirat.example' }, anna);
    const merged = await s.actors.create(mid, { ...blankActor, name: 'Beirat für Integration', parent_id: kept }, anna);
    await s.actors.merge(mid, kept, merged, anna);
    const parent = await s.actors.create(mid, { ...blankActor, name: 'Ordnungsamt' }, anna);
    const gone = await s.actors.create(mid, { ...blankActor, name: 'Bürgerbüro', parent_id: parent }, anna);
    await s.actors.delete(mid, gone, anna);
    const m = await s.municipalities.getBySlug(fx.A.slug);
    const { links } = await s.rounds.start(m, { plan_id: fx.A.planId, title: 'Sachstand 2026', deadline: '2026-03-31' }, anna);
    const vhs = links.find((l) => l.actorName.startsWith('VHS'))!;
    const access = await s.rounds.access(mid, vhs.url.split('/').pop()!);
    if (access.status !== 'ok') throw new Error('link does not open');
    await s.rounds.submitViaLink(mid, access, { [`status_label_${fx.A.measureId}`]: 'Abgeschlossen', [`note_${fx.A.measureId}`]: 'Fertig' });
    admin = new Client(env);
    await admin.signIn(fx.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  /** The visible text of the entries: sentences, labels and values, without the markup. */
  const entriesText = (body: string) => (body.match(/<ol class="audit-list">[\s\S]*<\/ol>/)?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

  const noInternals = (text: string) => {
    // No snake_case or camelCase words, no action names, no phrase said twice.
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    expect(text).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
    expect(text).not.toMatch(/\((actor|round|member|plan|measure)\.[a-z_]+\)/);
    expect(text).not.toMatch(/die Sachstandsabfrage die Sachstandsabfrage|the update round the update round/);
    expect(text).not.toMatch(/\b(contact email|parent name|measure links|actor merge)\b/i);
  };

  it('tells a merge, a deletion, a round start and an answer in German sentences without internal names', async () => {
    const res = await admin.get(`${paths.adminAudit(fx.A.slug)}?lang=de`);
    expect(res.status).toBe(200);
    const text = entriesText(res.body);
    noInternals(text);
    expect(text).not.toMatch(/\b(website|fields|kept|merged|Update round|Measures)\b/);
    expect(text).toContain('Anna Beispiel hat „Beirat für Integration“ mit „Integrationsbeirat“ zusammengeführt.');
    expect(text).toContain('Anna Beispiel hat die Sachstandsabfrage „Sachstand 2026“ gestartet.');
    expect(text).toMatch(/VHS[^(]*\(über Sachstandsabfrage\) hat Angaben zur Sachstandsabfrage „Sachstand 2026“ eingereicht\./);
    expect(text).toContain('Anna Beispiel hat den Akteur „Bürgerbüro“ gelöscht.');
    // The deleted actor's parent once, by its name; the answered measures by number and text, not by id.
    const deletion = text.slice(text.indexOf('„Bürgerbüro“ gelöscht'), text.indexOf('„Bürgerbüro“ angelegt'));
    expect(deletion.match(/Übergeordnet/g)?.length).toBe(1);
    expect(deletion).toContain('Übergeordnet Ordnungsamt');
    expect(text).not.toMatch(/Maßnahmen \d+ /);
    expect(text).toContain('Kontakt-E-Mail');
  });

  it('says the same in English, the answering actor included', async () => {
    const res = await admin.get(`${paths.adminAudit(fx.A.slug)}?lang=en`);
    const text = entriesText(res.body);
    noInternals(text);
    expect(text).not.toMatch(/über Sachstandsabfrage|hat |zusammengeführt/);
    expect(text).toContain('Anna Beispiel merged “Beirat für Integration” into “Integrationsbeirat”.');
    expect(text).toContain('Anna Beispiel started the update round “Sachstand 2026”.');
    expect(text).toMatch(/VHS[^(]*\(via update round\) submitted answers to the update round “Sachstand 2026”\./);
  });
});
