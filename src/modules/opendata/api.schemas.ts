// The schemas of the open API's answers and bodies: the answers are checked against them in tests, and the
// OpenAPI document is generated from them. Descriptions are English (the document is read by developers).
import { z } from 'zod';
import { STATUS_CATEGORIES } from '../plan/index.js';

export const LIMIT_DEFAULT = 20;
export const LIMIT_MAX = 100;

export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem (about:blank for the plain HTTP meaning).'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.string()).optional().describe('Per field: what is wrong (422).'),
  })
  .meta({ description: 'A problem (RFC 9457).' });

const id = z.number().int().min(1);
const isoInstant = z.string().describe('ISO 8601 date-time (UTC).');
const url = z.string().describe('An absolute URL.');
const category = z.enum(STATUS_CATEGORIES);

export const licenceSchema = z.object({
  uri: url.describe('The DCAT-AP.de licence URI.'),
  name: z.string(),
  url,
  attribution: z.string().describe('The attribution text the municipality asks for (may be empty).'),
});

export const municipalitySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    office: z.string(),
    licence: licenceSchema,
    links: z.object({ html: url, plans: url, measures: url, actors: url, events: url, questionnaires: url, catalogue: url, openapi: url }),
  })
  .meta({ description: 'A municipality and where its data is.' });

export const planSchemaOut = z
  .object({
    id,
    title: z.string(),
    edition: z.string(),
    intro: z.string(),
    state: z.enum(['published', 'archived']),
    period: z.object({ start: z.number().int().nullable(), end: z.number().int().nullable() }),
    publishedAt: z.string().nullable(),
    updatedAt: isoInstant,
    links: z.object({ self: url, html: url, fields: url, goals: url, guidingGoals: url, measures: url, json: url, csv: url }),
  })
  .meta({ description: 'A published or archived plan.' });

export const fieldSchemaOut = z
  .object({ id, planId: id, position: z.number().int(), title: z.string(), description: z.string(), visions: z.array(z.string()), links: z.object({ html: url, measures: url }) })
  .meta({ description: 'A field of action (Handlungsfeld) with its visions.' });

export const goalSchemaOut = z
  .object({ id, planId: id, fieldId: id, number: z.string().nullable(), text: z.string(), guidingGoalId: id.nullable(), links: z.object({ measures: url }) })
  .meta({ description: 'A goal of a field of action.' });

export const guidingGoalSchemaOut = z.object({ id, planId: id, text: z.string(), targetYear: z.number().int().nullable() }).meta({ description: 'A plan-wide guiding goal (Leitziel).' });

export const statusSchema = z.object({
  category,
  label: z.string().describe("The municipality's own wording, kept verbatim."),
  date: z.string().nullable().describe('A year or year-month the wording names (e.g. "2027"), or null.'),
});

export const measureActorSchema = z.object({ id, name: z.string(), role: z.enum(['lead', 'partner']) });

export const measureSchemaOut = z
  .object({
    id,
    planId: id,
    fieldId: id,
    goalId: id.nullable(),
    number: z.string().nullable(),
    further: z.boolean().describe('One of the "further measures" (unnumbered, without a goal).'),
    text: z.string(),
    status: statusSchema,
    timeframe: z.object({ label: z.string(), start: z.string().nullable(), end: z.string().nullable() }),
    targetGroups: z.array(z.string()),
    actors: z.array(measureActorSchema),
    updatedAt: isoInstant,
    links: z.object({ self: url, html: url, statuses: url }),
  })
  .meta({ description: 'A measure with its current status.' });

export const progressNoteSchemaOut = z.object({ text: z.string(), date: z.string().nullable() });

export const measureDetailSchemaOut = measureSchemaOut
  .extend({ notes: z.array(progressNoteSchemaOut).describe('Public progress notes, newest first.'), attributes: z.array(z.object({ label: z.string(), value: z.string() })) })
  .meta({ description: 'A measure with its public progress notes.' });

export const statusChangeSchemaOut = z
  .object({
    id,
    from: z.object({ category: category.nullable(), label: z.string().nullable() }),
    to: z.object({ category, label: z.string() }),
    note: z.string().describe('The public note (empty where the note is internal).'),
    changedAt: isoInstant,
    changedBy: z.string().describe('Who the public may know made the change (an actor), or empty for the administration.'),
  })
  .meta({ description: "An entry of a measure's status history." });

