// createApp(deps): the middleware pipeline, top to bottom. Tests build this same app on a test database.
import { sql } from 'kysely';
import { timingSafeEqual } from 'node:crypto';
import { compress } from 'hono/compress';
import { answerKept, answerPage, asPublicPage, keepable, PAGE_KEY, PageCache, pageCacheListener, visitorPageKey } from './platform/http/page-cache.js';
import { getRequestListener } from '@hono/node-server';
import type { RequestListener } from 'node:http';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { logger } from 'hono/logger';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { Child } from 'hono/jsx';
import { MODULES } from './modules.js';
import { registerAuthRoutes, startSession } from './platform/auth/auth.routes.js';
import { randomToken } from './platform/auth/auth.service.js';
import { TrustedProxies } from './platform/auth/client.address.js';
import { can } from './platform/auth/permissions.js';
import { SignInLimits } from './platform/auth/signin.limits.js';
import { readAsset } from './platform/http/assets.js';
import type { AppEnv } from './platform/http/env.js';
import { CsrfError, ForbiddenError, InvalidInputError, NotFoundError, UnauthenticatedError } from './platform/http/errors.js';
import { openFlash } from './platform/http/flash.js';
import { postedFields } from './platform/http/form.js';
import { instanceSecret } from './platform/http/flash.repository.js';
import { EASY_COOKIE, FLASH_COOKIE, pageContext, render, type Ctx } from './platform/http/kit.js';
import { platformPaths as paths, RESERVED_SLUGS } from './platform/http/paths.js';
import { negotiateLang, registerLocales, translator, type Lang } from './platform/i18n/i18n.js';
import type { LinkItem, LinkSlots, RouteContext, SectionContributions, SectionSlots, Slots } from './platform/module.js';
import { findMunicipalityBySlug, municipalityVersions } from './platform/tenancy.js';
import { ErrorPage } from './platform/views/error.view.js';
import type { AppDeps } from './services.js';

export const SESSION_COOKIE = 'teilhabe_session';
export const CSRF_COOKIE = 'teilhabe_csrf';
const LANG_COOKIE = 'teilhabe_lang';
const VISITOR_COOKIES = { session: SESSION_COOKIE, flash: FLASH_COOKIE, lang: LANG_COOKIE, easy: EASY_COOKIE };

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * Whether the browser says a request comes from a page of this site: Fetch Metadata (`Sec-Fetch-Site`, sent by
 * every current browser), else the Origin header against the Host. No evidence counts as not.
 */
