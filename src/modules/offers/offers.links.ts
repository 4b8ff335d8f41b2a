// Whether an offer's website still answers, asked politely: one request at a time, a pause between two requests
// to the same host, a timeout, HEAD first and GET where a server refuses HEAD, redirects followed by hand (a few)
// and a User-Agent that names Teilhabe. Addresses in private and loopback networks are refused unless the caller
// allows them (the tests' own server on 127.0.0.1), so that an address typed into a form cannot make the server
// probe its own network.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface LinkCheckOptions {
  /** Milliseconds a request may take. */
  timeoutMs: number;
  /** Milliseconds between two requests to the same host. */
  hostDelayMs: number;
  userAgent: string;
  allowPrivate: boolean;
}

export type LinkResult = { ok: true; status: number } | { ok: false; error: string };

const MAX_REDIRECTS = 5;

function privateAddress(ip: string): boolean {
  if (isIP(ip) === 6) {
    const v = ip.toLowerCase();
    if (v.startsWith('::ffff:')) return privateAddress(v.slice(7));
    return v === '::1' || v === '::' || v.startsWith('fc') || v.startsWith('fd') || v.startsWith('fe8') || v.startsWith('fe9') || v.startsWith('fea') || v.startsWith('feb');
  }
  const [a, b] = ip.split('.').map(Number);
  return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

async function refusedHost(url: URL, options: LinkCheckOptions): Promise<boolean> {
  if (options.allowPrivate) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  return addresses.some(privateAddress);
}

async function request(url: URL, method: 'HEAD' | 'GET', options: LinkCheckOptions): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const res = await fetch(url, { method, redirect: 'manual', signal: controller.signal, headers: { 'user-agent': options.userAgent, accept: 'text/html,*/*;q=0.5' } });
    // the body is not wanted: only whether the address answers
    await res.body?.cancel().catch(() => {});
    return res;
  } finally {
    clearTimeout(timer);
  }
}

/** Keeps the pause between two requests to a host: counted from the end of one to the start of the next. */
export interface Pacer {
  before(host: string): Promise<void>;
  after(host: string): void;
}

/** One address, redirects followed, each request paced per host. */
export async function checkLink(address: string, options: LinkCheckOptions, pacer: Pacer): Promise<LinkResult> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'invalid' };
    try {
      if (await refusedHost(url, options)) return { ok: false, error: 'refused' };
    } catch {
      return { ok: false, error: 'unreachable' };
    }
    let res: Response | null = null;
    let failure = 'unreachable';
    for (const method of ['HEAD', 'GET'] as const) {
      await pacer.before(url.host);
      try {
        res = await request(url, method, options);
      } catch (e) {
        res = null;
        // a server that does not answer in time is not asked again in this run
        if (e instanceof Error && e.name === 'AbortError') {
          failure = 'timeout';
          break;
        }
        continue;
      } finally {
        pacer.after(url.host);
      }
      // a server that does not know HEAD (or refuses it) gets a GET
      if (method === 'HEAD' && res.status >= 400) continue;
      break;
    }
    if (!res) return { ok: false, error: failure };
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    return res.status < 400 ? { ok: true, status: res.status } : { ok: false, error: `HTTP ${res.status}` };
  }
  return { ok: false, error: 'redirects' };
}

/** Checks addresses one after the other, pausing between two requests to the same host. */
export async function checkLinks(addresses: string[], options: LinkCheckOptions, sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): Promise<LinkResult[]> {
  const lastAt = new Map<string, number>();
  const pacer: Pacer = {
    async before(host) {
      const last = lastAt.get(host);
      if (last === undefined) return;
      const left = last + options.hostDelayMs - Date.now();
      if (left > 0) await sleep(left);
    },
    after(host) {
      lastAt.set(host, Date.now());
    },
  };
  const results: LinkResult[] = [];
  for (const a of addresses) results.push(await checkLink(a, options, pacer));
  return results;
}
