// The crawl: every page of the demo municipality, found by following its links. The crawl.*.test.ts files
// divide its runs among them so that they run side by side: the public pages in every interface language, the
// Leichte Sprache pages, the officer's admin pages in German and Arabic and once more with Leichte Sprache
// chosen (each then carries the link to the LS start page; checked at 320 px only), and the instance admin's
// pages in German and Arabic. On each page axe-core (WCAG 2.0/2.1 A and AA) finds nothing, nothing scrolls
// sideways at 320 px, there is exactly one h1, <html> carries the language and, in Arabic, dir="rtl".
//
// The crawl follows same-origin links with GET only. It leaves out signing out, downloads (by path and by what
// the server answers), links that switch the language and token links that act on something. Addresses collapse
// into patterns (numbers and tokens become :id / :token, query values are dropped) and each pattern is visited a
// bounded number of times, so that a new page kind is picked up by itself while the crawl stays quick. Every
// finding of a run is listed at once: address, rule, element.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, browserAvailable, launchBrowser, newContext, SLUG, startServer, type Server } from './browser.js';

export type Lang = 'de' | 'en' | 'tr' | 'ar' | 'uk' | 'ru';

/**
 * Where the Leichte Sprache crawl starts: the LS start page (its start page must answer 200 like any other).
 * It follows the LS pages and the sign-language page; the standard pages they link to are the public runs'.
 */
const EASY_LANGUAGE_STARTS: string[] = [`/${SLUG}/leichte-sprache`, `/${SLUG}/gebaerdensprache`];

/** How many addresses of one pattern are visited per run: one page of each kind keeps the crawl to minutes. */
const PER_PATTERN = 1;
/** Pages loaded at the same time in one run (one context, several tabs). */
const PARALLEL = 3;
const NARROW = 320;

/** Paths never followed: signing out (POST anyway, but a GET must not be tried) and token links that act. */
const SKIP_PATH = [/^\/abmelden/, /\/(absagen|bestaetigen)$/, /\/konto\/(passwort|beitreten)\/[^/]+$/];
/** Downloads, recognised by their path before loading. */
const DOWNLOAD_PATH = /\.(pdf|csv|xlsx|ics|docx|json|zip|svg|png|jpe?g)$|\/(export|download|herunterladen)(\/|$)|\/dokumente\/\d+$/i;
const HTML = /^text\/html/;

export interface Run {
  name: string;
  lang: Lang;
  starts: string[];
  /** Which paths belong to this run (an admin run does not wander into the public pages, and back). */
  scope: (path: string) => boolean;
  signIn?: (page: Page) => Promise<void>;
  /**
   * The reader chose Leichte Sprache in the switch (after `lang`): every page must carry the short link to the LS
   * start page. Such a run checks only at 320 px (axe there, and the reflow), to keep the crawl quick.
   */
  easyChoice?: boolean;
}

interface Finding {
  url: string;
  rule: string;
  element: string;
}

/** The pattern of an address: digits and tokens as placeholders, the query's names without their values. */
export function patternOf(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((s) => (/^\d+$/.test(s) ? ':id' : /^[A-Za-z0-9_-]{16,}$/.test(s) && /\d/.test(s) ? ':token' : s))
    .join('/');
  const keys = [...new Set([...url.searchParams.keys()])].filter((k) => k !== 'lang').sort();
  return keys.length ? `${path}?${keys.join('&')}` : path;
}

