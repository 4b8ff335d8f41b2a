// Public and internal apart (must-show 4): a staff member signs in, imports a catalogue from a file, changes
// statuses with a public and an internal note, writes an internal and a public progress note, adds funding that
// ends soon and starts an update round whose answer she accepts. Then every public page (walked from the route
// table) and every public download, in German and English, is read: none names her, her address, the file or
// an internal note, and none shows funding warnings or the round. The admin pages do show them, so this can fail.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules.js';
import { exportCsv } from '../src/modules/exports/index.js';
import { platformLocales } from '../src/platform/i18n/i18n.js';
import { pdfPages, skipWithoutPoppler } from './fixtures/exports/poppler.js';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const STAFF_NAME = 'Erika Mustermann-Intern';
const STAFF_EMAIL = 'erika.intern@amstadt.example';
const FILE = 'geheime-datei-xyz';
const INTERNAL = 'INTERN-GEHEIM';
const ROUND = 'RUNDE-VERTRAULICH-2026';
/** What no public page or download may contain; the file's name without its extension catches a plan title too. */
const FORBIDDEN = [STAFF_NAME, 'Mustermann', STAFF_EMAIL, FILE, INTERNAL, ROUND];

const pathOf = (url: string) => new URL(url, 'http://localhost').pathname;

/** The text a reader's tool sees in a download. */
async function textOf(format: string, bytes: Buffer): Promise<string> {
  if (format === 'pdf') return pdfPages(bytes).join('\n');
  if (format === 'xlsx' || format === 'docx') {
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
    return parts.join('\n');
  }
  return bytes.toString('utf8');
}

/** Every string of a locale tree, with its key. */
function strings(tree: unknown, path = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[path, tree]];
  if (tree && typeof tree === 'object') return Object.entries(tree).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

it('no string of the interface promises a later version or says that something comes soon', () => {
  const all = [...strings(platformLocales), ...MODULES.flatMap((m) => strings(m.locales ?? {}, m.name))];
  expect(all.length).toBeGreaterThan(500);
  const placeholders = all.filter(([, text]) => /späteren Version|kommt bald|demnächst|in Kürze verfügbar|later version|coming soon|\bTODO\b/i.test(text));
  expect(placeholders).toEqual([]);
});