export const actorSchemaOut = z
  .object({ id, parentId: id.nullable(), name: z.string(), description: z.string(), website: z.string(), links: z.object({ self: url, html: url, measures: url }) })
  .meta({ description: 'An actor (organisation or office) of a published measure.' });

export const eventSchemaOut = z
  .object({
    id,
    planId: id.nullable(),
    kind: z.string(),
    title: z.string(),
    description: z.string(),
    startsAt: isoInstant,
    endsAt: isoInstant,
    online: z.boolean(),
    place: z.object({ name: z.string(), address: z.string() }),
    accessibility: z.string(),
    capacity: z.number().int().nullable(),
    registration: z.boolean(),
    registrationDeadline: z.string().nullable(),
    state: z.enum(['published', 'cancelled']),
    programme: z.array(z.object({ startsAt: z.string(), title: z.string(), speaker: z.string() })),
    updatedAt: isoInstant,
    links: z.object({ self: url, html: url, ical: url }),
  })
  .meta({ description: 'A published (or cancelled) event of the participation process.' });

export const questionnaireSchemaOut = z
  .object({ id, planId: id, title: z.string(), closesAt: z.string().nullable(), links: z.object({ results: url, html: url }) })
  .meta({ description: 'A closed questionnaire whose results are public.' });

const cellSchema = z.object({
  label: z.string(),
  row: z.string().nullable().describe('The rated item (matrix questions), else null.'),
  count: z.number().int().nullable().describe('Null where withheld (fewer answers than the smallest group shown).'),
  share: z.number().nullable(),
  averageRank: z.number().nullable().describe('Ranking questions: the average rank, else null.'),
});

export const questionResultSchema = z.object({
  id,
  kind: z.enum(['choice', 'scale', 'matrix', 'ranking', 'number', 'text', 'date']),
  text: z.string(),
  answered: z.number().int(),
  suppressed: z.boolean(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
  cells: z.array(cellSchema),
});

export const resultsSchemaOut = z
  .object({
    questionnaireId: id,
    title: z.string(),
    total: z.number().int(),
    online: z.number().int(),
    paper: z.number().int(),
    suppressed: z.boolean(),
    minGroupSize: z.number().int().describe('Counts below this are withheld.'),
    sections: z.array(z.object({ title: z.string(), questions: z.array(questionResultSchema) })),
  })
  .meta({ description: "A questionnaire's public results; free-text answers are not part of them." });

// ---- writes --------------------------------------------------------------------------------------------

const month = z.string().regex(/^\d{4}(-\d{2})?$/).describe('A year or a year-month (2026, 2026-03).');

const measureFields = {
  text: z.string().min(1).max(4000),
  number: z.string().max(20).nullable().optional(),
  further: z.boolean().optional().describe('A "further measure": unnumbered and without a goal.'),
  goalId: id.nullable().optional(),
  timeframe: z.object({ label: z.string().max(200).optional(), start: month.nullable().optional(), end: month.nullable().optional() }).optional(),
  targetGroups: z.array(z.string().max(100)).max(30).optional(),
  leadActorId: id.nullable().optional(),
  partnerActorIds: z.array(id).max(50).optional(),
};

export const measureCreateSchema = z
  .object({ fieldId: id.describe('The field of action (of any plan of the municipality, drafts too).'), ...measureFields, status: z.object({ label: z.string().max(200), category: category.optional() }).optional() })
  .strict()
  .meta({ description: 'A new measure.' });

export const measureUpdateSchema = z
  .object({ fieldId: id.optional(), ...measureFields, text: measureFields.text.optional() })
  .strict()
  .meta({ description: 'Changes to a measure: what is left out stays as it is. The status changes only through its own operation.' });

export const statusChangeBodySchema = z
  .object({
    label: z.string().min(1).max(200).describe("The status in the municipality's words; the category is derived from them unless given."),
    category: category.optional(),
    note: z.string().max(4000).optional(),
    noteInternal: z.boolean().optional().describe('The note stays in the admin area (the status itself is public).'),
  })
  .strict()
  .meta({ description: 'A status change, kept in the history.' });

export const writtenMeasureSchema = z
  .object({ id, planId: id, fieldId: id, goalId: id.nullable(), number: z.string().nullable(), text: z.string(), status: statusSchema, updatedAt: isoInstant, planState: z.string(), links: z.object({ self: url.nullable(), admin: url }) })
  .meta({ description: 'The measure as written (`links.self` only once its plan is published).' });