async function pageChecks(page: Page, lang: Lang, narrowOnly = false): Promise<Array<Omit<Finding, 'url'>>> {
  const found: Array<Omit<Finding, 'url'>> = [];
  if (narrowOnly) await page.setViewportSize({ width: NARROW, height: 640 });
  for (const v of (await axe(page)).violations) {
    for (const n of v.nodes) found.push({ rule: `axe ${v.id} (${v.impact ?? '?'}): ${v.help}`, element: `${n.target.join(' ')} ${n.html.slice(0, 160)}` });
  }
  const doc = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim().slice(0, 60)),
  }));
  if (doc.lang !== lang) found.push({ rule: `html lang is "${doc.lang}", expected "${lang}"`, element: 'html' });
  if (lang === 'ar' && doc.dir !== 'rtl') found.push({ rule: `html dir is "${doc.dir}", expected "rtl"`, element: 'html' });
  if (lang !== 'ar' && doc.dir === 'rtl') found.push({ rule: 'html dir is "rtl" in a left-to-right language', element: 'html' });
  if (doc.h1.length !== 1) found.push({ rule: `${doc.h1.length} h1 elements, expected exactly one`, element: doc.h1.map((h) => `<h1>${h}`).join(' | ') || 'no h1' });

  if (!narrowOnly) await page.setViewportSize({ width: NARROW, height: 640 });
  const reflow = await page.evaluate((vw) => {
    const out: Array<{ rule: string; element: string }> = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth) out.push({ rule: `the page scrolls sideways at ${vw} px (${root.scrollWidth} > ${root.clientWidth})`, element: 'document' });
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)}"`;
    };
    // Inside a box that scrolls or clips, a wide element is the box's business (a table in its scroll region).
    const contained = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    const wide: Element[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // nothing to see (words for screen readers)
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.clipPath !== 'none' || style.clip !== 'auto') continue;
      if (r.right <= 0 || r.left >= vw) continue; // moved off the screen on purpose (a skip link before it has the focus)
      if (r.right > vw + 1 || r.left < -1) {
        if (contained(el)) continue;
        // Report the outermost offender only: its children stick out because it does.
        if (wide.some((w) => w.contains(el))) continue;
        wide.push(el);
      }
    }
    for (const el of wide) {
      const r = el.getBoundingClientRect();
      out.push({ rule: `wider than the ${vw} px screen (from ${Math.round(r.left)} to ${Math.round(r.right)})`, element: describe(el) });
    }
    return out;
  }, NARROW);
  found.push(...reflow);
  await page.setViewportSize({ width: 1280, height: 900 });
  return found;
}

/** The crawl of one run: returns every finding and the addresses visited. */
async function crawl(browser: Browser, base: string, run: Run): Promise<{ findings: Finding[]; visited: string[]; context: BrowserContext }> {
  const { context, page: first, blocked } = await newContext(browser);
  if (run.signIn) await run.signIn(first);
  if (run.easyChoice) {
    // The language first, then Leichte Sprache, as a reader picks them in the switch; the starts carry no ?lang=
    // (choosing a language ends the choice of Leichte Sprache).
    await first.goto(new URL(`/${SLUG}?lang=${run.lang}`, base).toString());
    await first.goto(new URL(`/${SLUG}/leichte-sprache`, base).toString());
  }
  const findings: Finding[] = [];
  const visited: string[] = [];
  const seen = new Set<string>();
  const perPat = new Map<string, number>();
  const queue: string[] = [];

  const enqueue = (href: string, from: string | null) => {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return;
    }
    if (url.origin !== new URL(base).origin || !['http:', 'https:'].includes(url.protocol)) return;
    url.hash = '';
    // The first address of a run carries ?lang=, which the app remembers; a link that switches the language is left alone.
    if (from !== null && url.searchParams.has('lang')) return;
    if (!run.scope(url.pathname) || SKIP_PATH.some((r) => r.test(url.pathname)) || DOWNLOAD_PATH.test(url.pathname)) return;
    const key = url.pathname + url.search;
    if (seen.has(key)) return;
    const pattern = patternOf(url);
    if ((perPat.get(pattern) ?? 0) >= PER_PATTERN) return;
    seen.add(key);
    perPat.set(pattern, (perPat.get(pattern) ?? 0) + 1);
    queue.push(url.toString());
  };

  const visit = async (page: Page, target: string) => {
    let response;
    try {
      response = await page.goto(target, { waitUntil: 'load' });
    } catch (error) {
      if (/download/i.test(String(error))) return; // a download the path did not give away
      findings.push({ url: target, rule: `did not load: ${String(error).split('\n')[0]}`, element: '-' });
      return;
    }
    const contentType = response?.headers()['content-type'] ?? '';
    if (!HTML.test(contentType)) return;
    const status = response!.status();
    const url = page.url();
    if (status !== 200) findings.push({ url, rule: `answered ${status}`, element: '-' });
    visited.push(url);
    for (const f of await pageChecks(page, run.lang, run.easyChoice)) findings.push({ url, ...f });
    if (run.easyChoice && (await page.locator(`.easy-notice a[href="/${SLUG}/leichte-sprache"]`).count()) !== 1) {
      findings.push({ url, rule: 'no link to the Leichte Sprache start page at the top', element: 'main' });
    }
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].filter((a) => !a.hasAttribute('download')).map((a) => a.getAttribute('href')!));
    for (const href of links) enqueue(href, url);
  };

  for (const start of run.starts) {
    const url = new URL(start, base);
    if (!run.easyChoice) url.searchParams.set('lang', run.lang);
    queue.push(url.toString());
    seen.add(url.pathname + url.search);
  }
  // A start page must answer (a missing one is a finding, not a silent skip).
  const workers = [first, ...(await Promise.all(Array.from({ length: PARALLEL - 1 }, () => context.newPage())))];
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (queue.length === 0 && active === 0) return resolve();
      while (queue.length && workers.length) {
        const page = workers.pop()!;
        const target = queue.shift()!;
        active++;
        visit(page, target)
          .then(() => {
            active--;
            workers.push(page);
            pump();
          })
          .catch(reject);
      }
    };
    pump();
  });
  for (const b of blocked) findings.push({ url: '-', rule: 'a request left 127.0.0.1', element: b });
  return { findings, visited, context };
}

