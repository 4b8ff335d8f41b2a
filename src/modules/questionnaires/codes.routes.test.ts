// The access codes routes, four outcomes each (not signed in, bad input, other municipality, success), a role
// without the permission, what generating does (single batch numbering, the alphabet, uniqueness), and the
// printed sheet: pdftotext finds every code, and the QR code on a rendered page decodes to the code's link.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFourOutcomes, R as route, type RouteCase } from '../../../test/four-outcomes.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Side, type TestEnv } from '../../../test/support.js';
import { drawsNotdef } from '../../../test/fixtures/exports/notdef.js';
import { pdfBoxes, pdfinfo } from '../../../test/fixtures/exports/poppler.js';
import { translator } from '../../platform/i18n/i18n.js';
import { CODE_ALPHABET, normalizeCode } from './codes.model.js';
import { paths } from './questionnaires.paths.js';

interface Seeded extends Side {
  questionnaireId: number;
}

const R = route<Seeded>;
const by = { userId: null, name: 'Test' };

const ROUTES: Array<RouteCase<Seeded>> = [
  R('codes page', 'GET', (s) => paths.adminCodes(s.slug, s.questionnaireId), { shows: () => 'Stapel 1' }),
  R('make codes', 'POST', (s) => paths.adminCodes(s.slug, s.questionnaireId), {
    valid: () => ({ count: '12' }),
    invalid: { form: () => ({ count: 'zwölf-Merker' }), keep: 'zwölf-Merker' },
  }),
  R('code sheet', 'GET', (s) => paths.adminCodesPdf(s.slug, s.questionnaireId), { type: 'application/pdf' }),
];

async function fingerprint(env: TestEnv): Promise<string> {
  const codes = await env.db.kysely.selectFrom('questionnaire_codes').select(['questionnaire_id', 'code', 'batch', 'used']).orderBy('id').execute();
  const audit = await env.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return JSON.stringify({ codes, audit: Number(audit.n) });
}

async function seed(env: TestEnv): Promise<{ A: Seeded; B: Seeded }> {
  const f = await seedTwoMunicipalities(env);
  const make = async (s: Side, title: string): Promise<Seeded> => {
    const questionnaireId = await env.services.questionnaires.createFromSpec(
      s.municipalityId,
      s.planId,
      { title, state: 'published', access: 'codes', sections: [{ title: 'Sprache', questions: [{ type: 'short_text', text: 'Was fehlt?' }] }] },
      by,
    );
    await env.services.questionnaireCodes.generate(s.municipalityId, questionnaireId, 3, by);
    return { ...s, questionnaireId };
  };
  return { A: await make(f.A, 'Befragung Amstadt'), B: await make(f.B, `Befragung ${f.B.secretWord}`) };
}

describeFourOutcomes<Seeded>({ title: 'questionnaire access codes routes', routes: ROUTES, seed, fingerprint });

function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
}

