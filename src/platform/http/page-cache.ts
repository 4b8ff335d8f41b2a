// Rendered public pages kept in memory: a page for nobody in particular (no session, no cookie set while it was
// made) is kept under its municipality, that municipality's content version, the language, the Leichte Sprache
// choice and its address, as it left the app (every header, the body plain and gzipped once). Every write bumps
// the content version in the database, and each request reads the version with the municipality, so a write
// makes the next page fresh in every process. What depends on the clock (today's phase, "open now") is made
// again in the next minute of the app's clock: the minute is part of the key (and an entry lives a minute at
// most). Bounded by bytes (lru-cache).
import { createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parse as parseCookies } from 'hono/utils/cookie';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock.js';
import { negotiateLang, type Lang } from '../i18n/i18n.js';
import type { MunicipalityVersion } from '../tenancy.js';

export interface PublicPage {
  body: Uint8Array;
  headers: Array<[string, string]>;
  etag: string;
}

/** A kept page as it is answered: its headers (no encoding, no length) and its body plain and gzipped; for Node's
 * response the same headers as flat lists, ready to write. */
export interface CachedPage {
  headers: Record<string, string>;
  plain: Uint8Array;
  gzip: Uint8Array;
  etag: string;
  raw: { plain: string[]; gzip: string[]; notModified: string[] };
}

/** How long a kept page is served before it is made again (what depends on the clock). */
export const PAGE_TTL_MS = 60_000;

export class PageCache {
  private readonly pages: LRUCache<string, CachedPage> | null;

  constructor(maxBytes: number) {
    this.pages = maxBytes > 0 ? new LRUCache<string, CachedPage>({ maxSize: maxBytes, sizeCalculation: (p) => p.plain.byteLength + p.gzip.byteLength + 1024, ttl: PAGE_TTL_MS }) : null;
  }

  get enabled(): boolean {
    return this.pages !== null;
  }

  /** The key of a page; `now` is the app's clock, whose minute is part of it (a page depending on the day is made anew). */
  static key(parts: { municipalityId: number; version: number; lang: string; easy: boolean; url: string; now: Date }): string {
    return `${parts.municipalityId}\n${parts.version}\n${parts.lang}\n${parts.easy ? 1 : 0}\n${Math.floor(parts.now.getTime() / PAGE_TTL_MS)}\n${parts.url}`;
  }

  get(key: string): CachedPage | undefined {
    return this.pages?.get(key);
  }

  /** Keeps a public page as it left the app (its body gzipped or not) and gives it back as kept. */
  async keep(key: string, res: Response): Promise<CachedPage> {
    const sent = new Uint8Array(await res.arrayBuffer());
    const gzipped = res.headers.get('content-encoding') === 'gzip';
    const plain = gzipped ? new Uint8Array(gunzipSync(sent)) : sent;
    const headers: Record<string, string> = {};
    for (const [name, value] of res.headers) if (name !== 'content-encoding' && name !== 'content-length') headers[name] = value;
    if (!/\baccept-encoding\b/i.test(headers.vary ?? '')) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
    const gzip = new Uint8Array(gzipSync(plain, { level: 9 }));
    const flat = Object.entries(headers).flat();
    const raw = { plain: [...flat, 'content-length', String(plain.byteLength)], gzip: [...flat, 'content-encoding', 'gzip', 'content-length', String(gzip.byteLength)], notModified: flat };
    const page: CachedPage = { headers, plain, gzip, etag: headers.etag ?? '', raw };
    this.pages?.set(key, page);
    return page;
  }

  get size(): number {
    return this.pages?.size ?? 0;
  }
}

/**
 * Whether an answer made for nobody in particular may be kept: a page (HTML, `public, no-cache`) or another
 * public answer under a kept prefix (JSON of the open API: its own ETag and `public, max-age=…`); never with a cookie.
 */
export function keepable(res: Response, underPrefix: boolean): boolean {
  if (res.status !== 200 || res.headers.has('set-cookie')) return false;
  const cacheControl = res.headers.get('cache-control') ?? '';
  if (cacheControl === 'public, no-cache') return (res.headers.get('content-type') ?? '').startsWith('text/html');
  return underPrefix && cacheControl.startsWith('public, max-age=') && res.headers.has('etag');
}

/** The weak ETag of a page's bytes. */
function etagOf(body: Uint8Array): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** A page for nobody in particular, marked so that caches may keep it: its ETag, `public, no-cache`, Vary. */
export async function asPublicPage(res: Response): Promise<PublicPage> {
  const body = new Uint8Array(await res.arrayBuffer());
  const etag = etagOf(body);
  const headers = new Headers(res.headers);
  headers.set('etag', etag);
  headers.set('cache-control', 'public, no-cache');
  headers.append('vary', 'Accept-Language, Cookie');
  return { body, headers: [...headers.entries()], etag };
}

/** Whether an Accept-Encoding header takes gzip (named or as `*`, and not with q=0). */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function held(etag: string, ifNoneMatch: string | undefined): boolean {
  return !!ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag);
}

