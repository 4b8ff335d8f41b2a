// Issue 8, must-show 1 for the Excel layout towns keep: a title row above the table on every sheet, one sheet per
// field of action, goal rows merged across the table, numbers such as 1.10, separate lead and partner columns,
// timeframes as people write them, a cost column the importer does not know, and a legend sheet. The committed
// fixture (fixtures/import/make-town-workbook.ts) must yield the same facts through the CLI and through the web
// preview and confirmation, with nothing dropped silently.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import type { ExchangePlan } from '../src/modules/plan/index.js';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const FILE = new URL('./fixtures/import/town-workbook.xlsx', import.meta.url);

function expectTownFacts(plan: ExchangePlan): void {
  expect(plan.plan.title).toBe('Integrationsplan Talheim 2025–2030');
  // The sheet names the field; its caption row neither renames it nor becomes a field; the legend is no field.
  expect(plan.fields.map((f) => f.title)).toEqual(['Sprache und Bildung', 'Arbeit']);
  expect(plan.fields.map((f) => f.goals.map((g) => [g.number, g.text]))).toEqual([
    [['1.1', 'Das Angebot an Deutschkursen wächst mit dem Bedarf']],
    [['2.1', 'Zugewanderte finden schneller Arbeit']],
  ]);
  const measures = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
  expect(measures.map((m) => [m.number, m.status.label, m.status.category, m.timeframe])).toEqual([
    ['1.1', 'Läuft', 'ongoing', 'Q3/2025 – Q2/2027'],
    ['1.2', 'in Planung', 'planned', 'laufend'],
    ['1.10', 'abgeschlossen', 'completed', 'bis 12/2025'],
    ['2.1', 'Läuft', 'ongoing', 'jährlich'],
    ['2.2', 'in Arbeit', 'in_progress', 'seit 2024'],
  ]);
  expect(measures.map((m) => m.actors.map((a) => `${a.name}:${a.role}`))).toEqual([
    ['VHS Talheim:lead', 'Familienzentrum:partner', 'Caritas:partner'],
    ['Stadtteilzentrum Nord:lead', 'Ehrenamtskreis Asyl:partner'],
    ['Jobcenter Talheim:lead', 'IHK:partner', 'Haus & Grund Talheim:partner'],
    ['Agentur für Arbeit:lead', 'Jobcenter Talheim:partner'],
    ['Integrationsbüro:lead'],
  ]);
  expect(measures.map((m) => (m.attributes ?? []).map((a) => `${a.label}=${a.value}`))).toEqual([
    ['Kosten=12.000 € pro Jahr'], [], ['Kosten=5.000 €'], [], ['Kosten=keine'],
  ]);
}

describe('teilhabe import town-workbook.xlsx --json', () => {
  const lines: string[] = [];
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-cli-town-'));
    process.env.DATA_DIR = dir;
  });
  afterAll(() => {
    delete process.env.DATA_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the plan with every number, goal, actor role, timeframe and the cost column', async () => {
    await runCli(['import', FILE.pathname, '--json'], (line) => lines.push(line));
    expectTownFacts(JSON.parse(lines.join('\n')) as ExchangePlan);
  });
});

describe.each(engines)('the town workbook through the web preview on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let admin: Client;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  it('the preview shows what will be stored and names the skipped legend sheet; confirming stores it', async () => {
    const up = await admin.upload(paths.adminImport(f.A.slug), { target: '' }, { file: { name: 'Massnahmen Talheim.xlsx', content: fs.readFileSync(FILE), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    expect(up.status, up.body.slice(0, 300)).toBe(303);
    const preview = await admin.get(up.location!);
    expect(preview.status).toBe(200);
    for (const shown of ['Ziel 1.1', 'Das Angebot an Deutschkursen wächst mit dem Bedarf', '1.10', 'Haus &amp; Grund Talheim', 'Q3/2025 – Q2/2027', 'Kosten', '12.000 € pro Jahr', 'Legende']) {
      expect(preview.body).toContain(shown);
    }
    const token = up.location!.split('/').pop()!;
    const done = await admin.post(paths.adminImportConfirm(f.A.slug, token));
    expect(done.status).toBe(303);
    const planId = Number(done.location!.split('/').pop());
    expectTownFacts(await env.services.plans.exchange(f.A.municipalityId, planId));
  });

  it('the officer merges two actors in the preview; the confirmation stores one actor, a lead stays a lead', async () => {
    const up = await admin.upload(paths.adminImport(f.A.slug), { target: '' }, { file: { name: 'Massnahmen Talheim.xlsx', content: fs.readFileSync(FILE), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    const token = up.location!.split('/').pop()!;
    // Not a name of the preview, or twice the same: refused, nothing merged.
    for (const [from, into] of [['Niemand', 'IHK'], ['IHK', 'IHK']]) {
      const refused = await admin.post(paths.adminImportActors(f.A.slug, token), { from, into });
      expect(refused.status).toBe(303);
      expect((await admin.get(refused.location!)).body).toContain('Bitte wählen Sie zwei verschiedene Akteure aus der Vorschau.');
    }
    expect((await env.services.imports.load(f.A.municipalityId, (await env.services.auth.findUserByEmail(f.A.adminEmail))!.id, token)).options.actorMerges ?? {}).toEqual({});
    // Merged, then taken back, then merged again: the preview says so each time.
    await admin.post(paths.adminImportActors(f.A.slug, token), { from: 'Agentur für Arbeit', into: 'Jobcenter Talheim' });
    expect((await admin.get(up.location!)).body).toContain('„Agentur für Arbeit“ geht in „Jobcenter Talheim“ auf.');
    await admin.post(paths.adminImportActors(f.A.slug, token), { undo: 'Agentur für Arbeit' });
    expect((await admin.get(up.location!)).body).not.toContain('„Agentur für Arbeit“ geht in');
    await admin.post(paths.adminImportActors(f.A.slug, token), { from: 'Agentur für Arbeit', into: 'Jobcenter Talheim' });
    // Applying the column mapping afterwards keeps the merge.
    await admin.post(paths.adminImportMapping(f.A.slug, token), {});
    const preview = await admin.get(up.location!);
    expect(preview.body).toContain('„Agentur für Arbeit“ geht in „Jobcenter Talheim“ auf.');
    const done = await admin.post(paths.adminImportConfirm(f.A.slug, token));
    expect(done.status).toBe(303);
    const planId = Number(done.location!.split('/').pop());
    const plan = await env.services.plans.exchange(f.A.municipalityId, planId);
    const measures = plan.fields.flatMap((fl) => fl.goals.flatMap((g) => g.measures));
    expect(measures.find((m) => m.number === '2.1')!.actors.map((a) => `${a.name}:${a.role}`)).toEqual(['Jobcenter Talheim:lead']);
    expect(measures.find((m) => m.number === '1.10')!.actors.map((a) => a.name)).toContain('Jobcenter Talheim');
    expect(JSON.stringify(plan)).not.toContain('Agentur für Arbeit');
  });
});
