// Small helpers every route uses: building the page context, rendering a page, redirects with a flash
// message, and the permission check.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv } from './env.js';
import type { Writer } from '../audit/audit.js';
import { can, type Permission } from '../auth/permissions.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';
import { openFlash, sealFlash } from './flash.js';
import type { PageContext } from '../views/page.js';

export type Ctx = Context<AppEnv>;
export type { AppEnv };

export function pageContext(c: Ctx): PageContext {
  const m = c.get('municipality');
  const user = c.get('user');
  return {
    t: c.get('t'),
    lang: c.get('lang'),
    path: c.req.path,
    query: new URL(c.req.url).search,
    // read only by a form: a page without one sets no cookie, so shared caches may keep it
    get csrfToken() {
      return c.get('issueCsrf')();
    },
    user,
    municipality: m ? { slug: m.slug, name: m.name, isDemo: m.is_demo === 1 } : null,
    canAdminister: !!user && can(c.get('role'), user.isInstanceAdmin, 'admin.enter'),
    flash: c.get('flash'),
    // The navigation shows only what this person may open.
    content: c.get('content'),
    easyNotice: c.get('easyNotice'),
    nav: (c.get('nav') ?? []).filter((n) => !n.permission || (!!user && can(c.get('role'), user.isInstanceAdmin, n.permission))),
  };
}

/** The page context with some parts replaced, keeping its lazy parts lazy (the CSRF token of a form). */
export function withContext(ctx: PageContext, parts: Partial<PageContext>): PageContext {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(ctx), ...Object.getOwnPropertyDescriptors(parts) }) as PageContext;
}

const perRequest = new WeakMap<Ctx, Map<string, Promise<unknown>>>();

/**
 * Loads something once per request, for every part of the page that asks: a section shown once per goal of a
 * field asks the database once for all of them, not once per goal.
 */
export function oncePerRequest<V>(c: Ctx, key: string, load: () => Promise<V>): Promise<V> {
  let kept = perRequest.get(c);
  if (!kept) perRequest.set(c, (kept = new Map()));
  let found = kept.get(key) as Promise<V> | undefined;
  if (!found) kept.set(key, (found = load()));
  return found;
}

export async function render(c: Ctx, element: JSX.Element, status: 200 | 400 | 403 | 404 | 409 | 413 | 422 | 429 | 500 = 200) {
  const html = '<!doctype html>' + (await element.toString());
  return c.html(html, status);
}

export const FLASH_COOKIE = 'teilhabe_flash';

/** Remembers that the reader chose Leichte Sprache, as the language choice is remembered; choosing a language ends it. */
export const EASY_COOKIE = 'teilhabe_easy';

/** A page in Leichte Sprache was opened: the choice is kept for a year (the language switch's seventh entry). */
export function rememberEasyLanguage(c: Ctx): void {
  // Opened with ?lang= (which ends the choice in the same answer), it is chosen anew.
  if (getCookie(c, EASY_COOKIE) === '1' && c.req.query('lang') === undefined) return;
  setCookie(c, EASY_COOKIE, '1', { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 365 * 86400, secure: c.get('flashCookie').secure });
}

/** Post/redirect/get with a message shown once on the next page (sealed in its cookie: see flash.ts). */
export function redirectWithFlash(c: Ctx, location: string, message: string) {
  const { key, secure } = c.get('flashCookie');
  setCookie(c, FLASH_COOKIE, sealFlash(key, message), { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60, secure });
  return c.redirect(location, 303);
}

const ONCE_COOKIE = 'teilhabe_once';
/** A browser keeps about 4 KB a cookie; what does not fit stays on the POST's own answer. */
const ONCE_MAX = 3800;

/**
 * Keeps a secret to be shown once (a link to hand over when no mail goes out) for the page a POST redirects
 * to: sealed like the flash (never in the address), httpOnly, sent only to that page, for two minutes, and
 * read only there (takeOnce). False when it is too big for a cookie: the caller then shows it on its answer.
 */
export function stashOnce(c: Ctx, location: string, value: unknown): boolean {
  const { key, secure } = c.get('flashCookie');
  const sealed = sealFlash(key, JSON.stringify({ for: location, value }), ONCE_MAX);
  if (sealed.length > ONCE_MAX) return false;
  setCookie(c, ONCE_COOKIE, sealed, { path: location, httpOnly: true, sameSite: 'Lax', maxAge: 120, secure });
  return true;
}

/** What stashOnce kept for this page, once: the cookie is gone with this answer, a reload shows nothing. */
export function takeOnce(c: Ctx): unknown {
  const sealed = getCookie(c, ONCE_COOKIE);
  if (!sealed) return undefined;
  const path = c.req.path;
  deleteCookie(c, ONCE_COOKIE, { path });
  const text = openFlash(c.get('flashCookie').key, sealed, ONCE_MAX);
  if (!text) return undefined;
  try {
    const kept = JSON.parse(text) as { for?: unknown; value?: unknown };
    return kept.for === path ? kept.value : undefined;
  } catch {
    return undefined;
  }
}

export function requireUser(c: Ctx) {
  const user = c.get('user');
  if (!user) throw new UnauthenticatedError();
  return user;
}

export function requirePermission(c: Ctx, permission: Permission): Writer {
  const user = requireUser(c);
  if (!can(c.get('role'), user.isInstanceAdmin, permission)) throw new ForbiddenError();
  return { userId: user.id, name: user.name };
}
