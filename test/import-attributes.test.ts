// A catalogue with a lead and a partner column, timeframes in the plan's own words and columns the importer does
// not know: everything is stored, shown on the measure pages, and comes back the same from the app's own exports.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv, exportXlsx } from '../src/modules/exports/index.js';
import type { ExchangePlan } from '../src/modules/plan/index.js';
import { translator } from '../src/platform/i18n/i18n.js';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const fixture = readFileSync(new URL('./fixtures/import/lead-partner.xlsx', import.meta.url));

const measuresOf = (plan: ExchangePlan) => plan.fields.flatMap((f) => [...f.goals.flatMap((g) => g.measures), ...f.furtherMeasures]);

describe.each(engines)('timeframes, attributes and actor columns on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let admin: Client;
  let planId: number;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  const measureIdsByNumber = async (id: number) => {
    const rows = await env.db.kysely.selectFrom('measures').select(['id', 'number']).where('municipality_id', '=', f.A.municipalityId).where('plan_id', '=', id).execute();
    return new Map(rows.map((r) => [r.number, r.id]));
  };

  it('stores lead and partner columns by role, timeframes as written with their dates, and unknown columns as attributes', async () => {
    const up = await admin.upload(paths.adminImport(f.A.slug), { target: '' }, { file: { name: 'lead-partner.xlsx', content: fixture } });
    expect(up.status, up.body.slice(0, 300)).toBe(303);
    const preview = await admin.get(up.location!);
    expect(preview.status).toBe(200);
    // Nothing to warn about: every column is read, the unknown ones as attributes, and the preview says so.
    expect(preview.body).not.toContain('id="warnings-title"');
    expect(preview.body).toContain('Q3/2025 – Q2/2027');
    // Each measure as it will be stored: the extra column under its label, the timeframe with its derived dates.
    expect(preview.body).toMatch(/<dt>Kosten<\/dt><dd class="pre-line">500 € pro Jahr<\/dd>/);
    expect(preview.body).toContain('Q3/2025 – Q2/2027 (Beginn: 2025-07, Ende: 2027-06)');
    expect(preview.body).toMatch(/<option value="partners" selected="">Kooperationspartner<\/option>/);
    const done = await admin.post(paths.adminImportConfirm(f.A.slug, up.location!.split('/').pop()!));
    expect(done.status).toBe(303);
    planId = Number(done.location!.split('/').pop());

    const rows = await env.db.kysely.selectFrom('measures').select(['number', 'timeframe_label', 'timeframe_start', 'timeframe_end'])
      .where('municipality_id', '=', f.A.municipalityId).where('plan_id', '=', planId).orderBy('number').execute();
    expect(rows.map((r) => [r.number, r.timeframe_label, r.timeframe_start, r.timeframe_end])).toEqual([
      ['1', 'laufend', null, null],
      ['2', 'Umsetzung bis 12/2025', null, '2025-12'],
      ['3', 'Q3/2025 – Q2/2027', '2025-07', '2027-06'],
      ['4', 'ab Herbst 2025', '2025-09', null],
      ['5', 'seit 2024', '2024', null],
      ['6', 'jährlich', null, null],
      ['7', 'mittelfristig', null, null],
      ['8', '2025–2027', '2025', '2027'],
    ]);

    const attributes = await env.db.kysely.selectFrom('measure_attributes as a').innerJoin('measures as m', 'm.id', 'a.measure_id')
      .select(['m.number', 'a.label', 'a.value']).where('a.municipality_id', '=', f.A.municipalityId).where('m.plan_id', '=', planId)
      .orderBy('m.number').orderBy('a.position').execute();
    expect(attributes.filter((a) => a.number === '1').map((a) => [a.label, a.value])).toEqual([
      ['Kosten', '500 € pro Jahr'], ['Zielgruppe', 'Zugewanderte Frauen'], ['Priorität', 'hoch'], ['Bemerkungen', 'Raum kostenlos'],
    ]);
    expect(attributes.filter((a) => a.number === '3').map((a) => [a.label, a.value])).toEqual([['Kosten', '2.000 €'], ['Zielgruppe', 'Geflüchtete']]);
    expect(attributes.filter((a) => a.number === '6')).toEqual([]);

    const tree = await env.services.plans.tree(f.A.municipalityId, planId);
    const byNumber = new Map(tree.fields.flatMap((fl) => fl.goals.flatMap((g) => g.measures)).map((m) => [m.number, m]));
    expect(byNumber.get('1')!.actors.map((a) => [a.name, a.role])).toEqual([['VHS', 'lead'], ['Caritas', 'partner'], ['Freundeskreis Asyl e.V.', 'partner']]);
    // "(Federführung)" in the partner column still makes a lead.
    expect(byNumber.get('2')!.actors.map((a) => [a.name, a.role])).toEqual([['Integrationsbüro', 'lead'], ['Kinderschutzbund', 'lead'], ['Caritas', 'partner']]);
    expect(byNumber.get('3')!.actors.map((a) => [a.name, a.role])).toEqual([['Jobcenter', 'lead'], ['Agentur für Arbeit', 'partner']]);
    // The progress column is still the notes; "Bemerkungen" beside it is an attribute, not a second note.
    const [note] = await env.db.kysely.selectFrom('progress_notes').select('text').where('measure_id', '=', byNumber.get('1')!.id).execute();
    expect(note.text).toBe('gut besucht');
  });

  it('shows the timeframe as written and the attributes on the public and the admin measure page, and in the form', async () => {
    await env.services.plans.setPlanState(f.A.municipalityId, planId, 'published', { userId: null, name: 'Test' });
    const ids = await measureIdsByNumber(planId);
    const visitor = new Client(env);
    const pub = await visitor.get(paths.measure(f.A.slug, ids.get('4')!));
    expect(pub.status).toBe(200);
    expect(pub.body).toContain('<dd>ab Herbst 2025</dd>');
    expect(pub.body).not.toContain('Nicht angegeben');
    const first = await visitor.get(paths.measure(f.A.slug, ids.get('1')!));
    expect(first.body).toContain('<dd>laufend</dd>');
    expect(first.body).toMatch(/<dt>Kosten<\/dt><dd class="pre-line">500 € pro Jahr<\/dd>/);
    expect(first.body).toMatch(/<dt>Priorität<\/dt><dd class="pre-line">hoch<\/dd>/);
    const adminPage = await admin.get(paths.adminMeasure(f.A.slug, ids.get('3')!));
    expect(adminPage.body).toContain('<dd>Q3/2025 – Q2/2027</dd>');
    expect(adminPage.body).toMatch(/<dt>Zielgruppe<\/dt><dd class="pre-line">Geflüchtete<\/dd>/);
    const form = await admin.get(paths.adminMeasureEdit(f.A.slug, ids.get('3')!));
    expect(form.body).toContain('Zeitraum (wie im Plan)');
    expect(form.body).toMatch(/name="timeframe_label"[^>]*value="Q3\/2025 – Q2\/2027"|value="Q3\/2025 – Q2\/2027"[^>]*name="timeframe_label"/);
    // Another municipality's measure stays unseen.
    const other = new Client(env);
    expect((await other.get(paths.measure(f.B.slug, ids.get('1')!))).status).toBe(404);
  });

  it('edits the wording in the form and derives start and end from it when none are entered', async () => {
    const ids = await measureIdsByNumber(planId);
    const id = ids.get('7')!;
    const form = await admin.get(paths.adminMeasureEdit(f.A.slug, id));
    const values = Object.fromEntries([...form.body.matchAll(/<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const before = await env.services.plans.measureDetail(f.A.municipalityId, id);
    const res = await admin.post(paths.adminMeasureEdit(f.A.slug, id), {
      text: 'Wohnraumbörse', number: '7', goal_id: String(before.measure.goal_id), status_label: values.status_label ?? 'offen',
      lead_actor_id: String(before.measure.actors[0].id),
      timeframe_label: 'ab 2026 bis Ende 2027', timeframe_start: '', timeframe_end: '', target_groups: '',
    });
    expect(res.status, res.body.slice(0, 500)).toBe(303);
    const row = await env.db.kysely.selectFrom('measures').select(['timeframe_label', 'timeframe_start', 'timeframe_end']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ timeframe_label: 'ab 2026 bis Ende 2027', timeframe_start: '2026', timeframe_end: '2027' });
  });

  it('maps several columns to actors in the preview, each with its role, without unmapping the first', async () => {
    const text = 'Ziel\tMaßnahme\tFederführung\tWeitere\tUnterstützer\nMehr Kurse\tSprachkurs für Eltern\tVHS\tCaritas\tDiakonie\n';
    const up = await admin.upload(paths.adminImport(f.A.slug), { text }, {});
    const token = up.location!.split('/').pop()!;
    const mapping = { col_0: 'goal', col_1: 'measure', col_2: 'actors', col_3: 'partners', col_4: 'partners' };
    expect((await admin.post(paths.adminImportMapping(f.A.slug, token), mapping)).status).toBe(303);
    const preview = await admin.get(up.location!);
    expect(preview.body).toMatch(/id="col-2" name="col_2">(?:(?!<\/select>).)*<option value="actors" selected="">/s);
    expect(preview.body).toMatch(/id="col-4" name="col_4">(?:(?!<\/select>).)*<option value="partners" selected="">/s);
    const done = await admin.post(paths.adminImportConfirm(f.A.slug, token));
    expect(done.status).toBe(303);
    const tree = await env.services.plans.tree(f.A.municipalityId, Number(done.location!.split('/').pop()));
    expect(tree.fields[0].goals[0].measures[0].actors.map((a) => [a.name, a.role])).toEqual([['VHS', 'lead'], ['Caritas', 'partner'], ['Diakonie', 'partner']]);
  });

  it('the next edition keeps the timeframes as written and the attributes', async () => {
    const copied = await env.services.plans.copyPlan(f.A.municipalityId, planId, { title: 'Integrationsplan 2.0', edition: '2.0', omitCategories: [], originNote: () => '' }, { userId: null, name: 'Test' });
    const facts = (plan: ExchangePlan) => measuresOf(plan).map((m) => [m.number, m.timeframe, m.timeframeStart, m.timeframeEnd, m.attributes]);
    expect(facts(await env.services.plans.exchange(f.A.municipalityId, copied.planId))).toEqual(facts(await env.services.plans.exchange(f.A.municipalityId, planId)));
  });

  it.each(['csv', 'xlsx'] as const)('the %s export imports again with the same timeframes and attributes, without warnings', async (format) => {
    const exchange = await env.services.plans.exchange(f.A.municipalityId, planId);
    // An attribute whose label a catalogue would use for a role goes out and comes back as an attribute.
    measuresOf(exchange)[0].attributes!.push({ label: 'Beteiligte', value: 'Elternbeirat' });
    const input = { plan: exchange, municipalityName: 'Amstadt', stateDate: '2026-03-01', planState: 'published' as const, lang: 'de' as const };
    const bytes = format === 'csv' ? exportCsv(input) : await exportXlsx(input);
    const parsed = await env.services.imports.parse(f.A.municipalityId, `katalog.${format}`, bytes, {}, translator('de'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.warnings).toEqual([]);
    const copyId = await env.services.importPlan(f.A.municipalityId, parsed.plan, { userId: null, name: 'Test' });
    const copy = await env.services.plans.exchange(f.A.municipalityId, copyId);
    const facts = (plan: ExchangePlan) => measuresOf(plan).map((m) => ({
      number: m.number, text: m.text, timeframe: m.timeframe, timeframeStart: m.timeframeStart, timeframeEnd: m.timeframeEnd, attributes: m.attributes,
    }));
    expect(facts(copy)).toEqual(facts(exchange));
    expect(facts(copy).find((m) => m.number === '1')).toMatchObject({ timeframe: 'laufend', attributes: [{ label: 'Kosten', value: '500 € pro Jahr' }, { label: 'Zielgruppe', value: 'Zugewanderte Frauen' }, { label: 'Priorität', value: 'hoch' }, { label: 'Bemerkungen', value: 'Raum kostenlos' }, { label: 'Beteiligte', value: 'Elternbeirat' }] });
    expect(measuresOf(parsed.plan)[0].actors.map((a) => a.name)).toEqual(['VHS', 'Caritas', 'Freundeskreis Asyl e.V.']);
  });
});