describe.each(engines)('access codes on %s', (engine) => {
  let env: TestEnv;
  let A: Seeded;
  let admin: Client;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    ({ A } = await seed(env));
    admin = new Client(env);
    await admin.signIn(A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  const codesOf = async (questionnaireId: number) => env.db.kysely.selectFrom('questionnaire_codes').select(['code', 'batch', 'used']).where('questionnaire_id', '=', questionnaireId).orderBy('id').execute();

  it('refuses a member whose role may not manage questionnaires', async () => {
    const user = await env.services.auth.createUser({ email: 'vertretung@amstadt.example', name: 'Vertretung', password: PASSWORD });
    await env.services.auth.addMembership(A.municipalityId, user, 'actor_rep');
    const rep = new Client(env);
    await rep.signIn('vertretung@amstadt.example', PASSWORD);
    const before = await fingerprint(env);
    expect((await rep.get(paths.adminCodes(A.slug, A.questionnaireId))).status).toBe(403);
    expect((await rep.getBytes(paths.adminCodesPdf(A.slug, A.questionnaireId))).status).toBe(403);
    expect((await rep.post(paths.adminCodes(A.slug, A.questionnaireId), { count: '5' })).status).toBe(403);
    expect(await fingerprint(env)).toBe(before);
  });

  it('makes each batch with the next number, codes of the unambiguous alphabet, all different', async () => {
    const res = await admin.post(paths.adminCodes(A.slug, A.questionnaireId), { count: '40' });
    expect(res.status).toBe(303);
    const page = await admin.get(paths.adminCodes(A.slug, A.questionnaireId));
    expect(page.body).toContain('40 Codes als Stapel 2 erzeugt.');
    expect(page.body).toContain('43 Codes erzeugt, 0 benutzt, 43 noch frei.');
    const codes = await codesOf(A.questionnaireId);
    expect(codes.filter((c) => c.batch === 2).length).toBe(40);
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
    for (const { code } of codes) {
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      for (const ch of code.replace('-', '')) expect(CODE_ALPHABET).toContain(ch);
      expect(code).not.toMatch(/[01OIL]/);
      expect(normalizeCode(code.toLowerCase().replace('-', ' '))).toBe(code);
    }
  });

  it('refuses more codes than a batch holds, and codes for an open questionnaire', async () => {
    const open = await env.services.questionnaires.createFromSpec(A.municipalityId, A.planId, { title: 'Offen', sections: [] }, by);
    const before = await fingerprint(env);
    const tooMany = await admin.post(paths.adminCodes(A.slug, A.questionnaireId), { count: '2001' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toContain('Geben Sie eine ganze Zahl zwischen 1 und 2000 ein.');
    const page = await admin.get(paths.adminCodes(A.slug, open));
    expect(page.body).toContain('braucht keine Zugangscodes');
    expect(page.body).not.toContain('name="count"');
    expect((await admin.post(paths.adminCodes(A.slug, open), { count: '5' })).status).toBe(404);
    await expect(env.services.questionnaireCodes.generate(A.municipalityId, open, 5, by)).rejects.toThrow('not answered with access codes');
    expect(await fingerprint(env)).toBe(before);
  });

  it('prints a sheet with every code, only the free ones, or one batch', async () => {
    const codes = await codesOf(A.questionnaireId);
    const sheet = await admin.getBytes(paths.adminCodesPdf(A.slug, A.questionnaireId));
    expect(sheet.status).toBe(200);
    expect(sheet.disposition).toContain('zugangscodes-befragung-amstadt.pdf');
    const text = pdfText(sheet.bytes);
    for (const { code } of codes) expect(text).toContain(code);
    expect(text).toContain('Befragung Amstadt');
    expect(text).toContain('Ihr Zugangscode:');
    // the address may wrap after a slash on the card
    expect(text.replace(/\s+/g, '')).toContain(`localhost:3000/${A.slug}/befragungen/${A.questionnaireId}`);

    // one used code leaves the sheet of free ones
    const used = codes[0].code;
    await env.db.kysely.updateTable('questionnaire_codes').set({ used: 1 }).where('code', '=', used).where('questionnaire_id', '=', A.questionnaireId).execute();
    const free = pdfText((await admin.getBytes(`${paths.adminCodesPdf(A.slug, A.questionnaireId)}?unused=1`)).bytes);
    expect(free).not.toContain(used);
    expect(free).toContain(codes[1].code);
    const page = await admin.get(paths.adminCodes(A.slug, A.questionnaireId));
    expect(page.body).toContain('43 Codes erzeugt, 1 benutzt, 42 noch frei.');

    const batch1 = pdfText((await admin.getBytes(`${paths.adminCodesPdf(A.slug, A.questionnaireId)}?batch=1`)).bytes);
    for (const c of codes) {
      if (c.batch === 1) expect(batch1).toContain(c.code);
      else expect(batch1).not.toContain(c.code);
    }
    expect((await admin.getBytes(`${paths.adminCodesPdf(A.slug, A.questionnaireId)}?batch=9`)).status).toBe(404);
    expect((await admin.getBytes(`${paths.adminCodesPdf(A.slug, A.questionnaireId)}?batch=x`)).status).toBe(404);
  });

  it('prints the sheet in the officer’s language', async () => {
    const client = new Client(env);
    await client.signIn(A.adminEmail, PASSWORD);
    const text = pdfText((await client.getBytes(`${paths.adminCodesPdf(A.slug, A.questionnaireId)}?lang=en`)).bytes);
    expect(text).toContain('Your access code:');
    expect(text).toContain('Take part at:');
  });

  it('prints an Arabic sheet: shaped, right to left, no empty boxes, the German title tagged German', async () => {
    const sheet = (await admin.getBytes(`${paths.adminCodesPdf(A.slug, A.questionnaireId)}?lang=ar`)).bytes;
    const t = translator('ar');
    expect(drawsNotdef(sheet)).toBe(false);
    const structure = pdfinfo(sheet, '-struct-text');
    for (const key of ['takePart', 'yourCode', 'note']) expect(structure).toContain(`"${t(`questionnaires.codes.sheet.${key}`)}"`);
    // pdftotext reads the Arabic lines right to left (the card's words without punctuation).
    const text = pdfText(sheet).replace(/[\u202a-\u202e]/g, '');
    expect(text).toContain(t('questionnaires.codes.sheet.yourCode').replace(/[:：]$/, ''));
    expect(sheet.toString('latin1')).toMatch(/\/S \/H2\n\/Lang \(de-DE\)/);
    // The Arabic words stand at the card's right, the QR code at its left.
    const words = pdfBoxes(sheet);
    const code = words.find((w) => /^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(w.text))!;
    expect(code).toBeDefined();
    const arabic = words.filter((w) => /\p{Script=Arabic}/u.test(w.text));
    expect(arabic.length).toBeGreaterThan(0);
    expect(Math.min(...arabic.slice(0, 5).map((w) => w.xMin))).toBeGreaterThan(150);
  });

  it('draws a QR code that a reader decodes to the link with the code', async () => {
    const [first] = await codesOf(A.questionnaireId);
    const sheet = await admin.getBytes(`${paths.adminCodesPdf(A.slug, A.questionnaireId)}?batch=1`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-qr-'));
    try {
      fs.writeFileSync(path.join(dir, 'sheet.pdf'), sheet.bytes);
      execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '620', '-H', '420', path.join(dir, 'sheet.pdf'), path.join(dir, 'page')]);
      const file = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
      const png = PNG.sync.read(fs.readFileSync(path.join(dir, file)));
      const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(found?.data).toBe(`http://localhost:3000/${A.slug}/befragungen/${A.questionnaireId}?code=${first.code}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
