// Browser journeys: the real app served on 127.0.0.1 over a fresh SQLite test database with the demo
// municipality, driven by the system's Chromium through playwright-core. No request may leave 127.0.0.1.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { seedDemo } from '../../src/modules/demo/index.js';
import { createTestEnv, type TestEnv } from '../support.js';

/** The system's Chromium; E2E_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const SLUG = 'musterstadt';

let available: boolean | undefined;

/**
 * Whether the browser suites can run. Without Chromium they are skipped locally (with a warning), but in CI
 * a missing browser is an error: the journeys are part of what must pass.
 */
export function browserAvailable(): boolean {
  available ??= checkBrowser();
  return available;
}

function checkBrowser(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const why = `Chromium not found at ${CHROMIUM}: the browser journeys (test/e2e) cannot run.`;
  if (process.env.CI === 'true') throw new Error(`${why} In CI the browser is required; install chromium.`);
  console.warn(`${why} Skipping them; install chromium to run them.`);
  return false;
}

export interface Server {
  env: TestEnv;
  url: string;
  admin: { email: string; password: string };
  close(): Promise<void>;
}

/** The real app on a fresh in-memory SQLite database with the demo municipality, listening on a free port (config overrides: SMTP). */
export async function startServer(overrides: Record<string, string> = {}): Promise<Server> {
  const env = await createTestEnv('sqlite', overrides);
  // The test clock stands still; set it to today so that the pages show plausible dates.
  env.now.value = new Date();
  const demo = await seedDemo(env.services);
  if (!demo?.password) throw new Error('the demo seed did not return a one-time password');
  // The demo admin's password is one-time (a first sign-in must replace it); the journeys sign in with it many
  // times, so it is set again as a chosen one. test/e2e/accounts.test.ts walks the forced change itself.
  await env.services.auth.setPassword((await env.services.auth.findUserByEmail(demo.email))!.id, demo.password);
  // as src/main.ts serves it: kept public pages answered in front of the app; beside it, axe-core for axe()
  const listener = env.app.listener();
  const server = createServer((req, res) => (req.url === AXE_PATH ? serveAxe(res) : listener(req, res)));
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    env,
    url: `http://127.0.0.1:${port}`,
    admin: { email: demo.email, password: demo.password },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // keep-alive sockets of the browser would keep close() waiting
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await env.close();
    },
  };
}

/**
 * A file's server (the demo, as startServer makes it) and browser: started before its tests, side by side, and
 * closed after them; `take` receives both once they run.
 */
export function useServerAndBrowser(take: (server: Server, browser: Browser) => void, overrides: Record<string, string> = {}): void {
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(overrides), launchBrowser()]);
    take(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Every host but 127.0.0.1 resolves to nothing: no page can reach the network, whatever it asks for.
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh browser context (its own cookies) in which every request not to 127.0.0.1 is recorded. The browser
 * itself cannot reach anything else (launchBrowser resolves every other host to nothing), so such a request
 * fails at once. Requests are watched, not intercepted: interception would turn off the browser's cache and
 * send every stylesheet and font of every page through the test process.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; blocked: string[] }> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 }, ...options });
  const blocked: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return;
    blocked.push(request.url());
  });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  return { context, page, blocked };
}

/** The WCAG 2.0/2.1 A and AA rules of axe-core. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Where the test server hands out axe-core, beside the app: a page loads it as a script of its own origin
 * (the app's CSP allows 'self'), so the browser keeps it compiled instead of parsing half a megabyte per page.
 */
const AXE_PATH = '/__test/axe-core.js';
let axeSource: Buffer | undefined;
function serveAxe(res: ServerResponse): void {
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600', 'content-length': axeSource.length });
  res.end(axeSource);
}

/**
 * axe-core on a page with the WCAG 2.1 A and AA rules. axe runs in the page itself. A page with frames, or one
 * whose CSP allows no script of its own origin, is checked through @axe-core/playwright, which puts axe into
 * every frame; `crossOrigin` also checks frames of other origins, at the price of a blank page opened for every
 * check.
 */
