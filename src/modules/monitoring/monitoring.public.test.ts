// The public side of monitoring on both engines: the dashboard and the yearly priorities show the
// published plan only (a draft never, also not by guessing a field id), nothing of another municipality, no
// funding warnings (they are the officer's), and the funding of a measure on its public page. And the CSV
// upload: all or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { paths } from './monitoring.paths.js';

const by = { userId: null, name: 'Test' };

describe.each(engines)('public monitoring pages on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let anon: Client;
  let draftFieldId: number;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    anon = new Client(env);
    const draft = await env.services.plans.tree(f.A.municipalityId, f.A.draftPlanId);
    draftFieldId = draft.fields[0].id;
    for (const s of [f.A, f.B]) {
      await env.services.monitoring.createPriority(s.municipalityId, s.planId, { year: 2026, title: `Öffentliches Jahresziel ${s.secretWord}`, description: '', guiding_goal_id: null, goal_ids: [s.goalId], measure_ids: [] }, by);
      await env.services.monitoring.createPriority(s.municipalityId, s.draftPlanId, { year: 2026, title: `Entwurfsziel ${s.secretWord}`, description: '', guiding_goal_id: null, goal_ids: [], measure_ids: [] }, by);
      await env.services.monitoring.createFunding(s.municipalityId, s.measureId, { programme: `Programm ${s.secretWord}`, amount: 250_000, start_date: null, end_date: '2026-04-15' }, by);
    }
  });
  afterAll(() => env.close());

  it('the dashboard shows the published plan, with charts and tables, and nothing of the draft or of B', async () => {
    const res = await anon.get(paths.dashboard(f.A.slug));
    expect(res.status).toBe(200);
    expect(res.body).toContain('Integrationsplan Amstadt');
    expect(res.body).toContain('Maßnahmen nach Stand der Umsetzung');
    expect(res.body).not.toContain('ENTWURF');
    expect(res.body).not.toContain('Geheimer Entwurf');
    expect(res.body).not.toContain(f.B.secretWord);
    expect(res.body).not.toMatch(/\sstyle=/);
    expect(res.body).not.toContain('/verwaltung/');
    // three charts, each named by its summary and followed by its table
    const svgs = [...res.body.matchAll(/<svg[^>]*aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
    expect(svgs).toEqual(['chart-status-summary', 'chart-actors-summary', 'chart-changes-summary']);
    for (const id of svgs) expect(res.body).toMatch(new RegExp(`<p class="kern-body chart-summary" id="${id}">[^<]{20,}</p>`));
    expect(res.body.match(/<caption/g)!.length).toBeGreaterThanOrEqual(4);
    expect(res.body).toContain('<th scope="row">');
    // the funding of A's measure ends within 90 days of 1 March 2026: a warning for the officer, not the public
    expect(res.body).not.toContain('Programm Apfel');
    expect(res.body).not.toContain('zur Förderung');
    const admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
    const board = await admin.get(paths.adminDashboard(f.A.slug));
    expect(board.body).toContain('Programm Apfel');
    expect(board.body).toContain('1 Hinweis zur Förderung');
  });

  it('speaks English when asked, with English numbers and months', async () => {
    const res = await new Client(env).get(`${paths.dashboard(f.A.slug)}?lang=en`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<h1 class="kern-heading-large">Implementation dashboard</h1>');
    expect(res.body).toContain('Measures by state of implementation');
    expect(res.body).toContain('March 2026');
    expect(res.body).not.toContain('März 2026');
  });

  it('one field of the published plan; a field of the draft or of B is not found', async () => {
    const ok = await anon.get(paths.dashboardOf(f.A.slug, f.A.fieldId));
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('Umsetzung im Handlungsfeld „Sprache in Amstadt“');
    for (const path of [paths.dashboardOf(f.A.slug, draftFieldId), paths.dashboardOf(f.A.slug, f.B.fieldId), `${paths.dashboard(f.A.slug)}?feld=abc`]) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('ENTWURF');
      expect(res.body).not.toContain(f.B.secretWord);
    }
  });

  it('yearly priorities: the published plan’s, without a promise of later features; nothing of the draft or of B', async () => {
    const res = await anon.get(`${paths.priorities(f.A.slug)}?jahr=2026`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Öffentliches Jahresziel Apfel');
    expect(res.body).not.toContain('späteren Version');
    expect(res.body).not.toContain('Entwurfsziel');
    expect(res.body).not.toContain(f.B.secretWord);
    expect(res.body).not.toContain('bearbeiten');
    expect((await anon.get(`${paths.priorities(f.A.slug)}?jahr=zwanzig`)).status).toBe(404);
  });

  it('a measure’s public page shows its funding; a draft measure stays hidden', async () => {
    const res = await anon.get(paths.measure(f.A.slug, f.A.measureId));
    expect(res.status).toBe(200);
    expect(res.body).toContain('Programm Apfel');
    expect(res.body).toMatch(/2\.500,00\s€/);
    expect(res.body).not.toContain('Förderung hinzufügen');
    expect((await anon.get(paths.measure(f.A.slug, f.A.draftMeasureId))).status).toBe(404);
  });

  it('without a published plan there is no public dashboard, also not for a signed-in admin', async () => {
    const own = await createTestEnv(engine);
    try {
      const fx = await seedTwoMunicipalities(own);
      await own.services.plans.setPlanState(fx.A.municipalityId, fx.A.planId, 'draft', by);
      const admin = new Client(own);
      await admin.signIn(fx.A.adminEmail, PASSWORD);
      for (const client of [new Client(own), admin]) {
        for (const path of [paths.dashboard(fx.A.slug), paths.priorities(fx.A.slug)]) {
          const res = await client.get(path);
          expect(res.status, path).toBe(404);
          expect(res.body).not.toContain('ENTWURF');
        }
      }
      // the admin dashboard still shows the plan, marked as not public
      const adminPage = await admin.get(paths.adminDashboard(fx.A.slug));
      expect(adminPage.status).toBe(200);
      expect(adminPage.body).toContain('nicht veröffentlicht');
      // B is untouched
      expect((await new Client(own).get(paths.dashboard(fx.B.slug))).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('explains the overdue rule; a round just started with a deadline 18 days ahead makes nothing overdue', async () => {
    const before = await anon.get(paths.dashboard(f.A.slug));
    const count = (body: string) => /<dt>Überfällig<\/dt>\s*<dd>(\d+)<\/dd>/.exec(body)?.[1];
    expect(before.body).toContain('Überfällig ist eine Maßnahme, deren geplanter Beginn oder geplantes Ende vorbei ist');
    const amstadt = await env.services.municipalities.getBySlug(f.A.slug);
    await env.services.rounds.start(amstadt, { plan_id: f.A.planId, title: 'Sachstand 2026', deadline: '2026-03-19' }, by);
    const after = await anon.get(paths.dashboard(f.A.slug));
    expect(count(before.body)).toMatch(/^\d+$/);
    expect(count(after.body)).toBe(count(before.body));
    expect(after.body).toContain('zählt eine Maßnahme erst nach Ablauf der Frist am');
    expect(after.body).toContain('nie eine Maßnahme, die erst nach Beginn der Abfrage aufgenommen wurde');
    const en = await anon.get(`${paths.dashboard(f.A.slug)}?lang=en`);
    expect(en.body).toContain('never a measure added after the round began');
  });

  // Last in this block: it adds measures to A's published plan.
  it('with many overdue measures the dashboard lists the 20 longest overdue and links to all of them, 50 a page', async () => {
    const anon = new Client(env); // German: the client above asked for English before
    const measureIds = (body: string) => [...body.matchAll(/href="\/[a-z-]+\/massnahmen\/(\d+)"/g)].map((m) => Number(m[1]));
    const longOverdue: number[] = [];
    for (let i = 0; i < 60; i++) {
      // planned to end in 1960 … 2019: every one overdue, and the older the longer
      longOverdue.push(await env.services.plans.createMeasure(f.A.municipalityId, f.A.fieldId, {
        text: `Lange überfällig ${1960 + i}`, number: null, is_further: false, field_id: f.A.fieldId, goal_id: f.A.goalId, status_label: 'Geplant', status_category: 'planned',
        timeframe_start: null, timeframe_end: String(1960 + i), target_groups: '', lead_actor_id: null, partner_actor_ids: [],
      }, by));
    }
    const all = (await env.services.monitoring.dashboard(f.A.municipalityId, f.A.planId)).overdue.map((o) => o.measure.id);
    expect(all.length).toBeGreaterThanOrEqual(60);
    const board = await anon.get(paths.dashboard(f.A.slug));
    expect(/<dt>Überfällig<\/dt>\s*<dd>(\d+)<\/dd>/.exec(board.body)?.[1]).toBe(String(all.length));
    expect(board.body).toContain(`${all.length} überfällige Maßnahmen`);
    expect(board.body).toContain('Hier stehen die 20 Maßnahmen, die am längsten überfällig sind.');
    const section = board.body.slice(board.body.indexOf('id="ueberfaellig"'), board.body.indexOf('id="akteure"'));
    expect(measureIds(section)).toEqual(longOverdue.slice(0, 20));
    expect(section).toContain(`href="${paths.overdue(f.A.slug)}">Alle überfälligen Maßnahmen ansehen (${all.length})</a>`);

    // the whole list: the same order, every overdue measure once, 50 a page
    const first = await anon.get(paths.overdue(f.A.slug));
    expect(first.status).toBe(200);
    expect(first.body).toContain('<h1 class="kern-heading-large">Überfällige Maßnahmen</h1>');
    expect(first.body).toContain('Seite 1 von 2');
    expect(first.body).toContain(`href="${paths.overdueOf(f.A.slug, null, 2)}"`);
    const second = await anon.get(paths.overdueOf(f.A.slug, null, 2));
    expect(second.body).toContain('Seite 2 von 2');
    const listed = [...measureIds(first.body), ...measureIds(second.body)];
    expect(listed.slice(0, 60)).toEqual(longOverdue);
    expect([...listed].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
    expect(measureIds(first.body)).toHaveLength(50);
    // a page beyond the last is the last; nothing of the draft or of B; one field; B's field is not found
    expect(measureIds((await anon.get(`${paths.overdue(f.A.slug)}?seite=99`)).body)).toEqual(measureIds(second.body));
    for (const res of [first, second]) {
      expect(res.body).not.toContain('ENTWURF');
      expect(res.body).not.toContain(f.B.secretWord);
      expect(res.body).not.toContain('/verwaltung/');
    }
    const field = await anon.get(paths.overdueOf(f.A.slug, f.A.fieldId));
    expect(field.body).toContain('Überfällige Maßnahmen im Handlungsfeld „Sprache in Amstadt“');
    for (const path of [paths.overdueOf(f.A.slug, f.B.fieldId), paths.overdueOf(f.A.slug, draftFieldId)]) expect((await anon.get(path)).status, path).toBe(404);
    const en = await anon.get(`${paths.overdue(f.A.slug)}?lang=en`);
    expect(en.body).toContain('The measures that have been overdue the longest come first.');

    // the officer's list links to the measures in the admin area; a visitor is not let in
    const admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
    const adminBoard = await admin.get(paths.adminDashboard(f.A.slug));
    expect(adminBoard.body).toContain(`href="${paths.adminOverdueOf(f.A.slug, f.A.planId).replaceAll('&', '&amp;')}">`);
    const adminList = await admin.get(paths.adminOverdueOf(f.A.slug, f.A.planId, null, 2));
    expect(adminList.status).toBe(200);
    expect(adminList.body).toContain('Seite 2 von 2');
    expect(adminList.body).toContain(`/verwaltung/massnahmen/${longOverdue[50]}`);
    expect((await anon.get(paths.adminOverdueOf(f.A.slug, f.A.planId))).status).not.toBe(200);
  });
});

describe.each(engines)('indicator CSV upload on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let admin: Client;
  let indicatorId: number;

  const values = async () =>
    (await env.db.kysely.selectFrom('indicator_values').select(['period', 'value']).where('indicator_id', '=', indicatorId).orderBy('period').execute()).map((v) => `${v.period}=${Number(v.value)}`);

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    indicatorId = await env.services.monitoring.createIndicator(
      f.A.municipalityId, f.A.planId,
      { name: 'Kursteilnahmen', anchor: { kind: 'guiding', id: f.A.guidingGoalId }, unit: 'Personen', source: '', baseline_value: null, baseline_year: null, target_value: null, target_year: null },
      by,
    );
    await env.services.monitoring.putValue(f.A.municipalityId, indicatorId, { period: '2022', value: 900 }, by);
    admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  const upload = (content: string) => admin.upload(paths.adminIndicatorUpload(f.A.slug, indicatorId), {}, { file: { name: 'werte.csv', content, type: 'text/csv' } });

  it('takes a good file: semicolons, German decimals, a header, a date; a period already there gets the new value', async () => {
    const res = await upload('Jahr;Wert\n2022;1.076,5\n2023;1.180\n30.06.2024;1240,25\n');
    expect(res.status).toBe(303);
    expect(await values()).toEqual(['2022=1076.5', '2023=1180', '2024-06-30=1240.25']);
    const page = await admin.get(paths.adminIndicator(f.A.slug, indicatorId));
    expect(page.body).toContain('3 Werte wurden übernommen.');
    expect(page.body).toContain('1.076,5 Personen');
    const audit = await env.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('indicator.values_import');
  });

  it('refuses a file with bad rows, names each row, and writes nothing', async () => {
    const before = await values();
    const auditBefore = await env.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await upload('2025,"1.300,5"\n2026,viel\nSommer,3\n2025,4\n');
    expect(res.status).toBe(400);
    expect(res.body).toContain('Bitte korrigieren Sie die markierten Angaben.');
    expect(res.body).toContain('Zeile 2: „viel“ ist keine Zahl');
    expect(res.body).toContain('Zeile 3: „Sommer“ ist kein Jahr');
    expect(res.body).toContain('Zeile 4: Der Zeitpunkt 2025 steht schon in Zeile 1.');
    expect(res.body).toContain('es wurde nichts gespeichert');
    expect(await values()).toEqual(before);
    const auditAfter = await env.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
  });

  it('refuses no file and an empty file', async () => {
    const before = await values();
    const none = await admin.upload(paths.adminIndicatorUpload(f.A.slug, indicatorId), {}, {});
    expect(none.status).toBe(400);
    expect(none.body).toContain('Bitte wählen Sie eine CSV-Datei aus.');
    const empty = await upload('Jahr;Wert\n');
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('Die Datei enthält keine Werte.');
    expect(await values()).toEqual(before);
  });

  it('B’s admin cannot upload to A’s indicator', async () => {
    const b = new Client(env);
    await b.signIn(f.B.adminEmail, PASSWORD);
    const before = await values();
    for (const slug of [f.A.slug, f.B.slug]) {
      const res = await b.upload(paths.adminIndicatorUpload(slug, indicatorId), {}, { file: { name: 'x.csv', content: '2030;1', type: 'text/csv' } });
      expect(res.status).toBe(404);
    }
    expect(await values()).toEqual(before);
  });
});