function report(run: Run, findings: Finding[]): string {
  const byUrl = new Map<string, Finding[]>();
  for (const f of findings) byUrl.set(f.url, [...(byUrl.get(f.url) ?? []), f]);
  return [...byUrl].map(([url, fs]) => `${url}\n${fs.map((f) => `  - ${f.rule}\n      ${f.element}`).join('\n')}`).join('\n');
}

const PUBLIC_LANGS: Lang[] = ['de', 'en', 'tr', 'ar', 'uk', 'ru'];
const ADMIN_LANGS: Lang[] = ['de', 'ar'];
const INSTANCE_ADMIN = { email: 'instanz@teilhabe.example', password: 'Instanz-Passwort-2026!' };

/** Every run of the crawl; `server` is the one the file started. */
function allRuns(server: () => Server): Run[] {
  const signInAs = (account: () => { email: string; password: string }) => async (page: Page) => {
    await page.goto(`${server().url}/anmelden`);
    await page.locator('input[name="email"]').fill(account().email);
    await page.locator('input[name="password"]').fill(account().password);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/anmelden'), page.locator('form button[type="submit"]').last().click()]);
  };
  const admin = (path: string) => path.startsWith(`/${SLUG}/verwaltung`) || path.startsWith('/konto');
  // the Leichte Sprache pages are German whatever the reader's language: their own run below crawls them
  const easyPath = (path: string) => path === `/${SLUG}/leichte-sprache` || path.startsWith(`/${SLUG}/leichte-sprache/`);
  const publicPath = (path: string) => !admin(path) && !/^\/verwaltung(\/|$)/.test(path) && !easyPath(path);

  return [
    ...PUBLIC_LANGS.map<Run>((lang) => ({
      name: `public, ${lang}`,
      lang,
      starts: ['/', `/${SLUG}`, `/${SLUG}/suche?q=Sprachkurs`, '/anmelden'],
      scope: publicPath,
    })),
    { name: 'Leichte Sprache', lang: 'de' as Lang, starts: EASY_LANGUAGE_STARTS, scope: (path) => EASY_LANGUAGE_STARTS.some((start) => path === start || path.startsWith(`${start}/`)) },
    ...ADMIN_LANGS.map<Run>((lang) => ({
      name: `officer, ${lang}`,
      lang,
      starts: [`/${SLUG}/verwaltung`, '/konto'],
      scope: admin,
      signIn: signInAs(() => server().admin),
    })),
    // The officer who chose Leichte Sprache: the municipality's admin pages, German, each with the short link.
    {
      name: 'officer, Leichte Sprache',
      lang: 'de' as Lang,
      starts: [`/${SLUG}/verwaltung`],
      scope: (path) => path === `/${SLUG}/verwaltung` || path.startsWith(`/${SLUG}/verwaltung/`),
      signIn: signInAs(() => server().admin),
      easyChoice: true,
    },
    ...ADMIN_LANGS.map<Run>((lang) => ({
      name: `instance admin, ${lang}`,
      lang,
      starts: ['/verwaltung'],
      scope: (path) => /^\/verwaltung(\/|$)/.test(path),
      signIn: signInAs(() => INSTANCE_ADMIN),
    })),
  ];
}