function fromThisSite(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/** The visitor's language (the address's choice, else the remembered one, else the browser's) and whether they chose Leichte Sprache. */
function visitorLanguage(c: Context<AppEnv>): { lang: Lang; easy: boolean } {
  const explicit = c.req.query('lang');
  return { lang: negotiateLang(explicit ?? getCookie(c, LANG_COOKIE), c.req.header('accept-language')), easy: !explicit && getCookie(c, EASY_COOKIE) === '1' };
}

export function createApp(deps: AppDeps) {
  const modules = deps.modules ?? MODULES;
  for (const m of modules) if (m.locales) registerLocales(m.locales);
  const nav = modules.flatMap((m) => m.nav ?? []).sort((a, b) => a.order - b.order);
  const sectionsOf = modules.map((m) => m.sections?.(deps.services) ?? ({} as SectionContributions));
  const slots: Slots = {
    links<K extends keyof LinkSlots>(slot: K, ctx: Parameters<Slots['links']>[1], subject: LinkSlots[K]): LinkItem[] {
      return modules.flatMap((m) => m.links?.[slot]?.(ctx, subject) ?? []);
    },
    // The modules' sections are made side by side (on PostgreSQL their queries overlap) and shown in module order.
    async sections<K extends keyof SectionSlots>(slot: K, c: Ctx, subject: SectionSlots[K]): Promise<Child[]> {
      const parts: Array<Child | null | undefined> = await Promise.all(sectionsOf.map((contributions) => contributions[slot]?.(c, subject)));
      return parts.filter((part) => part !== null && part !== undefined) as Child[];
    },
  };
  const app = new Hono<AppEnv>();
  const pageCache = new PageCache(deps.config.pageCacheBytes);
  const versionOf = municipalityVersions(deps.db, { ttlMs: deps.config.contentVersionTtlMs, now: () => deps.clock().getTime() });
  const keptPrefixes = modules.flatMap((m) => m.keptPrefixes ?? []);
  const cookieBase = { path: '/', httpOnly: true, sameSite: 'Lax' as const, secure: deps.config.secureCookies };
  // The key that seals flash messages: read (or made) once, shared with every other process through the database.
  let flashKeyOnce: Promise<Buffer> | null = null;

  if (deps.config.logRequests) app.use(logger());

  // 0. A public page kept in memory is answered before any other work: a GET for nobody in particular (no session,
  // no flash message, no language chosen in the address) under a municipality's address, looked up by the
  // municipality's content version, the visitor's language and the address. In Node's server this happens in
  // front of the app (listener() below), which hands on the key it looked up; a page not kept goes through the
  // whole pipeline, and if it comes out public (3a), it is kept as it left, every header included.
  app.use(async (c, next) => {
    if (!pageCache.enabled || c.req.method !== 'GET') return next();
    let key = (c.env as { incoming?: { [PAGE_KEY]?: string } } | undefined)?.incoming?.[PAGE_KEY] ?? null;
    if (!key) {
      const u = new URL(c.req.url);
      const visitor = { method: c.req.method, url: u.pathname + u.search, host: u.host, cookie: c.req.header('cookie'), acceptLanguage: c.req.header('accept-language') };
      key = await visitorPageKey(visitor, VISITOR_COOKIES, RESERVED_SLUGS, versionOf, deps.clock, keptPrefixes);
      if (!key) return next();
      const kept = pageCache.get(key);
      if (kept) return answerKept(kept, c.req.header('if-none-match'), c.req.header('accept-encoding'));
    }
    await next();
    const res = c.res;
    if (!keepable(res, keptPrefixes.some((p) => c.req.path.startsWith(p)))) return;
    c.res = undefined;
    c.res = answerKept(await pageCache.keep(key, res), undefined, c.req.header('accept-encoding'));
  });

  // 0a. A page that names who may frame it (an embed: CSP frame-ancestors from the municipality's list) is not also
  // refused by X-Frame-Options, which knows no list; every other page keeps both refusals.
  app.use(async (c, next) => {
    await next();
    const csp = c.res.headers.get('content-security-policy') ?? '';
    if (/frame-ancestors (?!'none')/.test(csp)) c.res.headers.delete('x-frame-options');
  });

  // 1. Security headers and a Content-Security-Policy without inline script or style.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      // The app uses none of the browser's powerful features but fullscreen (its own sign-language videos); nothing embedded may ask for any.
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [], fullscreen: ['self'] },
      strictTransportSecurity: deps.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
      xFrameOptions: 'DENY',
      // A route may set a stricter header of its own (a document download: default-src 'none'; sandbox).
      overwrite: false,
    }),
  );

  // Compressed answers (gzip) for whoever accepts them; assets come compressed already (brotli or gzip).
  app.use(compress({ encoding: 'gzip' }));

  // 2. Static assets, before any session work: linked with their content's hash, they are kept a year.
  app.get('/assets/*', (c) => {
    const asset = readAsset(c.req.path.slice('/assets/'.length));
    if (!asset) return c.text('Not found', 404);
    const etag = `"${asset.version}"`;
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': c.req.query('v') === asset.version ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      etag,
      vary: 'Accept-Encoding',
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    const accepts = c.req.header('accept-encoding') ?? '';
    if (asset.br && /\bbr\b/.test(accepts)) return c.body(new Uint8Array(asset.br), 200, { ...headers, 'content-encoding': 'br' });
    if (asset.gzip && /\bgzip\b/.test(accepts)) return c.body(new Uint8Array(asset.gzip), 200, { ...headers, 'content-encoding': 'gzip' });
    return c.body(new Uint8Array(asset.body), 200, headers);
  });
  app.get(paths.health(), (c) => c.json({ ok: true }));
  // Ready for traffic: the database answers (a load balancer takes a process out while it does not).
  app.get(paths.ready(), async (c) => {
    c.header('cache-control', 'no-store');
    try {
      await sql`select 1`.execute(deps.db.kysely);
      return c.json({ ok: true, database: deps.db.engine });
    } catch {
      return c.json({ ok: false, database: deps.db.engine }, 503);
    }
  });

  // 2b. The open API, before any session work: it reads no cookie and sets none (writes carry a bearer token).
  const api = modules.flatMap((m) => (m.api ? [m.api(deps.services)] : []));
  const cookieNames = { cookieBase, sessionCookie: SESSION_COOKIE, csrfCookie: CSRF_COOKIE };
  const context: RouteContext = {
    services: deps.services, config: deps.config, clock: deps.clock, slots, api,
    startSession: (c, userId) => startSession(c, cookieNames, deps.services.auth, deps.config, userId),
  };
  for (const m of modules) if (m.apiRoutes) app.route('/', m.apiRoutes(context));

  // 3. Language, session, CSRF token, flash message and the modules' navigation for every page.
  app.use(async (c, next) => {
    c.set('nav', nav);
    const explicit = c.req.query('lang');
    const { lang, easy } = visitorLanguage(c);
    if (explicit && explicit === lang) {
      setCookie(c, LANG_COOKIE, lang, { ...cookieBase, maxAge: 365 * 86400 });
      // A language chosen in the switch ends the choice of Leichte Sprache, as choosing Leichte Sprache ends a language's.
      if (getCookie(c, EASY_COOKIE)) deleteCookie(c, EASY_COOKIE, { path: '/' });
    }
    c.set('easyChoice', easy);
    c.set('lang', lang);
    c.set('t', translator(lang));
    c.set('role', null);

    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await deps.services.auth.findSession(token) : null;
    if (token && !session) deleteCookie(c, SESSION_COOKIE, { path: '/' });
    c.set('user', session?.user ?? null);
    c.set('csrfToken', session?.csrfToken ?? getCookie(c, CSRF_COOKIE) ?? '');
    c.set('issueCsrf', () => {
      // a form for nobody in particular, shown to someone without a session: no token, the page stays shareable
      if (c.get('sharedForm') && !c.get('user')) return '';
      c.set('personal', true);
      if (!c.get('csrfToken')) {
        c.set('csrfToken', randomToken());
        setCookie(c, CSRF_COOKIE, c.get('csrfToken'), cookieBase);
      }
      return c.get('csrfToken');
    });

    // A flash cookie as sealed by redirectWithFlash; a forged or malformed one is shown as nothing.
    const flashKey = await (flashKeyOnce ??= instanceSecret(deps.db.kysely, 'flash', deps.clock().toISOString()).catch((err: unknown) => {
      flashKeyOnce = null;
      throw err;
    }));
    c.set('flashCookie', { key: flashKey, secure: deps.config.secureCookies });
    const flash = getCookie(c, FLASH_COOKIE);
    c.set('flash', flash ? openFlash(flashKey, flash)?.slice(0, 300) ?? null : null);
    if (flash) deleteCookie(c, FLASH_COOKIE, { path: '/' });
    await next();
  });

  // 3a. Pages as caches may keep them: a page for nobody in particular (no session, no cookie set while it was
  // made, no cache rule of its own) is public and revalidated by its ETag (304 when unchanged); a signed-in
  // person's page is private.
  app.use(async (c, next) => {
    await next();
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return;
    if (!(c.res.headers.get('content-type') ?? '').startsWith('text/html')) return;
    if (c.get('user')) {
      if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'private, no-cache');
      return;
    }
    if (c.get('personal') || c.res.headers.has('set-cookie') || c.res.headers.has('cache-control')) return;
    const page = await asPublicPage(c.res);
    c.res = undefined;
    c.res = answerPage(page, c.req.header('if-none-match'));
  });

  // 3b. Whoever signed in with a one-time password chooses their own before anything else: every other page
  // sends them to their account page (signing out still works).
  app.use(async (c, next) => {
    if (c.get('user')?.mustChangePassword && c.req.path !== paths.account() && c.req.path !== paths.signOut()) return c.redirect(paths.account(), 303);
    await next();
  });

  // 4. No request body larger than the largest import (plus its form) is read at all: the body is counted while
  // it arrives (a too large Content-Length is refused before the first byte), and reading stops at the limit.
  // A body with a Content-Length is judged by the header alone (the HTTP parser reads no more than it declares):
  // touching the request's body stream here would cost every form post the web-stream copy of its body, which
  // the Node adapter otherwise skips by reading the text straight from the socket.
  const maxBody = deps.config.importMaxBytes + 1024 * 1024;
  const tooLarge = (c: Context<AppEnv>) => render(c as Ctx, <ErrorPage ctx={pageContext(c as Ctx)} kind="tooLarge" values={{ mb: deps.config.importMaxBytes / 1024 / 1024 }} />, 413);
  const countedBody = bodyLimit({ maxSize: maxBody, onError: tooLarge });
  app.use(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && /^[0-9]+$/.test(length) && c.req.header('transfer-encoding') === undefined) return Number(length) > maxBody ? tooLarge(c) : next();
    return countedBody(c, next);
  });

  // 5. Every state-changing request carries the CSRF token (double submit, bound to the session). Without a session,
  // a post from a form for nobody in particular (sharedForm: a page kept and shared, so without a token) is
  // checked by its origin instead: the browser tells that it comes from a page of this site.
  app.use(async (c, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      if (!c.get('user') && !c.req.header('x-csrf-token') && fromThisSite(c)) {
        const token = (await postedFields(c)).get('_csrf')?.[0];
        if (!token) return next();
      }
      const type = c.req.header('content-type') ?? '';
      let sent = c.req.header('x-csrf-token') ?? '';
      if (!sent && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))) {
        const token = (await postedFields(c)).get('_csrf')?.[0];
        sent = typeof token === 'string' ? token : '';
      }
      if (!sameToken(sent, c.get('csrfToken'))) throw new CsrfError();
    }
    await next();
  });

  const signInLimits = new SignInLimits(deps.db.kysely, deps.clock, { maxFailures: deps.config.loginMaxAttempts, windowMinutes: deps.config.loginWindowMinutes });
  const guards = { signIn: signInLimits, proxies: new TrustedProxies(deps.config.trustedProxies) };
  registerAuthRoutes(app, cookieNames, deps.services.auth, deps.config, guards);
  // Routes outside any municipality (the instance admin), before tenancy claims the first path segment.
  for (const m of modules) if (m.instanceRoutes) app.route('/', m.instanceRoutes(context));
  app.get(paths.accessibility(), (c) => render(c, <ErrorPage ctx={pageContext(c)} kind="accessibility" />));

  // 6. Tenancy: everything under /:slug belongs to one municipality, resolved once here.
  const tenant = async (c: Ctx, next: () => Promise<void>) => {
    const slug = c.req.param('slug') ?? '';
    if (RESERVED_SLUGS.includes(slug)) throw new NotFoundError('route');
    const m = await findMunicipalityBySlug(deps.db.kysely, slug);
    if (!m) throw new NotFoundError('municipality');
    c.set('municipality', m);
    const user = c.get('user');
    if (user) c.set('role', (await deps.services.auth.membershipOf(m.id, user.id))?.role ?? null);
    if (c.get('easyChoice') && c.req.method === 'GET') {
      const admin = c.req.path === paths.admin(m.slug) || c.req.path.startsWith(`${paths.admin(m.slug)}/`);
      c.set('easyNotice', await slots.sections('layout.easy', c, { admin }));
    }
    await next();
  };
  app.use('/:slug', tenant);
  app.use('/:slug/*', tenant);

  // 7. The admin area: signed in, and a member of this municipality (else it does not exist for you).
  const adminGate = async (c: Ctx, next: () => Promise<void>) => {
    const user = c.get('user');
    if (!user) throw new UnauthenticatedError();
    if (!can(c.get('role'), user.isInstanceAdmin, 'admin.enter')) throw new NotFoundError('admin area');
    // Admin pages show drafts and personal data: no browser or proxy keeps a copy.
    c.header('cache-control', 'no-store');
    // Some people start elsewhere than the overview (an actor representative: at their measures).
    if (c.req.method === 'GET' && c.req.path === paths.admin(c.get('municipality').slug)) {
      for (const m of modules) {
        const landing = m.adminLanding?.(user, c.get('role'), c.get('municipality').slug);
        if (landing) return c.redirect(landing, 303);
      }
    }
    await next();
  };
  app.use('/:slug/verwaltung', adminGate);
  app.use('/:slug/verwaltung/*', adminGate);

  // 8. Every module's routes, in module order, each given its services once.
  for (const m of modules) if (m.routes) app.route('/', m.routes(context));

  app.notFound((c) => render(c as Ctx, <ErrorPage ctx={pageContext(c as Ctx)} kind="notFound" />, 404));

  app.onError((err, c) => {
    const ctx = c as Ctx;
    if (!ctx.get('t')) {
      ctx.set('lang', 'de');
      ctx.set('t', translator('de'));
      ctx.set('csrfToken', '');
      ctx.set('user', null);
      ctx.set('flash', null);
      ctx.set('role', null);
    }
    if (err instanceof UnauthenticatedError) {
      const next = ctx.req.method === 'GET' ? `?next=${encodeURIComponent(ctx.req.path)}` : '';
      return ctx.redirect(`${paths.signIn()}${next}`, 303);
    }
    if (err instanceof NotFoundError) return render(ctx, <ErrorPage ctx={pageContext(ctx)} kind="notFound" />, 404);
    if (err instanceof ForbiddenError) return render(ctx, <ErrorPage ctx={pageContext(ctx)} kind="forbidden" />, 403);
    if (err instanceof CsrfError) return render(ctx, <ErrorPage ctx={pageContext(ctx)} kind="csrf" />, 403);
    if (err instanceof InvalidInputError) return render(ctx, <ErrorPage ctx={pageContext(ctx)} kind="badRequest" />, 400);
    console.error(err);
    return render(ctx, <ErrorPage ctx={pageContext(ctx)} kind="serverError" />, 500);
  });

  // Node's server: kept pages answered in front of the pipeline, everything else by the app.
  const listener = (): RequestListener => pageCacheListener({ cache: pageCache, names: VISITOR_COOKIES, reserved: RESERVED_SLUGS, clock: deps.clock, prefixes: keptPrefixes, versionOf, app: getRequestListener(app.fetch) });
  return Object.assign(app, { listener });
}