export async function axe(page: Page, { crossOrigin = false } = {}): Promise<AxeResults> {
  if (!crossOrigin && page.frames().length === 1 && page.url().startsWith('http://127.0.0.1:')) {
    const loaded = await page.evaluate(() => 'axe' in window).catch(() => false);
    const added = loaded || (await page.addScriptTag({ url: AXE_PATH }).then(() => true, () => false));
    if (added) return page.evaluate((tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  }
  return new AxeBuilder({ page }).setLegacyMode(!crossOrigin).withTags(AXE_TAGS).analyze();
}

/** axe-core with the WCAG 2.1 A and AA rules: no violation allowed, and a readable list when there is one. */
export async function axeCheck(page: Page, options: { crossOrigin?: boolean } = {}): Promise<void> {
  // axe scrolls the page while it checks; the journey goes on where the person left it
  const at = await page.evaluate(() => [window.scrollX, window.scrollY]);
  const results = await axe(page, options);
  await page.evaluate(([x, y]) => window.scrollTo({ left: x, top: y, behavior: 'instant' }), at);
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`).join('\n');
      return `  [${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
  if (report) console.error(`axe on ${page.url()}:\n${report}`);
  expect(report, `axe found WCAG 2.1 A/AA violations on ${page.url()}`).toBe('');
}

/** Fails when a page did anything but talk to 127.0.0.1. */
export function expectNoNetwork(blocked: string[]): void {
  expect(blocked, 'requests to anything but 127.0.0.1').toEqual([]);
}

/** What has the keyboard focus: enough to recognise it and to tell whether its focus is visible. */
export interface Focused {
  tag: string;
  type: string;
  id: string;
  name: string;
  href: string;
  /** true when the element draws an outline or a box-shadow while focused */
  indicator: boolean;
  /** true when the element takes up room on the screen */
  onScreen: boolean;
  describe: string;
}

export async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const labelledBy = el.getAttribute('aria-labelledby');
    const labels = (el as HTMLInputElement).labels;
    const name = clean(
      labelledBy
        ? labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
        : el.getAttribute('aria-label') ?? (labels && labels.length ? [...labels].map((l) => l.textContent).join(' ') : el.textContent),
    );
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const rect = el.getBoundingClientRect();
    const tag = el.tagName.toLowerCase();
    const type = el.getAttribute('type') ?? '';
    return {
      tag, type, id: el.id, name, href: el.getAttribute('href') ?? '',
      indicator: outline || shadow,
      onScreen: rect.width > 1 && rect.height > 1 && rect.right > 0 && rect.bottom > 0,
      describe: `<${tag}${el.id ? ` id="${el.id}"` : ''}${type ? ` type="${type}"` : ''}> "${name.slice(0, 80)}" (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}; at ${Math.round(rect.left)},${Math.round(rect.top)} ${Math.round(rect.width)}×${Math.round(rect.height)}, page scrolled to ${Math.round(scrollX)},${Math.round(scrollY)})`,
    };
  });
}

export type FocusTarget = string | RegExp | ((f: Focused) => boolean);

function matches(f: Focused, target: FocusTarget): boolean {
  if (typeof target === 'string') return f.name === target;
  if (target instanceof RegExp) return target.test(f.name);
  return target(f);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, at most `limit` times. Every element the
 * focus passes must show that it has the focus (an outline or a box-shadow) and be on the screen.
 */
export async function tabTo(page: Page, target: FocusTarget, { limit = 300, backwards = false } = {}): Promise<Focused> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (!f) continue;
    if (!f.indicator) throw new Error(`focus is not visible on ${f.describe} (${page.url()})`);
    if (!f.onScreen) throw new Error(`the focused element is not on the screen: ${f.describe} (${page.url()})`);
    if (process.env.E2E_TRACE) console.log(`focus: ${f.describe}`); // E2E_TRACE=1 lists every stop
    if (matches(f, target)) return f;
    passed.push(f.describe);
  }
  throw new Error(`no element matching ${String(target)} after ${limit} presses of Tab on ${page.url()}; passed:\n  ${passed.slice(-15).join('\n  ')}`);
}

/** Presses a key that loads another page (Enter on a link, Enter or Space on a submit button) and waits for it. */
export async function pressAndLoad(page: Page, key = 'Enter'): Promise<void> {
  const loaded = page.waitForEvent('load');
  await page.keyboard.press(key);
  await loaded;
}

/**
 * Opens the system's file chooser from the focused file input with the keyboard (Enter) and
 * hands it the file. Chromium drops a chooser request now and then when the machine is busy (no event, no
 * error), so the key is pressed again, at most three times, before the journey fails.
 */
export async function chooseFileWithKeyboard(page: Page, file: string, key = 'Enter'): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press(key);
    try {
      await (await chooser).setFiles(file);
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
