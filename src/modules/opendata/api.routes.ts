// The open API's machinery, served before the session (no cookie is read or set): every module's reads (the
// same answer for everyone: published content only, paginated with `next` links, an ETag from the municipality's
// content version and the address, 304 on If-None-Match, CORS for any origin), the writes of personal tokens
// (Authorization: Bearer; no CSRF, as no cookie counts here), the open data downloads and the DCAT-AP.de catalogue.
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { z } from 'zod';
import type { AppEnv } from '../../platform/http/env.js';
import { asciiFileName } from '../../platform/http/download.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { errorText, negotiateLang, translator } from '../../platform/i18n/i18n.js';
import type { ApiRead, ApiRequest, ApiWrite, RouteContext } from '../../platform/module.js';
import type { Municipality } from '../../platform/tenancy.js';
import { exportCsv, exportJson } from '../exports/index.js';
import { LIMIT_DEFAULT, LIMIT_MAX } from './api.schemas.js';
import { catalogue, catalogueJsonLd, catalogueTurtle } from './dcat.js';
import { licenceOf } from './opendata.model.js';
import { API_BASE, opendataPaths } from './opendata.paths.js';
import { openApiDocument } from './openapi.js';

type C = Context<AppEnv>;

const MAX_BODY = 256 * 1024;
const CACHE = 'public, max-age=60, must-revalidate';

function problem(c: C, status: 400 | 401 | 403 | 404 | 413 | 415 | 422 | 500, title: string, extra: { detail?: string; errors?: Record<string, string> } = {}) {
  c.header('cache-control', 'no-store');
  return c.body(JSON.stringify({ type: 'about:blank', title, status, ...extra }), status, { 'content-type': 'application/problem+json' });
}

/** OpenAPI's '/measures/{measureId}' as Hono's '/api/v1/:slug/measures/:measureId'. */
const honoPath = (path: string) => `${API_BASE}/:slug${path.replace(/\{([A-Za-z]+)\}/g, ':$1')}`;

const ID = /^[1-9][0-9]{0,9}$/;

function pathParams(c: C, path: string): Record<string, number | string> | null {
  const out: Record<string, number | string> = {};
  for (const [, name] of path.matchAll(/\{([A-Za-z]+)\}/g)) {
    const v = c.req.param(name) ?? '';
    if (!ID.test(v) || Number(v) > 2_147_483_647) return null;
    out[name] = Number(v);
  }
  return out;
}

