// DCAT-AP.de metadata of a municipality's open data: one dcat:Catalog, a dcat:Dataset per published or archived
// plan, a dcat:Distribution per format (the exchange JSON, CSV) with its licence (the dcat-ap.de licence URI) and
// attribution, so that portals such as GovData can harvest them. Served as Turtle and as JSON-LD; its shape is
// checked in tests against shapes/dcat-ap-de.shacl.ttl.
import { platformPaths } from '../../platform/http/paths.js';
import N3, { type Quad, type Term } from 'n3';
import type { Services } from '../../platform/module.js';
import type { Municipality } from '../../platform/tenancy.js';
import { planPaths } from '../plan/index.js';
import { translator } from '../../platform/i18n/i18n.js';
import { licenceOf } from './opendata.model.js';
import { API_BASE, opendataPaths } from './opendata.paths.js';

const { namedNode, literal, blankNode, quad } = N3.DataFactory;

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
} as const;

const rdf = (l: string) => namedNode(`${NS.rdf}${l}`);
const dcat = (l: string) => namedNode(`${NS.dcat}${l}`);
const dct = (l: string) => namedNode(`${NS.dct}${l}`);
const dcatde = (l: string) => namedNode(`${NS.dcatde}${l}`);
const foaf = (l: string) => namedNode(`${NS.foaf}${l}`);
const vcard = (l: string) => namedNode(`${NS.vcard}${l}`);
const de = (text: string) => literal(text, 'de');
const dateTime = (iso: string) => literal(new Date(iso).toISOString(), namedNode(`${NS.xsd}dateTime`));
const gYear = (year: number) => literal(`${year}-01-01`, namedNode(`${NS.xsd}date`));
const gYearEnd = (year: number) => literal(`${year}-12-31`, namedNode(`${NS.xsd}date`));

const THEMES = ['SOCI', 'GOVE'].map((t) => `http://publications.europa.eu/resource/authority/data-theme/${t}`);
const GERMAN = 'http://publications.europa.eu/resource/authority/language/DEU';
const FORMATS = {
  json: { format: 'http://publications.europa.eu/resource/authority/file-type/JSON', media: 'https://www.iana.org/assignments/media-types/application/json' },
  csv: { format: 'http://publications.europa.eu/resource/authority/file-type/CSV', media: 'https://www.iana.org/assignments/media-types/text/csv' },
} as const;
const k = 'opendata.dcat';

/** The political geocoding URI of an official key: 8 digits (AGS) a municipality key, 12 (ARS) a regional key. */
export function geocodingUri(key: string): string | null {
  if (/^\d{8}$/.test(key)) return `http://dcat-ap.de/def/politicalGeocoding/municipalityKey/${key}`;
  if (/^\d{12}$/.test(key)) return `http://dcat-ap.de/def/politicalGeocoding/regionalKey/${key}`;
  return null;
}