describe.each(engines)('nothing internal reaches the public on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let erika: Client;
  let docxPlanId = 0;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    const s = env.services;
    const mid = f.A.municipalityId;
    const userId = await s.auth.createUser({ email: STAFF_EMAIL, name: STAFF_NAME, password: PASSWORD });
    await s.auth.addMembership(mid, userId, 'admin');
    const writer = { userId, name: STAFF_NAME };
    erika = new Client(env);
    await erika.signIn(STAFF_EMAIL, PASSWORD);
    // An edition before anything changes, so that the yearly report lists the changes with their reasons.
    await s.editions.create(mid, f.A.planId, { label: '1.0', adopted_on: null, paper_number: '', note: '' }, writer);
    env.now.value = new Date('2026-03-01T10:01:00Z');

    // A new plan imported from a Word file, published.
    const up = await erika.upload(paths.adminImport(f.A.slug), {}, { file: { name: `${FILE}.docx`, content: readFileSync('test/fixtures/import/one-table.docx') } });
    expect(up.status, up.body.slice(0, 300)).toBe(303);
    const confirmed = await erika.post(paths.adminImportConfirm(f.A.slug, up.location!.split('/').pop()!));
    expect(confirmed.status).toBe(303);
    docxPlanId = Math.max(...(await s.plans.listPlans(mid)).map((p) => p.id));

    // An update of the published plan from a returned sheet: its status note names the file.
    const exchange = await s.plans.exchange(mid, f.A.planId);
    exchange.fields[0].goals[0].measures[1].status = { category: 'in_progress', label: 'In Umsetzung seit 2026', date: null };
    const csv = exportCsv({ plan: exchange, municipalityName: 'Amstadt', stateDate: '2026-03-02', planState: 'published', lang: 'de' });
    const update = await erika.upload(paths.adminImport(f.A.slug), { target: String(f.A.planId) }, { file: { name: `${FILE}.csv`, content: csv } });
    expect(update.status, update.body.slice(0, 300)).toBe(303);
    expect((await erika.post(paths.adminImportConfirm(f.A.slug, update.location!.split('/').pop()!))).status).toBe(303);

    // Status changes and notes by hand: public and internal.
    const measure = f.A.measureId;
    expect((await erika.post(paths.adminMeasureStatus(f.A.slug, measure), { status_label: 'In Umsetzung', note: 'Öffentliche Begründung der Änderung' })).status).toBe(303);
    expect((await erika.post(paths.adminMeasureStatus(f.A.slug, measure), { status_label: 'Wird fortgesetzt', note: `${INTERNAL} Statusgrund`, note_internal: '1' })).status).toBe(303);
    expect((await erika.post(paths.adminMeasureNote(f.A.slug, measure), { text: `${INTERNAL} Sachstand`, internal: '1' })).status).toBe(303);
    expect((await erika.post(paths.adminMeasureNote(f.A.slug, measure), { text: 'Öffentlicher Sachstand zum Kurs' })).status).toBe(303);

    // Funding that ends soon while the measure goes on: a warning for the officer.
    const running = (await s.plans.tree(mid, f.A.planId)).fields[0].goals[0].measures[1];
    expect(running.status_category).toBe('in_progress');
    await s.monitoring.createFunding(mid, running.id, { programme: 'Landesprogramm Sprache', amount: 1_000_000, start_date: '2025-01-01', end_date: '2026-03-20' }, writer);

    // An open update round; the VHS answers through its link and Erika accepts it.
    const municipality = await s.municipalities.getBySlug(f.A.slug);
    const { roundId, links } = await s.rounds.start(municipality, { plan_id: f.A.planId, title: ROUND, deadline: '2026-04-30' }, writer);
    const vhsLink = links.find((l) => l.actorName.startsWith('VHS'))!;
    const vhs = new Client(env);
    await vhs.get(pathOf(vhsLink.url));
    const answered = await vhs.post(pathOf(vhsLink.url), { [`status_label_${measure}`]: 'Abgeschlossen', [`note_${measure}`]: 'Kurs abgeschlossen laut VHS' });
    expect(answered.status).toBe(303);
    const change = await env.db.kysely.selectFrom('round_changes').select('id').where('measure_id', '=', measure).executeTakeFirstOrThrow();
    expect((await erika.post(paths.adminRoundAccept(f.A.slug, roundId, change.id))).status).toBe(303);

    expect((await erika.post(paths.adminPlanState(f.A.slug, docxPlanId), { state: 'published', confirm: '1' })).status).toBe(303);

    // A published participation process whose phase has a public agenda (uploaded from the file) and internal minutes.
    const processId = await s.processes.create(mid, f.A.planId, { title: 'Beteiligung Amstadt', description: '' }, writer, { state: 'published' });
    const phaseId = await s.processes.addPhase(mid, processId, { kind: 'kickoff', title: 'Auftakt', description: '', starts_on: '2026-02-01', ends_on: '2026-02-01' }, writer);
    for (const [title, isPublic] of [['Tagesordnung Auftakt', '1'], [`${INTERNAL} Protokoll`, '']] as const) {
      const doc = await erika.upload(paths.adminPhaseDocumentNew(f.A.slug, phaseId), { title, kind: 'agenda', is_public: isPublic }, { file: { name: `${FILE}.txt`, content: Buffer.from('Tagesordnung: Begrüßung, Austausch\n') } });
      expect(doc.status, doc.body.slice(0, 300)).toBe(303);
    }
  });
  afterAll(() => env?.close());

  /** Every public address from the route table, with the ids of everything public; a new public route fails here until it is listed. */
  async function publicUrls(): Promise<string[]> {
    const s = env.services;
    const mid = f.A.municipalityId;
    const plans = (await s.plans.listPlans(mid)).filter((p) => p.state === 'published' || p.state === 'archived');
    expect(plans.map((p) => p.id)).toEqual(expect.arrayContaining([f.A.planId, docxPlanId]));
    const trees = await Promise.all(plans.map((p) => s.plans.tree(mid, p.id)));
    const questionnaires = (await s.questionnaires.list(mid)).map((q) => q.id);
    const measures = trees.flatMap((t) => t.fields.flatMap((x) => [...x.goals.flatMap((g) => g.measures), ...x.furtherMeasures]));
    const ids: Record<string, number[]> = {
      plan: plans.map((p) => p.id),
      planExport: plans.map((p) => p.id),
      field: trees.flatMap((t) => t.fields.map((x) => x.id)),
      measure: measures.map((m) => m.id),
      actor: [...new Set(measures.flatMap((m) => m.actors.map((a) => a.id)))],
      publicGroup: (await s.groups.list(mid)).map((g) => g.id),
      groupFeed: (await s.groups.list(mid)).map((g) => g.id),
      // A phase's public documents are downloads (walked as text; their headers below, their own tests in
      // src/modules/participation/process.documents.test.ts), and one that is not public.
      phaseDocument: (await s.processes.publicTimeline(mid))!.phases.flatMap((p) => p.documents.map((d) => d.id)),
    };
    expect(ids.phaseDocument.length).toBe(1);
    // Events and registration for them: the published events (their own tests walk the online link's absence).
    const events = (await s.events.list(mid)).filter((e) => e.state === 'published').map((e) => e.id);
    for (const name of ['event', 'eventIcs', 'register', 'registered']) ids[name] = events;
    for (const name of ['publicStart', 'publicAnswer', 'publicThanks', 'publicResults']) ids[name] = questionnaires;
    const queries: Record<string, string[]> = {
      // The words of the internal texts, not the forbidden ones themselves: the search form shows its query again.
      search: ['', 'Sprachkurs', 'Statusgrund', 'Sachstand', 'Erika', 'datei', 'VERTRAULICH', 'Landesprogramm'].map((q) => `?q=${encodeURIComponent(q)}`),
      dashboard: ['', ...ids.field.map((id) => `?feld=${id}`)],
    };
    // Not pages for the public: signing in and out, one's own account, the health check, and the links with a
    // token (an actor's round link, an invitation or reset link).
    // A working group's public document is a download (its own tests: src/modules/groups/groups.test.ts).
    const notPages = new Set(['signIn', 'signOut', 'account', 'health', 'roundLink', 'publicContinue', 'setPassword', 'join', 'asset', 'instanceAdmin', 'link', 'confirm', 'cancel', 'publicDocument']);
    const urls: string[] = [];
    for (const [name, r] of Object.entries(paths)) {
      const route = r as { pattern?: string; patterns?: string[] };
      if (!route.pattern || route.pattern.includes('/verwaltung') || notPages.has(name)) continue;
      const needsId = route.pattern.includes(':id');
      expect(!needsId || name in ids, `public route ${name} (${route.pattern}) is not walked: list its ids here`).toBe(true);
      for (const pattern of route.patterns ?? [route.pattern]) {
        for (const id of needsId ? ids[name] : [0]) {
          const base = pattern.replace(':slug', f.A.slug).replace(':id', String(id));
          for (const q of queries[name] ?? ['']) urls.push(`${base}${q}`);
        }
      }
    }
    return urls;
  }

  it('no public page, in German or English, names the staff member, the file, the round or an internal note', async () => {
    const anon = new Client(env);
    const urls = (await publicUrls()).filter((u) => !u.includes('/export.'));
    expect(urls.length).toBeGreaterThan(20);
    let read = 0;
    for (const url of urls) {
      for (const lang of ['de', 'en']) {
        const res = await anon.get(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        expect([200, 404], url).toContain(res.status);
        if (res.status !== 200) continue;
        read++;
        for (const word of FORBIDDEN) expect(res.body, `${url} (${lang}) shows "${word}"`).not.toContain(word);
        expect(res.body, `${url} (${lang}) shows funding notices`).not.toMatch(/Hinweise? zur Förderung|funding notices?/i);
        if (url.includes('/umsetzung')) expect(res.body, `${url} (${lang}) shows a funding warning`).not.toContain('Landesprogramm Sprache');
      }
    }
    expect(read).toBeGreaterThan(40);
  });

  it('a phase’s public document downloads under its title, never the uploaded file’s name; an internal one is unknown', async () => {
    const anon = new Client(env);
    const timeline = (await env.services.processes.timeline(f.A.municipalityId, (await env.services.processes.publicProcess(f.A.municipalityId))!.id, { public: false })).phases[0].documents;
    const [pub, internal] = [timeline.find((d) => d.isPublic)!, timeline.find((d) => !d.isPublic)!];
    const file = await anon.getBytes(paths.phaseDocument(f.A.slug, pub.id));
    expect(file.status).toBe(200);
    expect(file.disposition).toBe(`attachment; filename="Tagesordnung Auftakt.txt"; filename*=UTF-8''Tagesordnung%20Auftakt.txt`);
    expect((await anon.getBytes(paths.phaseDocument(f.A.slug, internal.id))).status).toBe(404);
    const page = await anon.get(paths.timeline(f.A.slug));
    expect(page.body).toContain('Tagesordnung Auftakt');
  });

  it('the public measure page says who changed it as the public may know it, and keeps its public notes', async () => {
    const de = await new Client(env).get(paths.measure(f.A.slug, f.A.measureId));
    expect(de.body).toContain('Öffentliche Begründung der Änderung');
    expect(de.body).toContain('Öffentlicher Sachstand zum Kurs');
    expect(de.body).toContain('· Stadtverwaltung');
    expect(de.body).toContain('VHS Amstadt');
    const en = await new Client(env).get(`${paths.measure(f.A.slug, f.A.measureId)}?lang=en`);
    expect(en.body).toContain('· City administration');
  });

  it.skipIf(skipWithoutPoppler)('no public download names the staff member, the file, the round or an internal note', async () => {
    const anon = new Client(env);
    const urls = (await publicUrls()).filter((u) => u.includes('/export.'));
    expect(urls.length).toBe(2 * 5);
    for (const url of urls) {
      const format = url.split('.').pop()!;
      const res = await anon.getBytes(url);
      expect(res.status, url).toBe(200);
      const text = await textOf(format, res.bytes);
      for (const word of FORBIDDEN) expect(text, `${url} contains "${word}"`).not.toContain(word);
    }
    const csv = (await anon.getBytes(paths.planExport(f.A.slug, f.A.planId, 'csv'))).bytes.toString('utf8');
    expect(csv).toContain('Öffentlicher Sachstand zum Kurs');
  });

  it.skipIf(skipWithoutPoppler)('the yearly report, a public document, names no staff member and carries no internal note', async () => {
    for (const format of ['pdf', 'docx'] as const) {
      const res = await erika.getBytes(paths.adminPlanReport(f.A.slug, f.A.planId, format));
      expect(res.status).toBe(200);
      const text = await textOf(format, res.bytes);
      for (const word of FORBIDDEN) expect(text, `report.${format} contains "${word}"`).not.toContain(word);
      expect(text).toContain('Stadtverwaltung');
    }
  });

  it('the admin area shows all of it: the internal notes marked, who wrote them, the funding warning, the round', async () => {
    const measure = await erika.get(paths.adminMeasure(f.A.slug, f.A.measureId));
    expect(measure.body).toContain(`${INTERNAL} Sachstand`);
    expect(measure.body).toContain(`${INTERNAL} Statusgrund`);
    expect(measure.body).toContain(STAFF_NAME);
    expect(measure.body).toContain(ROUND);
    expect(measure.body).toContain('Nur intern (nicht öffentlich)');
    // Each form says what becomes public: the status note and the progress note.
    expect(measure.body).toContain('Die Notiz erscheint mit der Statusänderung auf der öffentlichen Seite der Maßnahme, außer Sie markieren sie als intern.');
    expect(measure.body).toContain('Der Sachstand erscheint auf der öffentlichen Seite der Maßnahme und in den Downloads des Plans, außer Sie markieren ihn als intern.');
    const updated = (await env.services.plans.tree(f.A.municipalityId, f.A.planId)).fields[0].goals[0].measures[1];
    expect((await erika.get(paths.adminMeasure(f.A.slug, updated.id))).body).toContain(`${FILE}.csv`);
    const board = await erika.get(paths.adminDashboardOf(f.A.slug, f.A.planId));
    expect(board.body).toContain('Landesprogramm Sprache');
    expect(board.body).toMatch(/Hinweis zur Förderung/);
  });
});