/** The answer with a public page: 304 when the browser (or a cache) holds this version already. */
export function answerPage(page: PublicPage, ifNoneMatch: string | undefined): Response {
  const headers = new Headers(page.headers);
  return held(page.etag, ifNoneMatch) ? new Response(null, { status: 304, headers }) : new Response(page.body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

/** The answer with a kept page: 304 when held, gzipped for whoever accepts gzip. Plain headers, a ready body: the
 * server writes it without streaming. */
export function answerKept(page: CachedPage, ifNoneMatch: string | undefined, acceptEncoding: string | undefined): Response {
  if (held(page.etag, ifNoneMatch)) return new Response(null, { status: 304, headers: page.headers });
  if (acceptsGzip(acceptEncoding)) {
    return new Response(page.gzip as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...page.headers, 'content-encoding': 'gzip' } });
  }
  return new Response(page.plain as Uint8Array<ArrayBuffer>, { status: 200, headers: page.headers });
}

/** The cookies a visitor's request is judged by. */
export interface VisitorCookies {
  session: string;
  flash: string;
  lang: string;
  easy: string;
}

/** A request as the page cache sees it: its address as sent (path and query) and three headers. */
export interface VisitorRequest {
  method: string;
  url: string;
  host: string;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
}

/**
 * Whether a request may be answered with a kept page, and for which municipality and language: a GET for nobody
 * in particular (no session, no flash message, no language chosen in the address) under a municipality's
 * address. The language as the pipeline negotiates it (remembered choice, else the browser's).
 */
export function visitorPage(req: VisitorRequest, names: VisitorCookies, reserved: readonly string[], prefixes: readonly string[] = []): { slug: string; lang: Lang; easy: boolean } | null {
  if (req.method !== 'GET') return null;
  const cookies = req.cookie ? parseCookies(req.cookie) : {};
  if (cookies[names.session] || cookies[names.flash]) return null;
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  // under a prefix (the open API: /api/v1/musterstadt/…) the slug follows the prefix, and the address alone
  // decides the answer (no language is negotiated there)
  const prefix = prefixes.find((p) => path.startsWith(p));
  if (prefix) {
    const end = path.indexOf('/', prefix.length);
    const slug = path.slice(prefix.length, end < 0 ? undefined : end);
    return slug ? { slug, lang: 'de', easy: false } : null;
  }
  if (q >= 0 && new URLSearchParams(req.url.slice(q + 1)).has('lang')) return null;
  const end = path.indexOf('/', 1);
  const slug = path.slice(1, end < 0 ? undefined : end);
  if (!slug || reserved.includes(slug)) return null;
  return { slug, lang: negotiateLang(cookies[names.lang], req.acceptLanguage), easy: cookies[names.easy] === '1' };
}

/** The key under which a request's page is kept, or null when no kept page may answer it. */
export async function visitorPageKey(
  req: VisitorRequest, names: VisitorCookies, reserved: readonly string[],
  versionOf: (slug: string) => MunicipalityVersion | null | Promise<MunicipalityVersion | null>, clock: Clock, prefixes: readonly string[] = [],
): Promise<string | null> {
  const visitor = visitorPage(req, names, reserved, prefixes);
  if (!visitor) return null;
  const m = await versionOf(visitor.slug);
  return m ? keyOf(m, visitor, req.host, req.url, clock) : null;
}

function keyOf(m: MunicipalityVersion, visitor: { lang: Lang; easy: boolean }, host: string, url: string, clock: Clock): string {
  return PageCache.key({ municipalityId: m.id, version: m.version, lang: visitor.lang, easy: visitor.easy, url: `${host}${url}`, now: clock() });
}

/** The key a request was looked up under in front of the app (pageCacheListener), for the app to keep its page under. */
export const PAGE_KEY = Symbol('teilhabe.pageKey');

function writeKept(res: ServerResponse, page: CachedPage, req: IncomingMessage): void {
  if (held(page.etag, req.headers['if-none-match'])) {
    res.writeHead(304, page.raw.notModified);
    res.end();
  } else if (acceptsGzip(req.headers['accept-encoding'])) {
    res.writeHead(200, page.raw.gzip);
    res.end(page.gzip);
  } else {
    res.writeHead(200, page.raw.plain);
    res.end(page.plain);
  }
}

/**
 * In front of the app in Node's server: a request a kept page answers is written straight from memory, without
 * the app's pipeline (the page's headers were kept as the pipeline sent them). Every other request goes to the
 * app; one that was looked up carries its key (PAGE_KEY), under which the app keeps the page it makes.
 */
export function pageCacheListener(options: {
  cache: PageCache; names: VisitorCookies; reserved: readonly string[]; clock: Clock; prefixes?: readonly string[];
  versionOf: (slug: string) => MunicipalityVersion | null | Promise<MunicipalityVersion | null>;
  app: RequestListener;
}): RequestListener {
  const { cache, names, reserved, clock, versionOf, app, prefixes = [] } = options;
  const answer = (req: IncomingMessage, res: ServerResponse, m: MunicipalityVersion | null, visitor: { lang: Lang; easy: boolean }) => {
    if (!m) return app(req, res);
    const key = keyOf(m, visitor, req.headers.host ?? '', req.url ?? '', clock);
    const kept = cache.get(key);
    if (kept) return writeKept(res, kept, req);
    (req as IncomingMessage & { [PAGE_KEY]?: string })[PAGE_KEY] = key;
    return app(req, res);
  };
  return (req, res) => {
    const visitor = cache.enabled
      ? visitorPage({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '', cookie: req.headers.cookie, acceptLanguage: req.headers['accept-language'] }, names, reserved, prefixes)
      : null;
    if (!visitor) return app(req, res);
    const m = versionOf(visitor.slug);
    if (m instanceof Promise) {
      m.then((found) => answer(req, res, found, visitor), () => app(req, res));
      return;
    }
    return answer(req, res, m, visitor);
  };
}