/**
 * Which file crawls which runs: shares of about the same length, so that the files run side by side. Every run
 * is in exactly one share (checked below, when a file loads).
 */
export const SHARES = {
  'public pages in German, English and Turkish, and the Leichte Sprache pages': ['public, de', 'public, en', 'public, tr', 'Leichte Sprache'],
  'public pages in Arabic, Ukrainian and Russian': ['public, ar', 'public, uk', 'public, ru'],
  "the officer's pages in German, and the instance admin's": ['officer, de', 'instance admin, de', 'instance admin, ar'],
  "the officer's pages in Arabic": ['officer, ar'],
  "the officer's pages with Leichte Sprache chosen": ['officer, Leichte Sprache'],
} as const satisfies Record<string, readonly string[]>;

{
  const names = allRuns(() => undefined as unknown as Server).map((r) => r.name);
  const shared = Object.values(SHARES).flat();
  const missing = names.filter((n) => shared.filter((s) => s === n).length !== 1);
  const unknown = shared.filter((s) => !names.includes(s));
  if (missing.length || unknown.length) throw new Error(`crawl shares: not in exactly one share: ${missing.join(', ') || '-'}; no such run: ${unknown.join(', ') || '-'}`);
}

/** The crawl of one share: one server and one browser for its runs, a test per run. */
export function crawlShare(share: keyof typeof SHARES): void {
  describe.skipIf(!browserAvailable())(`crawl: ${share}`, () => {
    let server: Server;
    let browser: Browser;
    const counts: string[] = [];
    const runs = allRuns(() => server).filter((r) => (SHARES[share] as readonly string[]).includes(r.name));

    beforeAll(async () => {
      [server, browser] = await Promise.all([startServer(), launchBrowser()]);
      if (runs.some((r) => r.name.startsWith('instance admin'))) await server.env.services.auth.createUser({ name: 'Instanz-Administration', isInstanceAdmin: true, ...INSTANCE_ADMIN });
    });
    afterAll(async () => {
      if (counts.length) console.log(`crawl: pages visited\n  ${counts.join('\n  ')}`);
      await browser?.close();
      await server?.close();
    });

    for (const run of runs) {
      it(run.name, async () => {
        const { findings, visited, context } = await crawl(browser, server.url, run);
        await context.close();
        counts.push(`${run.name}: ${visited.length}`);
        if (process.env.E2E_TRACE) console.log(`${run.name}:\n  ${visited.join('\n  ')}`); // E2E_TRACE=1 lists the addresses
        const text = report(run, findings);
        if (text) console.error(`crawl ${run.name}: ${findings.length} findings\n${text}`);
        expect(visited.length, `${run.name}: pages visited`).toBeGreaterThan(run.starts.length);
        expect(text, `${run.name}: ${findings.length} findings on ${new Set(findings.map((f) => f.url)).size} pages`).toBe('');
      }, 900_000);
    }
  });
}
