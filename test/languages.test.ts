// The six interface languages through the app: <html lang dir>, the language switch on public and admin pages
// (every language in its own name, the same place, remembered), the choice from query, cookie and browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const NAMES: Array<[string, string]> = [
  ['de', 'Deutsch'],
  ['en', 'English'],
  ['tr', 'Türkçe'],
  ['ar', 'العربية'],
  ['uk', 'Українська'],
  ['ru', 'Русский'],
];

/** The language switch's links: [lang attribute, href, text]. */
function switchLinks(body: string): Array<[string, string, string]> {
  const list = /<ul class="lang-switch__list">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '';
  return [...list.matchAll(/<a [^>]*href="([^"]*)"[^>]*lang="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[2], m[1].replace(/&amp;/g, '&'), m[3]]);
}

describe.each(engines)('interface languages on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('an Arabic page runs right to left; the others left to right', async () => {
    const ar = await new Client(env).get(`${paths.measure(f.A.slug, f.A.measureId)}?lang=ar`);
    expect(ar.status).toBe(200);
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    for (const lang of ['tr', 'uk', 'ru']) {
      const res = await new Client(env).get(`${paths.municipality(f.A.slug)}?lang=${lang}`);
      expect(res.body).toContain(`<html lang="${lang}" dir="ltr">`);
    }
  });

  it('the switch lists every language in its own name, keeping path and query', async () => {
    const url = `${paths.search(f.A.slug)}?q=Sprachkurs`;
    const res = await new Client(env).get(`${url}&lang=ru`);
    expect(res.body).toContain('<html lang="ru" dir="ltr">');
    const [easy, ...reversed] = switchLinks(res.body).reverse();
    const links = reversed.reverse();
    expect(links.map(([lang, , text]) => [lang, text])).toEqual(NAMES);
    for (const [lang, href] of links) expect(href).toBe(`${paths.search(f.A.slug)}?q=Sprachkurs&lang=${lang}`);
    // Last, Leichte Sprache (German): the LS version of this page, told where the reader comes from.
    expect(easy).toEqual(['de', `/${f.A.slug}/leichte-sprache?von=${encodeURIComponent(paths.search(f.A.slug))}`, 'Leichte Sprache']);
    // The current language is marked.
    const anchors = res.body.match(/<a [^>]*hreflang="[^"]+"[^>]*>/g) ?? [];
    expect(anchors.filter((a) => a.includes('aria-current="true"'))).toEqual([expect.stringContaining('lang="ru"')]);
  });

  it('the choice is remembered (cookie) and wins over the browser; the browser decides without one', async () => {
    const client = new Client(env);
    await client.get(`${paths.municipality(f.A.slug)}?lang=uk`);
    const later = await client.get(paths.measure(f.A.slug, f.A.measureId));
    expect(later.body).toContain('<html lang="uk" dir="ltr">');
    const fromBrowser = await env.app.request(paths.municipality(f.A.slug), { headers: { 'accept-language': 'ar-SY,ar;q=0.9,en;q=0.5' } });
    expect(await fromBrowser.text()).toContain('<html lang="ar" dir="rtl">');
    const unknown = await env.app.request(`${paths.municipality(f.A.slug)}?lang=xx`, { headers: { 'accept-language': 'tr-TR' } });
    expect(await unknown.text()).toContain('<html lang="tr" dir="ltr">');
  });

  it('dates on a page follow the language of the reader (Russian month names, Arabic with Latin digits)', async () => {
    const months = /(январ|феврал|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)/;
    const ru = await new Client(env).get(`${paths.measure(f.A.slug, f.A.measureId)}?lang=ru`);
    const de = await new Client(env).get(paths.measure(f.A.slug, f.A.measureId));
    const germanMonths = /(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/;
    expect(de.body).toMatch(germanMonths);
    expect(ru.body).toMatch(months);
    expect(ru.body).not.toMatch(germanMonths);
  });

  it('admin pages carry the switch too', async () => {
    const client = new Client(env);
    await client.signIn(f.A.adminEmail, PASSWORD);
    const res = await client.get(`${paths.admin(f.A.slug)}?lang=ar`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    const links = switchLinks(res.body).slice(0, -1);
    expect(links.map(([lang]) => lang)).toEqual(NAMES.map(([l]) => l));
    expect(links[0][1]).toBe(`${paths.admin(f.A.slug)}?lang=de`);
  });
});
