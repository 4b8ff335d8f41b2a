// The open API on a real database (SQLite and PostgreSQL): the OpenAPI document validates with a well-kept
// validator; every documented read endpoint is called (the paths are read from the document itself) and its
// answer is checked against its documented schema (ajv, JSON Schema 2020-12); drafts, other municipalities and
// internal notes never appear; pagination, filters, ETag/304, CORS, and no cookies.
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedResults } from '../../../test/questionnaire-results.fixture.js';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { offerSchema } from '../offers/index.js';

const by = { userId: null, name: 'Test' };
type Doc = { paths: Record<string, Record<string, { parameters?: Array<{ name?: string; in?: string; $ref?: string }>; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: { schemas: Record<string, unknown> } };

describe.each(engines)('open API on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let doc: Doc;
  const ids: Record<string, number> = {};
  const get = (path: string, headers: Record<string, string> = {}) => env.app.request(path, { headers });

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    const m = f.A.municipalityId;
    // an internal note and a public one on A's published measure; an event and public questionnaire results
    await env.services.plans.changeStatus(m, f.A.measureId, { status_label: 'in Umsetzung', status_category: null, note: 'Geheime interne Notiz', note_internal: true }, { userId: null, name: 'Petra Personalname' });
    await env.services.plans.changeStatus(m, f.A.measureId, { status_label: 'Abgeschlossen', status_category: null, note: 'Kurs fand statt' }, { userId: null, name: 'Petra Personalname' });
    const eventInput = { kind: 'workshop', title: 'Werkstatt Sprache', description: '', date: '2026-03-14', starts: '18:00', ends: '20:00', online: false, online_url: 'https://video.example/geheim', place_name: 'Rathaus', address: 'Marktplatz 1', accessibility: '', capacity: 20, registration: true, registration_deadline: '2026-03-12', phase_id: null, group_id: null } as const;
    ids.eventId = await env.services.events.create(m, eventInput, by, { planId: f.A.planId, state: 'published' });
    ids.draftEventId = await env.services.events.create(m, { ...eventInput, title: 'Entwurfstreffen Apfel' }, by, { planId: f.A.planId });
    const r = await seedResults(env, f.A, { closesAt: '2026-03-15T11:00:00.000Z', resultsPublic: true });
    ids.questionnaireId = r.questionnaireId;
    // an offer of the Wegweiser (the offers module's part of the API), and a draft offer
    const offer = (values: Record<string, string>) => offerSchema.parse({ category: 'language_cafe', frequency: 'weekly', weekdays: 'TU', start_time: '16:00', end_time: '18:00', languages: 'de,ar', free_of_charge: '1', ...values });
    ids.offerId = await env.services.offers.create(m, offer({ title: 'Sprachcafé Apfel', state: 'published' }), by, { kind: 'officer' });
    ids.draftOfferId = await env.services.offers.create(m, offer({ title: 'Entwurfstreffen Apfel', state: 'draft' }), by, { kind: 'officer' });
    env.now.value = new Date('2026-04-01T10:00:00Z');
    doc = (await (await get('/api/v1/openapi.json')).json()) as Doc;
  });
  afterAll(() => env.close());

  it('serves an OpenAPI 3.1 document that a well-kept validator accepts', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('answers every documented read endpoint as documented, for a published plan', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'doc', components: doc.components } as never);
    const values: Record<string, string | number> = { slug: f.A.slug, planId: f.A.planId, measureId: f.A.measureId, actorId: f.A.actorId, ...ids };
    const called: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      if (!op) continue;
      const url = `/api/v1${path.replace(/\{([A-Za-z]+)\}/g, (_, n: string) => {
        expect(values[n], `a value for {${n}} in ${path}`).toBeDefined();
        return String(values[n]);
      })}`;
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('set-cookie'), url).toBeNull();
      expect(res.headers.get('etag'), url).toBeTruthy();
      const [type, media] = Object.entries(op.responses['200'].content!)[0];
      expect(res.headers.get('content-type')?.split(';')[0], url).toBe(type);
      const text = await res.text();
      expect(text, url).not.toMatch(/ENTWURF|Geheim|Birnenkompott|Petra Personalname|video\.example|Entwurfstreffen/);
      if (type === 'application/json') {
        const validate = ajv.compile({ $ref: `doc#${String((media.schema as { $ref: string }).$ref).slice(1)}` });
        const ok = validate(JSON.parse(text));
        expect(validate.errors ?? [], url).toEqual([]);
        expect(ok).toBe(true);
      } else {
        expect(text.length, url).toBeGreaterThan(50);
      }
      called.push(path);
    }
    // every read of the document was called: plans, fields, goals, measures with statuses, actors, events, results, downloads, catalogue
    expect(called.length).toBe(Object.values(doc.paths).filter((o) => o.get).length);
    expect(called).toEqual(expect.arrayContaining(['/{slug}/measures/{measureId}/statuses', '/{slug}/events/{eventId}', '/{slug}/questionnaires/{questionnaireId}/results', '/{slug}/offers/{offerId}', '/{slug}/plans/{planId}/data.csv', '/{slug}/catalog.ttl']));
  });

  it('never shows drafts, nor another municipality\'s content, by list or by guessing ids', async () => {
    for (const url of [
      `/api/v1/${f.A.slug}/plans/${f.A.draftPlanId}`, `/api/v1/${f.A.slug}/measures/${f.A.draftMeasureId}`, `/api/v1/${f.A.slug}/measures/${f.A.draftMeasureId}/statuses`,
      `/api/v1/${f.A.slug}/plans/${f.A.draftPlanId}/fields`, `/api/v1/${f.A.slug}/plans/${f.A.draftPlanId}/data.json`, `/api/v1/${f.A.slug}/plans/${f.A.draftPlanId}/data.csv`,
      `/api/v1/${f.A.slug}/plans/${f.B.planId}`, `/api/v1/${f.A.slug}/measures/${f.B.measureId}`, `/api/v1/${f.A.slug}/actors/${f.B.actorId}`, `/api/v1/${f.A.slug}/events/${ids.draftEventId}`, `/api/v1/${f.A.slug}/offers/${ids.draftOfferId}`, `/api/v1/${f.B.slug}/offers/${ids.offerId}`,
      `/api/v1/${f.B.slug}/measures/${f.B.draftMeasureId}`, `/api/v1/nowhere/plans`, `/api/v1/${f.A.slug}/unknown`,
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type'), url).toContain('application/problem+json');
    }
    const lists = [`/api/v1/${f.A.slug}/plans`, `/api/v1/${f.A.slug}/measures?limit=100`, `/api/v1/${f.A.slug}/actors?limit=100`, `/api/v1/${f.A.slug}/events`, `/api/v1/${f.A.slug}/offers`, `/api/v1/${f.A.slug}/catalog.ttl`, `/api/v1/${f.A.slug}/catalog.jsonld`];
    for (const url of lists) {
      const text = await (await get(url)).text();
      expect(text, url).toMatch(/Amstadt|Apfel|Werkstatt Sprache/);
      expect(text, url).not.toMatch(/ENTWURF|Geheimer Entwurf|Birnenkompott|Entwurfstreffen/);
    }
    const measures = (await (await get(`/api/v1/${f.A.slug}/measures?limit=100`)).json()) as { items: Array<{ id: number }> };
    expect(measures.items.map((m) => m.id)).not.toContain(f.A.draftMeasureId);
  });

  it('shows a status history with public notes only and no staff names', async () => {
    const body = (await (await get(`/api/v1/${f.A.slug}/measures/${f.A.measureId}/statuses`)).json()) as { items: Array<{ to: { category: string }; note: string; changedBy: string }> };
    expect(body.items[0]).toMatchObject({ to: { category: 'completed' }, note: 'Kurs fand statt', changedBy: '' });
    expect(body.items.map((i) => i.note)).not.toContain('Geheime interne Notiz');
    expect(body.items.some((i) => i.to.category === 'in_progress' && i.note === '')).toBe(true);
  });

  it('shows questionnaire results as the public sees them: small groups withheld, no free texts', async () => {
    const res = (await (await get(`/api/v1/${f.A.slug}/questionnaires/${ids.questionnaireId}/results`)).json()) as { total: number; minGroupSize: number; sections: Array<{ questions: Array<{ kind: string; cells: Array<{ count: number | null }> }> }> };
    const public_ = await env.services.questionnaireResults.publicResults(f.A.municipalityId, ids.questionnaireId, null);
    expect(res.total).toBe(public_.results.total);
    expect(res.minGroupSize).toBe(5);
    const cells = res.sections.flatMap((s) => s.questions.flatMap((q) => q.cells));
    expect(cells.some((c) => c.count === null)).toBe(true);
    // counts from 1 to 4 are withheld (0 is no one)
    expect(cells.filter((c) => c.count !== null && c.count > 0 && c.count < 5)).toEqual([]);
    expect(JSON.stringify(res)).not.toContain('Sprachkurs mit Kinderbetreuung');
    // a questionnaire whose results are not public is unknown here
    const hidden = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, { title: 'Intern', state: 'closed', resultsPublic: false, sections: [] }, by);
    expect((await get(`/api/v1/${f.A.slug}/questionnaires/${hidden}/results`)).status).toBe(404);
    const list = (await (await get(`/api/v1/${f.A.slug}/questionnaires`)).json()) as { items: Array<{ id: number }> };
    expect(list.items.map((q) => q.id)).toEqual([ids.questionnaireId]);
  });

  it('pages with next links and filters measures by plan, field, status, actor and last change', async () => {
    const first = (await (await get(`/api/v1/${f.A.slug}/measures?limit=1`)).json()) as { items: unknown[]; total: number; links: { next: string | null; prev: string | null } };
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(3);
    expect(first.links.prev).toBeNull();
    const next = new URL(first.links.next!);
    expect(next.searchParams.get('offset')).toBe('1');
    const second = (await (await get(`${next.pathname}${next.search}`)).json()) as { items: unknown[]; links: { prev: string | null } };
    expect(second.items).toHaveLength(1);
    expect(second.links.prev).not.toBeNull();
    const count = async (q: string) => ((await (await get(`/api/v1/${f.A.slug}/measures?${q}`)).json()) as { total: number }).total;
    expect(await count(`plan=${f.A.planId}`)).toBe(3);
    expect(await count(`plan=${f.A.draftPlanId}`)).toBe(0);
    expect(await count(`field=${f.A.fieldId}`)).toBe(3);
    expect(await count('status=completed')).toBe(1);
    expect(await count('status=planned')).toBe(1);
    expect(await count(`actor=${f.A.actorId}`)).toBe(1);
    expect(await count('updatedSince=2099-01-01')).toBe(0);
    expect(await count('updatedSince=2000-01-01')).toBe(3);
    expect((await get(`/api/v1/${f.A.slug}/measures?status=fertig`)).status).toBe(400);
    expect((await get(`/api/v1/${f.A.slug}/measures?limit=1000`)).status).toBe(400);
    expect((await get(`/api/v1/${f.A.slug}/measures?updatedSince=gestern`)).status).toBe(400);
  });

  it('answers 304 while the ETag is current, and a new ETag after a write', async () => {
    const url = `/api/v1/${f.A.slug}/measures/${f.A.measureId}`;
    const res = await get(url);
    const etag = res.headers.get('etag')!;
    expect(res.headers.get('cache-control')).toContain('public');
    const again = await get(url, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const head = await env.app.request(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'laufend', status_category: null, note: '' }, by);
    const after = await get(url, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    // another municipality's writes leave A's answers as they were
    const etagNow = after.headers.get('etag')!;
    await env.services.plans.changeStatus(f.B.municipalityId, f.B.measureId, { status_label: 'laufend', status_category: null, note: '' }, by);
    expect((await get(url, { 'if-none-match': etagNow })).status).toBe(304);
  });

  it('allows reads from any origin (CORS) without credentials, and no cookie is read or set', async () => {
    const res = await get(`/api/v1/${f.A.slug}/plans`, { origin: 'https://portal.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    const pre = await env.app.request(`/api/v1/${f.A.slug}/plans`, { method: 'OPTIONS', headers: { origin: 'https://portal.example', 'access-control-request-method': 'GET' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS');
  });

  it('serves the downloads under the municipality\'s licence', async () => {
    const res = await get(`/api/v1/${f.A.slug}/plans/${f.A.planId}/data.csv`);
    expect(res.headers.get('link')).toBe('<https://www.govdata.de/dl-de/by-2-0>; rel="license"');
    expect(await res.text()).toContain('Sprachkursangebote Apfel ausbauen');
    const json = (await (await get(`/api/v1/${f.A.slug}/plans/${f.A.planId}/data.json`)).json()) as { plan: { title: string } };
    expect(json.plan.title).toBe('Integrationsplan Amstadt');
  });
});
