// The OpenAPI 3.1 document of the open API, made from the contributions themselves: every read and write with
// its parameters, and every schema generated from the zod schema the endpoint answers with (so code and document
// cannot drift). The document's words are English: it is read by developers.
import { z } from 'zod';
import type { ApiContribution, ApiRead, ApiWrite } from '../../platform/module.js';
import { exchangePlanSchema } from '../plan/index.js';
import { LIMIT_DEFAULT, LIMIT_MAX, problemSchema } from './api.schemas.js';

type Json = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output' = 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  return rest;
};

/** Path parameters of an OpenAPI path: ids are positive integers, the slug a word. */
function pathParameters(path: string): Json[] {
  const names = [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]);
  return names.map((name) => ({
    name, in: 'path', required: true,
    ...(name === 'slug'
      ? { description: "The municipality's short name, as in its public address.", schema: { type: 'string', pattern: '^[a-z0-9-]+$' } }
      : { description: 'A positive integer id.', schema: { type: 'integer', minimum: 1 } }),
  }));
}

function queryParameters(read: ApiRead): Json[] {
  const params: Json[] = [];
  if (read.query) {
    const shape = read.query.shape as Record<string, z.ZodType>;
    for (const [name, field] of Object.entries(shape)) {
      const schema = toSchema(field, 'input');
      const description = typeof schema.description === 'string' ? schema.description : undefined;
      delete schema.description;
      params.push({ name, in: 'query', required: false, ...(description ? { description } : {}), schema });
    }
  }
  if (read.kind === 'list') {
    params.push(
      { name: 'limit', in: 'query', required: false, description: `Items per page (default ${LIMIT_DEFAULT}, at most ${LIMIT_MAX}).`, schema: { type: 'integer', minimum: 1, maximum: LIMIT_MAX } },
      { name: 'offset', in: 'query', required: false, description: 'Items to skip (the `next` link counts on).', schema: { type: 'integer', minimum: 0 } },
    );
  }
  return params;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

function readOperation(read: ApiRead): Json {
  const body = read.kind === 'list' ? ref(`${read.schemaName}Page`) : ref(read.schemaName);
  return {
    operationId: read.operationId,
    tags: [read.tag],
    summary: read.summary,
    ...(read.description ? { description: read.description } : {}),
    parameters: [...pathParameters(`/{slug}${read.path}`), ...queryParameters(read), { $ref: '#/components/parameters/IfNoneMatch' }],
    responses: {
      '200': { description: 'OK', headers: { ETag: { $ref: '#/components/headers/ETag' }, 'Cache-Control': { $ref: '#/components/headers/CacheControl' } }, content: { 'application/json': { schema: body } } },
      '304': { description: 'Not modified (the ETag sent in If-None-Match is still current).' },
      '400': problem('A query parameter is not valid.'),
      '404': problem('Unknown municipality or resource (drafts are unknown too).'),
    },
  };
}

function writeOperation(write: ApiWrite): Json {
  return {
    operationId: write.operationId,
    tags: [write.tag],
    summary: write.summary,
    description: `Needs a personal token (Authorization: Bearer) of this municipality whose role has the permission \`${write.permission}\`. Every write is recorded in the audit log with the token's name.`,
    security: [{ bearerToken: [] }],
    parameters: pathParameters(`/{slug}${write.path}`),
    requestBody: { required: true, content: { 'application/json': { schema: ref(write.bodyName) } } },
    responses: {
      [write.method === 'post' ? '201' : '200']: { description: 'Written', content: { 'application/json': { schema: ref(write.schemaName) } } },
      '401': problem('No token, an unknown, revoked or expired token.'),
      '403': problem("The token is of another municipality, or its role does not allow the write."),
      '404': problem('Unknown resource.'),
      '413': problem('The body is too large.'),
      '415': problem('The body is not JSON.'),
      '422': problem('The body is not valid; `errors` names the fields.'),
    },
  };
}

export interface OpenApiOptions {
  publicUrl: string;
  version: string;
}

/** The whole document for the contributions of every module. */
export function openApiDocument(contributions: readonly ApiContribution[], options: OpenApiOptions): Json {
  const reads = contributions.flatMap((c) => c.reads ?? []);
  const writes = contributions.flatMap((c) => c.writes ?? []);
  const schemas: Record<string, Json> = { Problem: toSchema(problemSchema) };
  const paths: Record<string, Record<string, Json>> = {};
  const add = (path: string, method: string, op: Json) => {
    paths[path] ??= {};
    paths[path][method] = op;
  };
  for (const read of reads) {
    schemas[read.schemaName] ??= toSchema(read.schema);
    if (read.kind === 'list') {
      schemas[`${read.schemaName}Page`] ??= {
        type: 'object',
        description: `A page of ${read.schemaName} items.`,
        required: ['items', 'total', 'limit', 'offset', 'links'],
        additionalProperties: false,
        properties: {
          items: { type: 'array', items: ref(read.schemaName) },
          total: { type: 'integer', minimum: 0, description: 'All items that match, on every page.' },
          limit: { type: 'integer', minimum: 1 },
          offset: { type: 'integer', minimum: 0 },
          links: ref('PageLinks'),
        },
      };
    }
    add(`/{slug}${read.path}`, 'get', readOperation(read));
  }
  schemas.PageLinks = {
    type: 'object', required: ['self', 'next', 'prev'], additionalProperties: false,
    properties: { self: { type: 'string', format: 'uri' }, next: { type: ['string', 'null'], format: 'uri' }, prev: { type: ['string', 'null'], format: 'uri' } },
  };
  for (const write of writes) {
    schemas[write.bodyName] ??= toSchema(write.body, 'input');
    schemas[write.schemaName] ??= toSchema(write.schema);
    add(`/{slug}${write.path}`, write.method, writeOperation(write));
  }
  // The open data downloads and the catalogue: files, not JSON resources.
  schemas.ExchangePlan = toSchema(exchangePlanSchema);
  add('/{slug}/plans/{planId}/data.json', 'get', {
    operationId: 'downloadPlanJson', tags: ['Open data'], summary: 'A published plan in the exchange format (JSON), under the municipality\'s open licence (Link rel="license").',
    parameters: [...pathParameters('/{slug}/plans/{planId}'), { $ref: '#/components/parameters/IfNoneMatch' }],
    responses: { '200': { description: 'The plan', headers: { Link: { $ref: '#/components/headers/LicenceLink' }, ETag: { $ref: '#/components/headers/ETag' } }, content: { 'application/json': { schema: ref('ExchangePlan') } } }, '304': { description: 'Not modified.' }, '404': problem('Unknown municipality or plan (drafts too).') },
  });
  add('/{slug}/plans/{planId}/data.csv', 'get', {
    operationId: 'downloadPlanCsv', tags: ['Open data'], summary: 'A published plan\'s measures as CSV (semicolon, UTF-8, German headings), under the municipality\'s open licence.',
    parameters: [...pathParameters('/{slug}/plans/{planId}'), { $ref: '#/components/parameters/IfNoneMatch' }],
    responses: { '200': { description: 'The table', headers: { Link: { $ref: '#/components/headers/LicenceLink' }, ETag: { $ref: '#/components/headers/ETag' } }, content: { 'text/csv': { schema: { type: 'string' } } } }, '304': { description: 'Not modified.' }, '404': problem('Unknown municipality or plan (drafts too).') },
  });
  add('/{slug}/catalog.ttl', 'get', {
    operationId: 'catalogueTurtle', tags: ['Open data'], summary: 'DCAT-AP.de metadata of the published plans (Turtle), for harvesting by data portals such as GovData.',
    parameters: [...pathParameters('/{slug}'), { $ref: '#/components/parameters/IfNoneMatch' }],
    responses: { '200': { description: 'The catalogue', content: { 'text/turtle': { schema: { type: 'string' } } } }, '304': { description: 'Not modified.' }, '404': problem('Unknown municipality.') },
  });
  add('/{slug}/catalog.jsonld', 'get', {
    operationId: 'catalogueJsonLd', tags: ['Open data'], summary: 'The same DCAT-AP.de metadata as JSON-LD.',
    parameters: [...pathParameters('/{slug}'), { $ref: '#/components/parameters/IfNoneMatch' }],
    responses: { '200': { description: 'The catalogue', content: { 'application/ld+json': { schema: { type: 'object' } } } }, '304': { description: 'Not modified.' }, '404': problem('Unknown municipality.') },
  });
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'Teilhabe open API',
      version: options.version,
      description: 'Published content of the integration plans of the municipalities on this instance: plans, fields of action, goals, measures with their status history, actors, events and public questionnaire results. Drafts are never shown. Reads need no token and allow any origin (CORS); answers carry an ETag. Writes need a personal token.',
      license: { name: 'Data: the open licence each municipality chooses (see its catalogue)' },
    },
    servers: [{ url: `${options.publicUrl.replace(/\/$/, '')}/api/v1` }],
    tags: [...new Set([...reads.map((r) => r.tag), ...writes.map((w) => w.tag), 'Open data'])].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      parameters: {
        IfNoneMatch: { name: 'If-None-Match', in: 'header', required: false, description: 'An ETag of an earlier answer: 304 while it is current.', schema: { type: 'string' } },
      },
      headers: {
        ETag: { description: 'Changes whenever the municipality\'s published content changes.', schema: { type: 'string' } },
        CacheControl: { description: 'How long a cache may keep the answer.', schema: { type: 'string' } },
        LicenceLink: { description: 'The licence of the data, as `<url>; rel="license"`.', schema: { type: 'string' } },
      },
      securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal token made on the admin page "Offene Daten" (shown once).' } },
    },
  };
}
