// Import and export through the real routes: upload, preview, mapping, confirm; updating a plan from a
// returned spreadsheet; downloads for the admin (drafts too) and the public (published only).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n/i18n.js';
import { demoPlan } from '../src/modules/plan/index.js';
import { exportCsv, exportJson, exportXlsx } from '../src/modules/exports/index.js';
import { docx, para, table } from './fixtures/import/docx.build.js';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

async function counts(env: TestEnv) {
  const out: Record<string, number> = {};
  for (const t of ['plans', 'measures', 'actors', 'status_changes', 'progress_notes', 'audit_log'] as const) {
    out[t] = Number((await env.db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }
  return out;
}

describe.each(engines)('import and export on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let admin: Client;
  let demoPlanId: number;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    demoPlanId = await env.services.importPlan(f.A.municipalityId, demoPlan(), { userId: null, name: 'Test' }, { state: 'published' });
    admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  const previewToken = (location: string | null) => {
    expect(location).toMatch(/\/verwaltung\/import\/[A-Za-z0-9_-]+$/);
    return location!.split('/').pop()!;
  };

  it('export → import gives the same plan (exchange JSON)', async () => {
    const original = await env.services.plans.exchange(f.A.municipalityId, demoPlanId);
    const json = exportJson({ plan: original, municipalityName: 'Amstadt', stateDate: '2026-03-01', planState: 'published', lang: 'de' });
    const up = await admin.upload(paths.adminImport(f.A.slug), { target: '' }, { file: { name: 'plan.json', content: json, type: 'application/json' } });
    expect(up.status, up.body.slice(0, 300)).toBe(303);
    const token = previewToken(up.location);
    const preview = await admin.get(up.location!);
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('7 Handlungsfelder, 43 Maßnahmen');
    const done = await admin.post(paths.adminImportConfirm(f.A.slug, token));
    expect(done.status).toBe(303);
    const newPlanId = Number(done.location!.split('/').pop());
    const copy = await env.services.plans.exchange(f.A.municipalityId, newPlanId);
    expect(copy).toEqual(original);
    expect((await env.services.plans.getPlan(f.A.municipalityId, newPlanId)).state).toBe('draft');
    // The same actors, not duplicates: the directory did not grow.
    const names = (await env.services.actors.list(f.A.municipalityId)).map((a) => a.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('updates three statuses from an edited xlsx and records them in the history', async () => {
    const before = await env.services.plans.tree(f.A.municipalityId, demoPlanId);
    const exchange = await env.services.plans.exchange(f.A.municipalityId, demoPlanId);
    const xlsx = await exportXlsx({ plan: exchange, municipalityName: 'Amstadt', stateDate: '2026-03-01', planState: 'published', lang: 'de' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const targets = new Map([[2, 'Abgeschlossen'], [18, 'In Umsetzung seit 2026'], [41, 'Entfällt']]);
    let edited = 0;
    wb.eachSheet((sheet) => {
      const header = sheet.getRow(1);
      let nr = 0, status = 0;
      header.eachCell((cell, col) => {
        if (String(cell.value).trim() === 'Nr.') nr = col;
        if (String(cell.value).trim() === 'Status') status = col;
      });
      if (!nr || !status) return;
      sheet.eachRow((row, i) => {
        const n = Number(row.getCell(nr).value);
        if (i > 1 && targets.has(n)) {
          row.getCell(status).value = targets.get(n)!;
          edited++;
        }
      });
    });
    expect(edited).toBe(3);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await admin.upload(paths.adminImport(f.A.slug), { target: String(demoPlanId) }, { file: { name: 'rücklauf.xlsx', content: buffer } });
    expect(up.status, up.body.slice(0, 500)).toBe(303);
    const token = previewToken(up.location);
    const preview = await admin.get(up.location!);
    expect(preview.body).toContain('3 Maßnahmen ändern sich');
    expect(preview.body).toContain('In Umsetzung seit 2026');
    const beforeCounts = await counts(env);
    const done = await admin.post(paths.adminImportConfirm(f.A.slug, token));
    expect(done.status).toBe(303);
    const afterCounts = await counts(env);
    expect(afterCounts.status_changes - beforeCounts.status_changes).toBe(3);
    expect(afterCounts.plans).toBe(beforeCounts.plans);
    const tree = await env.services.plans.tree(f.A.municipalityId, demoPlanId);
    const byNumber = new Map(tree.fields.flatMap((x) => x.goals.flatMap((g) => g.measures)).map((m) => [m.number, m]));
    expect(byNumber.get('2')!.status_category).toBe('completed');
    expect(byNumber.get('18')!.status_category).toBe('in_progress');
    expect(byNumber.get('41')!.status_category).toBe('discontinued');
    expect(byNumber.get('1')!.status_label).toBe(before.fields[0].goals[0].measures[0].status_label);
    const history = await env.services.plans.measureDetail(f.A.municipalityId, byNumber.get('2')!.id);
    expect(history.history[0]).toMatchObject({ to_label: 'Abgeschlossen', changed_by_name: 'Admin Amstadt' });
    expect(history.history[0].note).toContain('rücklauf.xlsx');
  });

  it('a CSV export round-trips through the update import without changes', async () => {
    const exchange = await env.services.plans.exchange(f.A.municipalityId, demoPlanId);
    const csv = exportCsv({ plan: exchange, municipalityName: 'Amstadt', stateDate: '2026-03-01', planState: 'published', lang: 'de' });
    const up = await admin.upload(paths.adminImport(f.A.slug), { target: String(demoPlanId) }, { file: { name: 'katalog.csv', content: csv } });
    expect(up.status, up.body.slice(0, 500)).toBe(303);
    const preview = await admin.get(up.location!);
    expect(preview.body).toContain('0 Maßnahmen ändern sich');
    expect(preview.body).toContain('41 Maßnahmen bleiben unverändert');
  });

  describe('import routes: four outcomes', () => {
    const seedText = 'Handlungsfeld „Sprache“\nZiel\tNr.\tMaßnahme\tAkteure\tStatus\nMehr Kurse\t1\tSprachkurs für Eltern\tVHS\tIn Planung ab 2027\n';

    it('not signed in: to the sign-in page, nothing staged', async () => {
      const anon = new Client(env);
      expect((await anon.get(paths.adminImport(f.A.slug))).status).toBe(303);
      const res = await anon.upload(paths.adminImport(f.A.slug), { text: seedText }, {});
      expect(res.status).toBe(303);
      expect(res.location).toMatch(/^\/anmelden/);
    });

    it('bad input: a clear German message naming the file, nothing written', async () => {
      const before = await counts(env);
      const staged = (await env.db.kysely.selectFrom('import_sessions').selectAll().execute()).length;
      const empty = await admin.upload(paths.adminImport(f.A.slug), { text: '' }, {});
      expect(empty.status).toBe(400);
      expect(empty.body).toContain('Bitte wählen Sie eine Datei aus oder fügen Sie Text ein.');
      const garbage = await admin.upload(paths.adminImport(f.A.slug), { text: '' }, { file: { name: 'kaputt.xlsx', content: Buffer.from('PK\u0003\u0004 kaputt kaputt') } });
      expect(garbage.status).toBe(400);
      expect(garbage.body).toContain('kaputt.xlsx');
      expect(garbage.body).toContain('Es wurde nichts gespeichert.');
      const noColumns = await admin.upload(paths.adminImport(f.A.slug), { text: 'Hallo\tWelt\nfoo\tbar\n' }, {});
      expect(noColumns.status).toBe(400);
      const typed = await admin.upload(paths.adminImport(f.A.slug), { text: 'Nur ein Satz ohne Tabelle.' }, {});
      expect(typed.body).toContain('Nur ein Satz ohne Tabelle.');
      expect(await counts(env)).toEqual(before);
      expect(await env.db.kysely.selectFrom('import_sessions').selectAll().execute()).toHaveLength(staged);
    });

    it("other municipality: A's upload is invisible to B's admin; B's plans cannot be targeted", async () => {
      const up = await admin.upload(paths.adminImport(f.A.slug), { text: seedText }, {});
      const token = previewToken(up.location);
      const b = new Client(env);
      await b.signIn(f.B.adminEmail, PASSWORD);
      expect((await b.get(paths.adminImportPreview(f.B.slug, token))).status).toBe(404);
      expect((await b.get(paths.adminImportPreview(f.A.slug, token))).status).toBe(404);
      expect((await b.post(paths.adminImportConfirm(f.B.slug, token))).status).toBe(404);
      const cross = await admin.upload(paths.adminImport(f.A.slug), { text: seedText, target: String(f.B.planId) }, {});
      expect(cross.status).toBe(404);
      await admin.post(paths.adminImportDiscard(f.A.slug, token));
    });

    it('success: a pasted catalogue becomes a draft; the column mapping can be corrected', async () => {
      const text = 'Handlungsfeld „Sprache“\nZiel\tNr.\tMaßnahme\tVerantwortlich\tStand\tBemerkung\nMehr Kurse\t1\tSprachkurs für Eltern\tVHS\tIn Planung ab 2027\tMit Kinderbetreuung\n';
      const up = await admin.upload(paths.adminImport(f.A.slug), { text }, {});
      const token = previewToken(up.location);
      let preview = await admin.get(up.location!);
      expect(preview.body).toContain('Sprachkurs für Eltern');
      // Treat the "Bemerkung" column as not imported, and map the status to "ongoing".
      const headers = [...preview.body.matchAll(/name="(col_\d+)"/g)].map((m) => m[1]);
      expect(headers.length).toBe(6);
      const mapping: Record<string, string> = { col_0: 'goal', col_1: 'number', col_2: 'measure', col_3: 'actors', col_4: 'status', col_5: '', status_label_0: 'In Planung ab 2027', status_category_0: 'ongoing' };
      const res = await admin.post(paths.adminImportMapping(f.A.slug, token), mapping);
      expect(res.status).toBe(303);
      preview = await admin.get(up.location!);
      expect(preview.body).toMatch(/<option value="ongoing" selected="">/);
      const bad = await admin.post(paths.adminImportMapping(f.A.slug, token), { col_0: 'unsinn' });
      expect(bad.status).toBe(400);
      const done = await admin.post(paths.adminImportConfirm(f.A.slug, token));
      expect(done.status).toBe(303);
      const planId = Number(done.location!.split('/').pop());
      const tree = await env.services.plans.tree(f.A.municipalityId, planId);
      const m = tree.fields[0].goals[0].measures[0];
      expect(m.text).toBe('Sprachkurs für Eltern');
      expect(m.status_category).toBe('ongoing');
      expect(m.status_label).toBe('In Planung ab 2027');
      expect(tree.plan.state).toBe('draft');
    });

    it('a status mapping chosen in the preview counts at confirmation without "Zuordnung übernehmen"', async () => {
      const text = 'Handlungsfeld „Sprache“\nZiel\tNr.\tMaßnahme\tVerantwortlich\tStand\nMehr Kurse\t1\tSprachkurs für Eltern\tVHS\tIn Planung ab 2027\n';
      const up = await admin.upload(paths.adminImport(f.A.slug), { text }, {});
      const token = previewToken(up.location);
      const preview = await admin.get(up.location!);
      // The confirm button submits the mapping form to the confirmation.
      expect(preview.body).toContain(`form="import-mapping" formaction="${paths.adminImportConfirm(f.A.slug, token)}"`);
      expect(preview.body).toContain('name="status_label_0" value="In Planung ab 2027"');
      const bad = await admin.post(paths.adminImportConfirm(f.A.slug, token), { status_label_0: 'In Planung ab 2027', status_category_0: 'unsinn' });
      expect(bad.status).toBe(400);
      const done = await admin.post(paths.adminImportConfirm(f.A.slug, token), { col_0: 'goal', status_label_0: 'In Planung ab 2027', status_category_0: 'ongoing' });
      expect(done.status).toBe(303);
      const planId = Number(done.location!.split('/').pop());
      const m = (await env.services.plans.tree(f.A.municipalityId, planId)).fields[0].goals[0].measures[0];
      expect(m.status_label).toBe('In Planung ab 2027');
      expect(m.status_category).toBe('ongoing');
    });

    it('"Zuordnung übernehmen" unchanged on a Word document with two tables gives the same preview', async () => {
      const content = await docx(
        para('Handlungsfeld Sprache') +
          table([
            ['Ziel', 'Maßnahme', 'Akteure', 'Status', 'Zeitraum'],
            ['Mehr Kurse', 'Sprachkurs für Eltern', 'VHS', 'umgesetzt', '2025'],
          ]) +
          para('Handlungsfeld Arbeit') +
          table([
            ['Nr.', 'Maßnahme', 'Federführung', 'Zeitraum', 'Status'],
            ['7', 'Jobbörse für Geflüchtete', 'Jobcenter', '2026', 'geplant'],
          ]),
      );
      const up = await admin.upload(paths.adminImport(f.A.slug), { target: '' }, { file: { name: 'zwei.docx', content } });
      expect(up.status, up.body.slice(0, 300)).toBe(303);
      const token = previewToken(up.location);
      const { id: userId } = await env.db.kysely.selectFrom('users').select('id').where('email', '=', f.A.adminEmail).executeTakeFirstOrThrow();
      const previewNow = async () => env.services.imports.preview(f.A.municipalityId, await env.services.imports.load(f.A.municipalityId, userId, token), translator('de'));
      const before = await previewNow();
      expect(before.ok).toBe(true);
      if (!before.ok) return;
      // What the preview form posts when nothing is changed.
      const form: Record<string, string> = {};
      for (const h of before.parsed.columns.headers) form[`col_${h.index}`] = h.role ?? '';
      before.parsed.statuses.forEach((s, i) => Object.assign(form, { [`status_label_${i}`]: s.label, [`status_category_${i}`]: s.category }));
      expect((await admin.post(paths.adminImportMapping(f.A.slug, token), form)).status).toBe(303);
      const after = await previewNow();
      expect(after).toEqual(before);
      const arbeit = before.parsed.plan.fields.find((field) => field.title === 'Arbeit')!;
      expect(arbeit.goals[0].measures[0]).toMatchObject({ number: '7', text: 'Jobbörse für Geflüchtete', timeframe: '2026', status: { label: 'geplant' } });
      await admin.post(paths.adminImportDiscard(f.A.slug, token));
    });

    it('a table left out in the preview stays out at confirmation; ticked differently at confirmation, nothing is written first', async () => {
      const content = await docx(
        para('Handlungsfeld Sprache') +
          table([['Ziel', 'Maßnahme', 'Akteure', 'Status'], ['Mehr Kurse', 'Sprachkurs für Eltern', 'VHS', 'umgesetzt']]) +
          para('Handlungsfeld Arbeit') +
          table([['Ziel', 'Maßnahme', 'Akteure', 'Status'], ['Arbeit finden', 'Jobbörse für Geflüchtete', 'Jobcenter', 'geplant']]),
      );
      const up = await admin.upload(paths.adminImport(f.A.slug), { target: '' }, { file: { name: 'teile.docx', content } });
      expect(up.status, up.body.slice(0, 300)).toBe(303);
      const token = previewToken(up.location);
      const shown = await admin.get(up.location!);
      expect(shown.body).toContain('Tabelle 2 (nach „Handlungsfeld Arbeit“): 2 Zeilen');
      // The officer unticks table 2 and applies; the mapping is kept with the header it was offered for.
      const header = JSON.stringify(['Ziel', 'Maßnahme', 'Akteure', 'Status']);
      expect((await admin.post(paths.adminImportMapping(f.A.slug, token), { part_ids: '0,1', part_0: '1', mapped_header: header, col_1: 'measure' })).status).toBe(303);
      const { id: userId } = await env.db.kysely.selectFrom('users').select('id').where('email', '=', f.A.adminEmail).executeTakeFirstOrThrow();
      expect((await env.services.imports.load(f.A.municipalityId, userId, token)).options).toMatchObject({ excludedParts: [1], mappedHeader: JSON.parse(header), columnMapping: { measure: 1 } });
      const preview = await admin.get(up.location!);
      expect(preview.body).not.toContain('Jobbörse für Geflüchtete');
      const plansBefore = await env.db.kysely.selectFrom('plans').select('id').where('municipality_id', '=', f.A.municipalityId).execute();
      // Confirming with table 2 ticked again writes nothing: the preview comes back with the new choice to check.
      const changed = await admin.post(paths.adminImportConfirm(f.A.slug, token), { part_ids: '0,1', part_0: '1', part_1: '1' });
      expect(changed.status).toBe(303);
      expect(changed.location).toBe(up.location);
      expect(await env.db.kysely.selectFrom('plans').select('id').where('municipality_id', '=', f.A.municipalityId).execute()).toEqual(plansBefore);
      expect((await admin.get(up.location!)).body).toContain('Jobbörse für Geflüchtete');
      // Left out again and confirmed as shown: the plan has table 1's measure only.
      expect((await admin.post(paths.adminImportMapping(f.A.slug, token), { part_ids: '0,1', part_0: '1' })).status).toBe(303);
      const done = await admin.post(paths.adminImportConfirm(f.A.slug, token), { part_ids: '0,1', part_0: '1' });
      expect(done.status).toBe(303);
      const planId = Number(done.location!.split('/').pop());
      const texts = await env.db.kysely.selectFrom('measures').select('text').where('municipality_id', '=', f.A.municipalityId).where('plan_id', '=', planId).execute();
      expect(texts.map((m) => m.text)).toEqual(['Sprachkurs für Eltern']);
    });

    it('in English: the same problems and warnings in the interface language', async () => {
      const english = new Client(env);
      english.cookies.set('teilhabe_lang', 'en');
      await english.signIn(f.A.adminEmail, PASSWORD);
      const garbage = await english.upload(paths.adminImport(f.A.slug), { text: '' }, { file: { name: 'kaputt.xlsx', content: Buffer.from('PK\u0003\u0004 kaputt kaputt') } });
      expect(garbage.status).toBe(400);
      expect(garbage.body).toContain('The file “kaputt.xlsx” is not a valid Excel file (damaged or incomplete');
      expect(garbage.body).toContain('Nothing was saved.');
      const up = await english.upload(paths.adminImport(f.A.slug), { text: 'Ziel\tNr.\tMaßnahme\tAkteure\nMehr Kurse\t1\tSprachkurs für Eltern\t\n' }, {});
      const token = previewToken(up.location);
      const preview = await english.get(up.location!);
      expect(preview.body).toContain('File “pasted text.txt”.');
      expect(preview.body).toContain('Row 2, column “Akteure”:</strong> The measure has no actors.');
      expect(preview.body).not.toMatch(/Row 2[^<]*:<\/strong> Row 2/i);
      expect(preview.body).toContain('>Field of action</option>');
      await english.post(paths.adminImportDiscard(f.A.slug, token));
    });
  });

  describe('export routes: four outcomes', () => {
    it('not signed in: admin exports redirect; public exports of drafts answer 404', async () => {
      const anon = new Client(env);
      expect((await anon.getBytes(paths.adminPlanExport(f.A.slug, f.A.draftPlanId, 'pdf'))).status).toBe(303);
      expect((await anon.getBytes(paths.planExport(f.A.slug, f.A.draftPlanId, 'json'))).status).toBe(404);
    });
    it('bad input: an unknown plan or format answers 404', async () => {
      expect((await admin.getBytes(paths.adminPlanExport(f.A.slug, 999999, 'csv'))).status).toBe(404);
      expect((await admin.getBytes(paths.adminPlanExport(f.A.slug, f.A.planId, 'exe'))).status).toBe(404);
    });
    it("other municipality: B's plans are not exported to A's admin", async () => {
      expect((await admin.getBytes(paths.adminPlanExport(f.B.slug, f.B.planId, 'json'))).status).toBe(404);
      const cross = await admin.getBytes(paths.adminPlanExport(f.A.slug, f.B.draftPlanId, 'json'));
      expect(cross.status).toBe(404);
      expect(cross.bytes.toString()).not.toContain(f.B.secretWord);
    });
    it('success: every format for the admin (draft included) and for the public (published)', async () => {
      for (const format of ['json', 'csv', 'xlsx', 'docx', 'pdf']) {
        const a = await admin.getBytes(paths.adminPlanExport(f.A.slug, f.A.draftPlanId, format));
        expect(a.status, format).toBe(200);
        expect(a.disposition).toContain(`.${format}`);
        expect(a.bytes.length).toBeGreaterThan(100);
        const p = await new Client(env).getBytes(paths.planExport(f.A.slug, f.A.planId, format));
        expect(p.status, format).toBe(200);
      }
      const json = await new Client(env).getBytes(paths.planExport(f.A.slug, f.A.planId, 'json'));
      expect(JSON.parse(json.bytes.toString()).plan.title).toBe('Integrationsplan Amstadt');
      const pdf = await admin.getBytes(paths.adminPlanExport(f.A.slug, f.A.planId, 'pdf'));
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const csv = await admin.getBytes(paths.adminPlanExport(f.A.slug, f.A.planId, 'csv'));
      expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    });
  });
});
