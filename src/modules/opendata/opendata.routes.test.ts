// The officer's open data page and the embed views, on a real database (SQLite and PostgreSQL): only an admin
// changes the settings; bad input gets its message at the field, keeps what was typed and changes nothing; the
// embed views send frame-ancestors from the municipality's own list (another's list never counts), use no
// script, speak the visitor's language and show only the municipality's published plan.
import { offerSchema } from '../offers/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { opendataPaths as paths } from './opendata.paths.js';

describe.each(engines)('open data settings and embeds on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let admin: Client;
  const audit = (m: number) => env.db.kysely.selectFrom('audit_log').selectAll().where('municipality_id', '=', m).where('action', '=', 'opendata.settings').execute();

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  it('only an admin of the municipality opens the settings', async () => {
    expect((await admin.get(paths.adminSettings(f.A.slug))).status).toBe(200);
    expect((await admin.get(paths.adminSettings(f.B.slug))).status).toBe(404);
    const editor = new Client(env);
    await editor.signIn(f.A.editorEmail, PASSWORD);
    expect((await editor.get(paths.adminSettings(f.A.slug))).status).toBe(403);
    expect((await editor.post(paths.adminSettings(f.A.slug), { licence: 'cc-zero', embed_origins: 'https://evil.example' })).status).toBe(403);
    expect((await new Client(env).get(paths.adminSettings(f.A.slug))).status).toBe(303);
  });

  it('bad input: a message at the field, what was typed kept, nothing saved', async () => {
    for (const [form, field] of [
      [{ licence: 'cc-by/4.0', embed_origins: 'www.stadt.de' }, 'embed_origins'],
      [{ licence: 'cc-by/4.0', regional_key: '123' }, 'regional_key'],
      [{ licence: 'proprietary' }, 'licence'],
      [{ licence: 'cc-by/4.0', contributor_id: 'Stadt' }, 'contributor_id'],
    ] as const) {
      const res = await admin.post(paths.adminSettings(f.A.slug), form);
      expect(res.status, field).toBe(400);
      expect(res.body).toContain(`id="feld-${field}-error"`);
      for (const v of Object.values(form)) if (v !== 'proprietary') expect(res.body).toContain(v);
    }
    expect(await audit(f.A.municipalityId)).toHaveLength(0);
    expect((await env.services.opendata.settings(f.A.municipalityId)).updatedAt).toBeNull();
  });

  it('saves the licence and the embed origins (as origins), in the audit log', async () => {
    const res = await admin.post(paths.adminSettings(f.A.slug), { licence: 'dl-zero-de/2.0', attribution: '', embed_origins: 'https://www.amstadt.de/startseite\nhttp://localhost:8080', contributor_id: '', regional_key: '08116019' });
    expect(res.status).toBe(303);
    const s = await env.services.opendata.settings(f.A.municipalityId);
    expect(s).toMatchObject({ licence: 'dl-zero-de/2.0', embedOrigins: ['https://www.amstadt.de', 'http://localhost:8080'], regionalKey: '08116019' });
    expect(await audit(f.A.municipalityId)).toHaveLength(1);
    const api = (await (await env.app.request(`/api/v1/${f.A.slug}`)).json()) as { licence: { uri: string } };
    expect(api.licence.uri).toBe('http://dcat-ap.de/def/licenses/dl-zero-de/2.0');
  });

  it('embeds: framed only by the municipality\'s own list, no script, the visitor\'s language, published content only', async () => {
    const visitor = new Client(env);
    const a = await visitor.get(`${paths.embed(f.A.slug, 'plan')}?lang=ar`);
    expect(a.status).toBe(200);
    const csp = a.res.headers.get('content-security-policy')!;
    expect(csp).toContain('frame-ancestors https://www.amstadt.de http://localhost:8080;');
    expect(csp).toContain("script-src 'none'");
    expect(a.res.headers.get('x-frame-options')).toBeNull();
    expect(a.body).toContain('<html lang="ar" dir="rtl">');
    expect(a.body).not.toContain('<script');
    expect(a.body).toContain('Sprache in Amstadt');
    expect(a.body).not.toMatch(/ENTWURF|Geheimer Entwurf|Bedorf/);
    const b = await visitor.get(paths.embed(f.B.slug, 'dashboard'));
    expect(b.status).toBe(200);
    expect(b.res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(b.body).not.toMatch(/Amstadt|Apfel|ENTWURF/);
    expect((await visitor.get(paths.embed(f.A.slug, 'unbekannt'))).status).toBe(404);
    // the Wegweiser (the offers module's embed): published offers only, linked to their pages
    const offer = (values: Record<string, string>) => offerSchema.parse({ category: 'language_cafe', frequency: 'weekly', weekdays: 'TU', start_time: '16:00', end_time: '18:00', free_of_charge: '1', ...values });
    const published = await env.services.offers.create(f.A.municipalityId, offer({ title: 'Sprachcafé Apfel', state: 'published' }), { userId: null, name: 'Test' }, { kind: 'officer' });
    await env.services.offers.create(f.A.municipalityId, offer({ title: 'Entwurfscafé', state: 'draft' }), { userId: null, name: 'Test' }, { kind: 'officer' });
    const w = await visitor.get(paths.embed(f.A.slug, 'wegweiser'));
    expect(w.status).toBe(200);
    expect(w.res.headers.get('content-security-policy')).toContain('frame-ancestors https://www.amstadt.de http://localhost:8080;');
    expect(w.body).toContain(`href="/${f.A.slug}/wegweiser/${published}"`);
    expect(w.body).toContain('Sprachcafé Apfel');
    expect(w.body).not.toContain('Entwurfscafé');
    expect(w.body).not.toContain('<script');
    // every other page still refuses framing
    const page = await visitor.get(`/${f.A.slug}`);
    expect(page.res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('the public open data page names the licence and offers the published plans only, linked beside the plan\'s downloads', async () => {
    const visitor = new Client(env);
    const page = await visitor.get(paths.openData(f.A.slug));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Datenlizenz Deutschland – Zero – Version 2.0');
    expect(page.body).toContain(paths.planData(f.A.slug, f.A.planId, 'csv'));
    expect(page.body).not.toContain(`/plans/${f.A.draftPlanId}/`);
    expect(page.body).not.toMatch(/ENTWURF|Geheimer Entwurf/);
    const b = await visitor.get(paths.openData(f.B.slug));
    expect(b.body).toContain('Datenlizenz Deutschland – Namensnennung – Version 2.0');
    expect(b.body).toContain('Bedorf');
    const plan = await visitor.get(`/${f.A.slug}/plaene/${f.A.planId}`);
    expect(plan.body).toContain(`href="${paths.openData(f.A.slug)}"`);
  });
});