export function apiRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, config, clock } = context;
  const publicUrl = config.publicUrl.replace(/\/$/, '');
  const app = new Hono<AppEnv>();
  const reads = context.api.flatMap((a) => a.reads ?? []);
  const writes = context.api.flatMap((a) => a.writes ?? []);
  let document: string | null = null;

  // Reads are open to every origin; no credentials are ever asked for or allowed.
  app.use(`${API_BASE}/*`, cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], allowHeaders: ['If-None-Match'], exposeHeaders: ['ETag', 'Link'], maxAge: 86400 }));

  const tenant = (c: C) => services.opendata.municipality(c.req.param('slug') ?? '');

  /** The ETag of an answer: the municipality's content version, the day (what is upcoming changes), the address. */
  const etagOf = (m: Municipality, c: C) => {
    const url = new URL(c.req.url);
    const day = clock().toISOString().slice(0, 10);
    return `W/"${createHash('sha256').update(`${m.content_version}|${day}|${url.pathname}?${[...url.searchParams].sort().map(([k, v]) => `${k}=${v}`).join('&')}`).digest('base64url').slice(0, 27)}"`;
  };
  const notModified = (c: C, etag: string) => {
    const sent = c.req.header('if-none-match');
    if (!sent) return false;
    return sent.split(',').map((s) => s.trim()).some((s) => s === etag || s === '*' || s.replace(/^W\//, '') === etag.replace(/^W\//, ''));
  };
  const cached = async (c: C, m: Municipality, produce: () => Promise<Response>) => {
    const etag = etagOf(m, c);
    if (notModified(c, etag)) return c.body(null, 304, { etag, 'cache-control': CACHE });
    const res = await produce();
    res.headers.set('etag', etag);
    res.headers.set('cache-control', CACHE);
    return res;
  };

  const guard = async (c: C, run: () => Promise<Response>): Promise<Response> => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof NotFoundError) return problem(c, 404, 'Not Found');
      if (err instanceof ForbiddenError) return problem(c, 403, 'Forbidden');
      if (err instanceof InvalidInputError) {
        const t = translator(negotiateLang(c.req.query('lang'), c.req.header('accept-language')));
        return problem(c, 422, 'Unprocessable Content', { errors: Object.fromEntries(Object.entries(err.errors).map(([k, v]) => [k, errorText(t, v)])) });
      }
      console.error(err);
      return problem(c, 500, 'Internal Server Error');
    }
  };

  app.get(opendataPaths.openapi.pattern, (c) => {
    document ??= JSON.stringify(openApiDocument(context.api, { publicUrl, version: '1.0.0' }));
    return c.body(document, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=3600' });
  });

  const requestOf = (m: Municipality, params: Record<string, number | string>, query: Record<string, unknown>): ApiRequest<Record<string, number | string>, Record<string, unknown>> => ({ municipality: m, params, query, publicUrl });

  for (const read of reads) app.get(honoPath(read.path), (c) => guard(c, () => serveRead(c, read)));

  const serveRead = async (c: C, read: ApiRead): Promise<Response> => {
    const m = await tenant(c);
    const params = pathParams(c, read.path);
    if (!m || !params) return problem(c, 404, 'Not Found');
    const raw = c.req.query();
    let query: Record<string, unknown> = {};
    if (read.query) {
      const parsed = read.query.safeParse(raw);
      if (!parsed.success) return problem(c, 400, 'Bad Request', { errors: issues(parsed.error) });
      query = parsed.data as Record<string, unknown>;
    }
    let limit = LIMIT_DEFAULT;
    let offset = 0;
    if (read.kind === 'list') {
      if (raw.limit !== undefined) {
        if (!/^[0-9]{1,3}$/.test(raw.limit) || Number(raw.limit) < 1 || Number(raw.limit) > LIMIT_MAX) return problem(c, 400, 'Bad Request', { errors: { limit: `1…${LIMIT_MAX}` } });
        limit = Number(raw.limit);
      }
      if (raw.offset !== undefined) {
        if (!/^[0-9]{1,9}$/.test(raw.offset)) return problem(c, 400, 'Bad Request', { errors: { offset: '0…' } });
        offset = Number(raw.offset);
      }
    }
    return cached(c, m, async () => {
      const result = await read.run({ ...requestOf(m, params, query), limit, offset });
      if (read.kind === 'item') return c.json(result);
      const { items, total } = result as { items: unknown[]; total: number };
      const link = (o: number) => {
        const url = new URL(`${publicUrl}${new URL(c.req.url).pathname}`);
        for (const [k, v] of Object.entries(raw)) if (k !== 'offset' && k !== 'limit') url.searchParams.set(k, v);
        url.searchParams.set('limit', String(limit));
        url.searchParams.set('offset', String(o));
        return url.toString();
      };
      const next = offset + limit < total ? link(offset + limit) : null;
      const prev = offset > 0 ? link(Math.max(0, offset - limit)) : null;
      if (next) c.header('link', `<${next}>; rel="next"`);
      return c.json({ items, total, limit, offset, links: { self: link(offset), next, prev } });
    });
  };

  // ---- writes with a personal token ----------------------------------------------------------------------

  const serveWrite = async (c: C, write: ApiWrite): Promise<Response> => {
    const m = await tenant(c);
    const params = pathParams(c, write.path);
    if (!m || !params) return problem(c, 404, 'Not Found');
    c.header('cache-control', 'no-store');
    const auth = c.req.header('authorization') ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (!bearer) {
      c.header('www-authenticate', 'Bearer realm="teilhabe"');
      return problem(c, 401, 'Unauthorized', { detail: 'A personal token is needed (Authorization: Bearer).' });
    }
    const check = await services.opendata.check(bearer, m.id, write.permission);
    if (!check.ok) {
      if (check.reason === 'municipality' || check.reason === 'role') return problem(c, 403, 'Forbidden', { detail: check.reason === 'municipality' ? 'The token is of another municipality.' : "The token's role does not allow this." });
      c.header('www-authenticate', `Bearer realm="teilhabe", error="invalid_token"`);
      return problem(c, 401, 'Unauthorized', { detail: `The token is ${check.reason}.` });
    }
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return problem(c, 415, 'Unsupported Media Type', { detail: 'Send JSON (Content-Type: application/json).' });
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return problem(c, 422, 'Unprocessable Content', { detail: 'The body is not valid JSON.' });
    }
    const parsed = write.body.safeParse(json);
    if (!parsed.success) return problem(c, 422, 'Unprocessable Content', { errors: issues(parsed.error) });
    const result = await write.run({ ...requestOf(m, params, {}), body: parsed.data, by: check.caller.writer });
    return c.json(result.body, result.status);
  };

  const limitBody = bodyLimit({ maxSize: MAX_BODY, onError: (c) => problem(c as C, 413, 'Content Too Large') });
  for (const write of writes) app.on(write.method.toUpperCase(), honoPath(write.path), limitBody, (c) => guard(c, () => serveWrite(c, write)));

  // ---- open data: downloads and the catalogue --------------------------------------------------------------

  for (const pattern of opendataPaths.planData.patterns) {
    app.get(pattern, (c) =>
      guard(c, async () => {
        const m = await tenant(c);
        const { planId, format } = opendataPaths.planData.params(c);
        if (!m) return problem(c, 404, 'Not Found');
        const plan = await services.opendata.publicPlan(m.id, planId);
        if (!plan) return problem(c, 404, 'Not Found');
        return cached(c, m, async () => {
          const settings = await services.opendata.settings(m.id);
          const licence = licenceOf(settings.licence);
          const input = { plan: await services.plans.exchange(m.id, plan.id), municipalityName: m.name, stateDate: plan.updated_at.slice(0, 10), planState: plan.state as 'published' | 'archived', lang: 'de' as const };
          const body = format === 'json' ? Buffer.from(exportJson(input), 'utf8') : exportCsv(input);
          return c.body(new Uint8Array(body), 200, {
            'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
            'content-disposition': `inline; filename="${asciiFileName(plan.title)}.${format}"`,
            link: `<${licence.url}>; rel="license"`,
          });
        });
      }),
    );
  }

  for (const pattern of opendataPaths.catalogue.patterns) {
    app.get(pattern, (c) =>
      guard(c, async () => {
        const m = await tenant(c);
        if (!m) return problem(c, 404, 'Not Found');
        const { format } = opendataPaths.catalogue.params(c);
        return cached(c, m, async () => {
          const data = await catalogue(services, m, publicUrl);
          if (format === 'ttl') return c.body(await catalogueTurtle(data), 200, { 'content-type': 'text/turtle; charset=utf-8' });
          return c.body(JSON.stringify(catalogueJsonLd(data), null, 1), 200, { 'content-type': 'application/ld+json; charset=utf-8' });
        });
      }),
    );
  }

  // Anything else below /api is a JSON 404, never a page.
  app.all('/api/*', (c) => problem(c, 404, 'Not Found'));
  return app;
}

function issues(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[i.path.join('.') || '_'] ??= i.message;
  return out;
}