/** The catalogue of a municipality as RDF quads. */
export async function catalogue(services: Services, m: Municipality, publicUrl: string): Promise<Quad[]> {
  const od = services.opendata;
  const settings = await od.settings(m.id);
  const licence = licenceOf(settings.licence);
  const base = `${publicUrl}${API_BASE}/${m.slug}`;
  const page = (path: string) => namedNode(`${publicUrl}${path}`);
  // The metadata speaks German (tagged @de), the language of the plans and of the portals that harvest them.
  const t = translator('de');
  const out: Quad[] = [];
  const add = (s: Term, p: Term, o: Term) => out.push(quad(s as N3.Quad_Subject, p as N3.Quad_Predicate, o as N3.Quad_Object));

  const catalog = namedNode(`${base}/catalog`);
  const publisher = namedNode(`${base}#publisher`);
  add(publisher, rdf('type'), foaf('Agent'));
  add(publisher, foaf('name'), de(m.name));
  add(publisher, foaf('homepage'), page(platformPaths.municipality(m.slug)));

  const plans: Awaited<ReturnType<typeof od.publicPlans>>['items'] = [];
  for (let offset = 0; ; offset += 100) {
    const { items, total } = await od.publicPlans(m.id, { limit: 100, offset });
    plans.push(...items);
    if (offset + 100 >= total) break;
  }
  const geo = geocodingUri(settings.regionalKey);
  const lastChange = plans.map((p) => p.updated_at).sort().at(-1) ?? m.created_at;

  add(catalog, rdf('type'), dcat('Catalog'));
  add(catalog, dct('title'), de(t(`${k}.catalogTitle`, { name: m.name })));
  add(catalog, dct('description'), de(t(`${k}.catalogDescription`, { name: m.name })));
  add(catalog, dct('publisher'), publisher);
  add(catalog, foaf('homepage'), page(platformPaths.municipality(m.slug)));
  add(catalog, dct('language'), namedNode(GERMAN));
  add(catalog, dct('license'), namedNode(licence.uri));
  add(catalog, dcat('themeTaxonomy'), namedNode('http://publications.europa.eu/resource/authority/data-theme'));
  add(catalog, dct('issued'), dateTime(m.created_at));
  add(catalog, dct('modified'), dateTime(lastChange));
  if (geo) add(catalog, dct('spatial'), namedNode(geo));

  for (const plan of plans) {
    const ds = namedNode(`${base}/plans/${plan.id}#dataset`);
    add(catalog, dcat('dataset'), ds);
    add(ds, rdf('type'), dcat('Dataset'));
    add(ds, dct('title'), de(plan.edition ? `${plan.title} (${plan.edition})` : plan.title));
    add(ds, dct('description'), de(plan.intro.trim() || t(`${k}.datasetDescription`, { plan: plan.title, name: m.name })));
    add(ds, dct('identifier'), literal(`${base}/plans/${plan.id}`));
    add(ds, dct('publisher'), publisher);
    if (settings.contributorId) add(ds, dcatde('contributorID'), namedNode(settings.contributorId));
    for (const theme of THEMES) add(ds, dcat('theme'), namedNode(theme));
    for (const word of t(`${k}.keywords`).split(',')) add(ds, dcat('keyword'), de(word.trim()));
    for (const f of await od.fields(m.id, plan.id)) add(ds, dcat('keyword'), de(f.title));
    add(ds, dcat('landingPage'), page(planPaths.plan(m.slug, plan.id)));
    add(ds, dct('language'), namedNode(GERMAN));
    add(ds, dct('issued'), dateTime(plan.published_at ?? plan.created_at));
    add(ds, dct('modified'), dateTime(plan.updated_at));
    add(ds, dct('accessRights'), namedNode('http://publications.europa.eu/resource/authority/access-right/PUBLIC'));
    if (geo) {
      add(ds, dct('spatial'), namedNode(geo));
      add(ds, dcatde('politicalGeocodingURI'), namedNode(geo));
      add(ds, dcatde('politicalGeocodingLevelURI'), namedNode('http://dcat-ap.de/def/politicalGeocoding/Level/municipality'));
    }
    if (plan.period_start !== null || plan.period_end !== null) {
      const period = blankNode(`period${plan.id}`);
      add(ds, dct('temporal'), period);
      add(period, rdf('type'), dct('PeriodOfTime'));
      if (plan.period_start !== null) add(period, dcat('startDate'), gYear(plan.period_start));
      if (plan.period_end !== null) add(period, dcat('endDate'), gYearEnd(plan.period_end));
    }
    const contact = blankNode(`contact${plan.id}`);
    add(ds, dcat('contactPoint'), contact);
    add(contact, rdf('type'), vcard('Organization'));
    add(contact, vcard('fn'), literal(m.office_name || m.name));
    if (m.contact_email) add(contact, vcard('hasEmail'), namedNode(`mailto:${m.contact_email}`));

    for (const format of ['json', 'csv'] as const) {
      const f = FORMATS[format];
      const dist = namedNode(`${base}/plans/${plan.id}/data.${format}#distribution`);
      const url = page(opendataPaths.planData(m.slug, plan.id, format));
      add(ds, dcat('distribution'), dist);
      add(dist, rdf('type'), dcat('Distribution'));
      add(dist, dct('title'), de(t(`${k}.${format}.title`)));
      add(dist, dct('description'), de(t(`${k}.${format}.description`)));
      add(dist, dcat('accessURL'), url);
      add(dist, dcat('downloadURL'), url);
      add(dist, dct('format'), namedNode(f.format));
      add(dist, dcat('mediaType'), namedNode(f.media));
      add(dist, dct('license'), namedNode(licence.uri));
      if (licence.attribution) add(dist, dcatde('licenseAttributionByText'), de(settings.attribution.trim() || m.name));
      add(dist, dct('issued'), dateTime(plan.published_at ?? plan.created_at));
      add(dist, dct('modified'), dateTime(plan.updated_at));
    }
  }
  return out;
}

export function catalogueTurtle(quads: Quad[]): Promise<string> {
  const writer = new N3.Writer({ prefixes: NS });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((err, result) => (err ? reject(err) : resolve(result))));
}

/** The same quads as flattened JSON-LD (full IRIs as keys, the prefixes in the context for readers). */
export function catalogueJsonLd(quads: Quad[]): Record<string, unknown> {
  const nodes = new Map<string, Record<string, unknown>>();
  const idOf = (t: Term) => (t.termType === 'BlankNode' ? `_:${t.value}` : t.value);
  for (const q of quads) {
    const id = idOf(q.subject);
    const node = nodes.get(id) ?? { '@id': id };
    nodes.set(id, node);
    if (q.predicate.value === `${NS.rdf}type`) {
      node['@type'] = [...((node['@type'] as string[] | undefined) ?? []), q.object.value];
      continue;
    }
    const o = q.object;
    const value = o.termType === 'Literal'
      ? { '@value': o.value, ...(o.language ? { '@language': o.language } : o.datatype.value !== `${NS.xsd}string` ? { '@type': o.datatype.value } : {}) }
      : { '@id': idOf(o) };
    node[q.predicate.value] = [...((node[q.predicate.value] as unknown[] | undefined) ?? []), value];
  }
  return { '@context': NS, '@graph': [...nodes.values()] };
}
