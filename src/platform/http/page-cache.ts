// Rendered public pages kept in memory: a page for nobody in particular (no session, no cookie set while it was
// made) is kept under its municipality, that municipality's content version, the language, the Leichte Sprache
// choice and its address. Every write bumps the content version in the database, and each request reads the
// version with the municipality, so a write makes the next page fresh in every process. What depends on the
// clock (today's phase, "open now") is made again in the next minute of the app's clock: the minute is part of
// the key (and an entry lives a minute at most). Bounded by bytes (lru-cache).
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface CachedPage {
  body: Uint8Array;
  headers: Array<[string, string]>;
  etag: string;
}

/** How long a kept page is served before it is made again (what depends on the clock). */
export const PAGE_TTL_MS = 60_000;

export class PageCache {
  private readonly pages: LRUCache<string, CachedPage> | null;

  constructor(maxBytes: number) {
    this.pages = maxBytes > 0 ? new LRUCache<string, CachedPage>({ maxSize: maxBytes, sizeCalculation: (p) => p.body.byteLength + 512, ttl: PAGE_TTL_MS }) : null;
  }

  /** The key of a page; `now` is the app's clock, whose minute is part of it (a page depending on the day is made anew). */
  static key(parts: { municipalityId: number; version: number; lang: string; easy: boolean; url: string; now: Date }): string {
    return `${parts.municipalityId}\n${parts.version}\n${parts.lang}\n${parts.easy ? 1 : 0}\n${Math.floor(parts.now.getTime() / PAGE_TTL_MS)}\n${parts.url}`;
  }

  get(key: string): CachedPage | undefined {
    return this.pages?.get(key);
  }

  set(key: string, page: CachedPage): void {
    this.pages?.set(key, page);
  }

  get size(): number {
    return this.pages?.size ?? 0;
  }
}

/** The weak ETag of a page's bytes. */
function etagOf(body: Uint8Array): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** A page for nobody in particular, marked so that caches may keep it: its ETag, `public, no-cache`, Vary. */
export async function asPublicPage(res: Response): Promise<CachedPage> {
  const body = new Uint8Array(await res.arrayBuffer());
  const etag = etagOf(body);
  const headers = new Headers(res.headers);
  headers.set('etag', etag);
  headers.set('cache-control', 'public, no-cache');
  headers.append('vary', 'Accept-Language, Cookie');
  return { body, headers: [...headers.entries()], etag };
}

/** The answer with a public page: 304 when the browser (or a cache) holds this version already. */
export function answerPage(page: CachedPage, ifNoneMatch: string | undefined): Response {
  const headers = new Headers(page.headers);
  const held = (ifNoneMatch ?? '').split(',').some((t) => t.trim() === page.etag);
  return held ? new Response(null, { status: 304, headers }) : new Response(page.body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}
