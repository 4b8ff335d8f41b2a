// A long plan (250 measures in 12 fields of action) is read page by page: the catalogue in pages of whole fields
// of action (at most 100 measures each, with contents naming every field and its page), the search's measures 50 at
// a time. Every measure is on exactly one page; a plan of usual size stays one page, printable whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../bench/catalogue.js';
import { allMeasures } from '../src/modules/plan/index.js';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const MEASURES = 250;
const by = { userId: null, name: 'Test' };
/** The numbers of the measures a page lists (in the catalogue's table and in the search's list alike). */
const measureNumbers = (html: string) => [...html.matchAll(/[>:] Maßnahme (\d+): Sprachkursangebote|>Maßnahme (\d+): Sprachkursangebote/g)].map((m) => Number(m[1] ?? m[2]));

describe.each(engines)('long lists on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  const slug = 'grossstadt';

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    const { municipality } = await env.services.municipalities.create(
      { slug, name: 'Großstadt', office_name: '', contact_person: '', contact_email: '', contact_phone: '', contact_address: '', admin_email: 'admin@grossstadt.example', admin_name: 'Test' },
      by,
    );
    await env.services.wordings.seedDefaults(municipality.id);
    const parsed = await env.services.imports.parse(municipality.id, 'lang.txt', Buffer.from(generateCatalogue(MEASURES)), {}, ((k: string) => k) as never);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    await env.services.importPlan(municipality.id, parsed.plan, by, { state: 'published' });
  });
  afterAll(() => env.close());

  const get = async (path: string) => {
    const res = await env.app.request(path);
    expect(res.status, path).toBe(200);
    return res.text();
  };

  it('the catalogue comes in pages of whole fields of action, each measure on exactly one page', async () => {
    const first = await get(`/${slug}/katalog`);
    expect(first).toContain('Der Katalog ist lang und auf mehrere Seiten verteilt.');
    expect(first).not.toContain('Druckfunktion Ihres Browsers');
    expect(first).toContain('Seite 1 von 3');
    expect(first).toContain(`href="/${slug}/katalog?seite=2"`);
    // the contents name every field of action with the page it is on
    for (let n = 1; n <= 12; n++) expect(first).toMatch(new RegExp(`href="/${slug}/katalog\\?seite=\\d#cat-field-\\d+"[^>]*>Bereich ${n}<`));
    const pages = [first, await get(`/${slug}/katalog?seite=2`), await get(`/${slug}/katalog?seite=3`)];
    const numbers = pages.map(measureNumbers);
    for (const list of numbers) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(100);
    }
    expect(numbers.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: MEASURES }, (_, i) => i + 1));
    expect(numbers[0][0]).toBe(1);
    expect(pages[2]).toContain('Seite 3 von 3');
    expect(pages[2]).not.toContain(`?seite=4`);
    // a page number out of range or not a number: the nearest page
    expect(measureNumbers(await get(`/${slug}/katalog?seite=99`))).toEqual(numbers[2]);
    expect(measureNumbers(await get(`/${slug}/katalog?seite=abc`))).toEqual(numbers[0]);
    // in another language: the pager and the note in it
    const en = await (await env.app.request(`/${slug}/katalog?seite=2`, { headers: { 'accept-language': 'en' } })).text();
    expect(en).toContain('Page 2 of 3');
    expect(en).toContain('The catalogue is long');
  });

  it('the plan\'s outline (what offers link to) lists fields and measures in the catalogue\'s order', async () => {
    for (const slug of [f.A.slug, 'grossstadt']) {
      const m = (await env.services.municipalities.findBySlug(slug))!;
      const plan = (await env.services.plans.findCurrentPublishedPlan(m.id))!;
      const [outline, tree] = await Promise.all([env.services.plans.outline(m.id, plan.id), env.services.plans.tree(m.id, plan.id)]);
      expect(outline.fields.map((x) => x.id)).toEqual(tree.fields.map((x) => x.id));
      expect(outline.measures.map((x) => x.id)).toEqual(allMeasures(tree).map((x) => x.id));
    }
  });

  it('a plan of usual size is one catalogue page, printable whole', async () => {
    const page = await get(`/${f.A.slug}/katalog`);
    expect(page).toContain('Druckfunktion Ihres Browsers');
    expect(page).not.toContain('Seite 1 von');
    expect(page).not.toContain('katalog?seite=');
  });

  it('the search shows the measures found 50 at a time, its filters kept from page to page', async () => {
    const first = await get(`/${slug}/suche?q=Sprachkursangebote`);
    expect(first).toContain(`${MEASURES} Maßnahmen`);
    expect(measureNumbers(first)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(first).toContain('Seite 1 von 5');
    expect(first).toContain(`href="/${slug}/suche?q=Sprachkursangebote&amp;seite=2"`);
    const last = await get(`/${slug}/suche?q=Sprachkursangebote&seite=5`);
    expect(measureNumbers(last)).toEqual(Array.from({ length: 50 }, (_, i) => i + 201));
    expect(last).toContain(`${MEASURES} Maßnahmen`);
    // a filter narrows the list below a page: no pager
    const filtered = await get(`/${slug}/suche?q=Sprachkursangebote+250`);
    expect(filtered).not.toContain('Seite 1 von');
  });
});
