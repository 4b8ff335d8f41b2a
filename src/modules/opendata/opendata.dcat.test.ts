// The DCAT-AP.de metadata against its shape (SHACL, shapes/dcat-ap-de.shacl.ttl, with rdf-validate-shacl and the
// n3 parser), on both engines: the catalogue as served (Turtle, and JSON-LD with the same statements) conforms,
// with the licence and attribution the municipality chose; a broken record (a distribution without licence, a
// dataset without title, a licence outside the DCAT-AP.de vocabulary) fails with the reasons; drafts never appear.
import fs from 'node:fs';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';

const SHAPES = new N3.Store(new N3.Parser().parse(fs.readFileSync(new URL('./shapes/dcat-ap-de.shacl.ttl', import.meta.url), 'utf8')));
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const by = { userId: null, name: 'Test' };

async function validate(store: N3.Store) {
  const report = await new SHACLValidator(SHAPES as never).validate(store as never);
  return {
    conforms: report.conforms,
    results: report.results.map((r) => ({ severity: r.severity?.value.split('#')[1], path: r.path?.value, focus: r.focusNode?.value, message: r.message.map((m) => m.value).join(' ') })),
  };
}

describe.each(engines)('DCAT-AP.de metadata on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let turtle: string;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    await env.services.opendata.saveSettings(f.A.municipalityId, { licence: 'cc-by/4.0', attribution: 'Stadt Amstadt, Integrationsplan', embed_origins: [], contributor_id: 'http://dcat-ap.de/def/contributors/stadtAmstadt', regional_key: '08116019' }, by);
    await env.services.plans.updatePlan(f.A.municipalityId, f.A.planId, { title: 'Integrationsplan Amstadt', edition: '2.0', period_start: 2023, period_end: 2030, intro: 'Der Plan für ein gutes Miteinander.' }, by);
    const res = await env.app.request(`/api/v1/${f.A.slug}/catalog.ttl`);
    expect(res.headers.get('content-type')).toContain('text/turtle');
    turtle = await res.text();
  });
  afterAll(() => env.close());

  it('conforms to the DCAT-AP.de shapes: catalog, a dataset per published plan, a distribution per format', async () => {
    const store = new N3.Store(new N3.Parser().parse(turtle));
    const { conforms, results } = await validate(store);
    expect(results).toEqual([]);
    expect(conforms).toBe(true);
    const datasets = store.getSubjects(RDF_TYPE, `${DCAT}Dataset`, null).map((s) => s.value);
    expect(datasets).toEqual([`http://localhost:3000/api/v1/amstadt/plans/${f.A.planId}#dataset`]);
    expect(store.getSubjects(RDF_TYPE, `${DCAT}Distribution`, null)).toHaveLength(2);
    expect(store.getObjects(null, `${DCT}license`, null).map((o) => o.value)).toContain('http://dcat-ap.de/def/licenses/cc-by/4.0');
    expect(turtle).toContain('dcatde:licenseAttributionByText "Stadt Amstadt, Integrationsplan"@de');
    expect(turtle).toContain('<http://dcat-ap.de/def/politicalGeocoding/municipalityKey/08116019>');
    expect(turtle).toContain('dcatde:contributorID <http://dcat-ap.de/def/contributors/stadtAmstadt>');
    expect(turtle).not.toMatch(/ENTWURF|Geheimer Entwurf|Birnenkompott/);
    // every download the metadata names answers
    for (const url of store.getObjects(null, `${DCAT}downloadURL`, null).map((o) => new URL(o.value))) {
      expect((await env.app.request(url.pathname)).status, url.pathname).toBe(200);
    }
  });

  it('says the same as JSON-LD', async () => {
    const doc = (await (await env.app.request(`/api/v1/${f.A.slug}/catalog.jsonld`)).json()) as { '@graph': Array<Record<string, unknown>> };
    const datasets = doc['@graph'].filter((n) => (n['@type'] as string[] | undefined)?.includes(`${DCAT}Dataset`));
    expect(datasets).toHaveLength(1);
    expect(datasets[0][`${DCT}title`]).toEqual([{ '@value': 'Integrationsplan Amstadt (2.0)', '@language': 'de' }]);
    const quads = new N3.Parser().parse(turtle).length;
    const statements = doc['@graph'].reduce((n, node) => n + Object.entries(node).filter(([k]) => k !== '@id').reduce((m, [k, v]) => m + (k === '@type' ? (v as unknown[]).length : (v as unknown[]).length), 0), 0);
    expect(statements).toBe(quads);
  });

  it('a broken record fails: no licence on a distribution, no title on a dataset, a licence outside the vocabulary', async () => {
    const store = new N3.Store(new N3.Parser().parse(turtle));
    const [dist, other] = store.getSubjects(RDF_TYPE, `${DCAT}Distribution`, null);
    const [dataset] = store.getSubjects(RDF_TYPE, `${DCAT}Dataset`, null);
    store.removeQuads(store.getQuads(dist, `${DCT}license`, null, null));
    store.removeQuads(store.getQuads(dataset, `${DCT}title`, null, null));
    store.removeQuads(store.getQuads(other, `${DCT}license`, null, null));
    store.addQuad(N3.DataFactory.quad(other as N3.NamedNode, N3.DataFactory.namedNode(`${DCT}license`), N3.DataFactory.namedNode('https://example.org/my-own-licence')));
    const { conforms, results } = await validate(store);
    expect(conforms).toBe(false);
    const violations = results.filter((r) => r.severity === 'Violation');
    expect(violations).toEqual(expect.arrayContaining([
      expect.objectContaining({ focus: dist.value, path: `${DCT}license`, message: expect.stringContaining('dct:license is mandatory') }),
      expect.objectContaining({ focus: dataset.value, path: `${DCT}title` }),
      expect.objectContaining({ focus: other.value, path: `${DCT}license`, message: expect.stringContaining('DCAT-AP.de licences') }),
    ]));
  });

  it('without the GovData ids only recommendations are missing, never a mandatory property', async () => {
    const res = await env.app.request(`/api/v1/${f.B.slug}/catalog.ttl`);
    const ttl = await res.text();
    expect(ttl).not.toContain('Apfel');
    expect(ttl).toContain('http://dcat-ap.de/def/licenses/dl-by-de/2.0');
    const { results } = await validate(new N3.Store(new N3.Parser().parse(ttl)));
    expect(results.filter((r) => r.severity === 'Violation')).toEqual([]);
    expect(results.map((r) => r.path)).toEqual(expect.arrayContaining(['http://dcat-ap.de/def/dcatde/contributorID', 'http://dcat-ap.de/def/dcatde/politicalGeocodingURI']));
  });
});
