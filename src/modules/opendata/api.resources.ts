// The open API's core resources, contributed through this module's manifest like any other module's would be:
// the municipality, plans, fields, goals, measures with their status history, actors, events and public
// questionnaire results (reads, published content only), and the writes of measures and statuses (tokens).
import { platformPaths } from '../../platform/http/paths.js';
import { z } from 'zod';
import type { ApiContribution, ApiRead, ApiRequest, ApiWrite, Services } from '../../platform/module.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { measureSchema, planPaths } from '../plan/index.js';
import { processPaths } from '../participation/index.js';
import { MIN_GROUP_SIZE, questionnairesPaths } from '../questionnaires/index.js';
import * as s from './api.schemas.js';
import { licenceOf } from './opendata.model.js';
import { API_BASE, opendataPaths } from './opendata.paths.js';
import type { OpendataService } from './opendata.service.js';

type Req = Parameters<ApiRead['run']>[0];
const abs = (req: Pick<ApiRequest, 'publicUrl'>, path: string) => `${req.publicUrl.replace(/\/$/, '')}${path}`;
const api = (req: Req | Parameters<ApiWrite['run']>[0], path = '') => abs(req, `${API_BASE}/${req.municipality.slug}${path}`);
const idOf = (req: { params: Record<string, number | string> }, name: string) => Number(req.params[name]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z)?$/, 'expected YYYY-MM-DD or an ISO instant');
const optionalId = z.coerce.number().int().min(1).optional();

export const measureFilters = z.object({
  plan: optionalId.describe('Only measures of this plan.'),
  field: optionalId.describe('Only measures of this field of action.'),
  goal: optionalId.describe('Only measures of this goal.'),
  status: z.enum(s.statusSchema.shape.category.options).optional().describe('Only measures in this status category.'),
  actor: optionalId.describe('Only measures this actor leads or takes part in.'),
  updatedSince: isoDate.optional().describe('Only measures changed at or after this day or instant (ISO 8601).'),
});

type PlanRow = NonNullable<Awaited<ReturnType<OpendataService['publicPlan']>>>;

function planOut(req: Req, p: PlanRow): z.infer<typeof s.planSchemaOut> {
  const slug = req.municipality.slug;
  return {
    id: p.id, title: p.title, edition: p.edition, intro: p.intro, state: p.state as 'published' | 'archived',
    period: { start: p.period_start, end: p.period_end }, publishedAt: p.published_at, updatedAt: p.updated_at,
    links: {
      self: api(req, `/plans/${p.id}`), html: abs(req, planPaths.plan(slug, p.id)), fields: api(req, `/plans/${p.id}/fields`), goals: api(req, `/plans/${p.id}/goals`),
      guidingGoals: api(req, `/plans/${p.id}/guiding-goals`), measures: api(req, `/measures?plan=${p.id}`),
      json: abs(req, opendataPaths.planData(slug, p.id, 'json')), csv: abs(req, opendataPaths.planData(slug, p.id, 'csv')),
    },
  };
}

type MeasureRow = Awaited<ReturnType<OpendataService['publicMeasures']>>['items'][number];

function measureOut(req: Req, m: MeasureRow): z.infer<typeof s.measureSchemaOut> {
  return {
    id: m.id, planId: m.plan_id, fieldId: m.field_id, goalId: m.goal_id, number: m.number, further: m.is_further === 1, text: m.text,
    status: { category: m.status_category as z.infer<typeof s.statusSchema>['category'], label: m.status_label, date: m.status_date },
    timeframe: { label: m.timeframe_label, start: m.timeframe_start, end: m.timeframe_end },
    targetGroups: m.target_groups.split(',').map((t) => t.trim()).filter(Boolean),
    actors: m.actors.map((a) => ({ id: a.id, name: a.name, role: a.role === 'lead' ? 'lead' : 'partner' })),
    updatedAt: m.updated_at,
    links: { self: api(req, `/measures/${m.id}`), html: abs(req, planPaths.measure(req.municipality.slug, m.id)), statuses: api(req, `/measures/${m.id}/statuses`) },
  };
}

const page = <T>(items: T[], total: number) => ({ items, total });
const slice = <T>(all: T[], req: Req) => page(all.slice(req.offset, req.offset + req.limit), all.length);

/** The reads and writes of the plan, participation and questionnaires modules' published content. */
export function coreApi(services: Services): ApiContribution {
  const od = () => services.opendata;
  const mid = (req: Req) => req.municipality.id;
  const publicPlanOr404 = async (req: Req) => {
    const p = await od().publicPlan(mid(req), idOf(req, 'planId'));
    if (!p) throw new NotFoundError('plan');
    return p;
  };

  const reads: ApiRead[] = [
    {
      operationId: 'getMunicipality', path: '', tag: 'Municipality', kind: 'item', summary: 'The municipality, its licence and where its data is.',
      schema: s.municipalitySchema, schemaName: 'Municipality',
      async run(req) {
        const m = req.municipality;
        const settings = await od().settings(m.id);
        const licence = licenceOf(settings.licence);
        return {
          slug: m.slug, name: m.name, office: m.office_name,
          licence: { uri: licence.uri, name: licence.name, url: licence.url, attribution: settings.attribution },
          links: {
            html: abs(req, platformPaths.municipality(m.slug)), plans: api(req, '/plans'), measures: api(req, '/measures'), actors: api(req, '/actors'), events: api(req, '/events'),
            questionnaires: api(req, '/questionnaires'), catalogue: abs(req, opendataPaths.catalogue(m.slug, 'ttl')), openapi: abs(req, opendataPaths.openapi()),
          },
        };
      },
    },
    {
      operationId: 'listPlans', path: '/plans', tag: 'Plans', kind: 'list', summary: 'Published and archived plans.', schema: s.planSchemaOut, schemaName: 'Plan',
      async run(req) {
        const { items, total } = await od().publicPlans(mid(req), req);
        return page(items.map((p) => planOut(req, p)), total);
      },
    },
    {
      operationId: 'getPlan', path: '/plans/{planId}', tag: 'Plans', kind: 'item', summary: 'A published or archived plan.', schema: s.planSchemaOut, schemaName: 'Plan',
      run: async (req) => planOut(req, await publicPlanOr404(req)),
    },
    {
      operationId: 'listFields', path: '/plans/{planId}/fields', tag: 'Plans', kind: 'list', summary: "A plan's fields of action, in order, with their visions.", schema: s.fieldSchemaOut, schemaName: 'Field',
      async run(req) {
        const p = await publicPlanOr404(req);
        const fields = await od().fields(mid(req), p.id);
        return slice(fields.map((f) => ({ id: f.id, planId: f.plan_id, position: f.position, title: f.title, description: f.description, visions: f.visions, links: { html: abs(req, planPaths.field(req.municipality.slug, f.id)), measures: api(req, `/measures?field=${f.id}`) } })), req);
      },
    },
    {
      operationId: 'listGoals', path: '/plans/{planId}/goals', tag: 'Plans', kind: 'list', summary: "A plan's goals, by field of action.", schema: s.goalSchemaOut, schemaName: 'Goal',
      async run(req) {
        const p = await publicPlanOr404(req);
        const goals = await od().goals(mid(req), p.id);
        return slice(goals.map((g) => ({ id: g.id, planId: g.plan_id, fieldId: g.field_id, number: g.number, text: g.text, guidingGoalId: g.guiding_goal_id, links: { measures: api(req, `/measures?goal=${g.id}`) } })), req);
      },
    },
    {
      operationId: 'listGuidingGoals', path: '/plans/{planId}/guiding-goals', tag: 'Plans', kind: 'list', summary: "A plan's guiding goals.", schema: s.guidingGoalSchemaOut, schemaName: 'GuidingGoal',
      async run(req) {
        const p = await publicPlanOr404(req);
        return slice((await od().guidingGoals(mid(req), p.id)).map((g) => ({ id: g.id, planId: g.plan_id, text: g.text, targetYear: g.target_year })), req);
      },
    },
    {
      operationId: 'listMeasures', path: '/measures', tag: 'Measures', kind: 'list', query: measureFilters,
      summary: 'Measures of published and archived plans, filtered by plan, field, goal, status category, actor and last change.', schema: s.measureSchemaOut, schemaName: 'Measure',
      async run(req) {
        const q = req.query as z.infer<typeof measureFilters>;
        const { items, total } = await od().publicMeasures(mid(req), { planId: q.plan, fieldId: q.field, goalId: q.goal, status: q.status, actorId: q.actor, updatedSince: q.updatedSince }, req);
        return page(items.map((m) => measureOut(req, m)), total);
      },
    },
    {
      operationId: 'getMeasure', path: '/measures/{measureId}', tag: 'Measures', kind: 'item', summary: 'A measure with its public progress notes.', schema: s.measureDetailSchemaOut, schemaName: 'MeasureDetail',
      async run(req) {
        const m = await od().publicMeasure(mid(req), idOf(req, 'measureId'));
        if (!m) throw new NotFoundError('measure');
        // the plan's own public view of a measure: public notes only, never a person's name
        const d = await services.plans.publicMeasureDetail(mid(req), m.id);
        return {
          ...measureOut(req, m),
          notes: d.notes.map((n) => ({ text: n.text, date: n.note_date })),
          attributes: d.measure.attributes.map((a) => ({ label: a.label, value: a.value })),
        };
      },
    },
    {
      operationId: 'listMeasureStatuses', path: '/measures/{measureId}/statuses', tag: 'Measures', kind: 'list', summary: "A measure's status history, newest first (public notes only).", schema: s.statusChangeSchemaOut, schemaName: 'StatusChange',
      async run(req) {
        const m = await od().publicMeasure(mid(req), idOf(req, 'measureId'));
        if (!m) throw new NotFoundError('measure');
        const d = await services.plans.publicMeasureDetail(mid(req), m.id);
        type Cat = z.infer<typeof s.statusSchema>['category'];
        return slice(d.history.map((h) => ({
          id: h.id, from: { category: (h.from_category ?? null) as Cat | null, label: h.from_label }, to: { category: h.to_category as Cat, label: h.to_label },
          note: h.note, changedAt: h.changed_at, changedBy: h.changed_by_name,
        })), req);
      },
    },
    {
      operationId: 'listActors', path: '/actors', tag: 'Actors', kind: 'list', summary: 'Actors of measures in published plans (and their parent organisations).', schema: s.actorSchemaOut, schemaName: 'Actor',
      async run(req) {
        return slice((await od().publicActors(mid(req))).map((a) => actorOut(req, a)), req);
      },
    },
    {
      operationId: 'getActor', path: '/actors/{actorId}', tag: 'Actors', kind: 'item', summary: 'An actor.', schema: s.actorSchemaOut, schemaName: 'Actor',
      async run(req) {
        const a = (await od().publicActors(mid(req))).find((x) => x.id === idOf(req, 'actorId'));
        if (!a) throw new NotFoundError('actor');
        return actorOut(req, a);
      },
    },
    {
      operationId: 'listEvents', path: '/events', tag: 'Events', kind: 'list', summary: 'Published and cancelled events of the participation process.', schema: s.eventSchemaOut, schemaName: 'Event',
      query: z.object({ when: z.enum(['upcoming', 'past']).optional().describe('Only events not yet ended, or ended.') }),
      async run(req) {
        const events = await services.events.publicList(mid(req), { when: (req.query as { when?: 'upcoming' | 'past' }).when });
        return slice(events.map((e) => eventOut(req, e)), req);
      },
    },
    {
      operationId: 'getEvent', path: '/events/{eventId}', tag: 'Events', kind: 'item', summary: 'A published or cancelled event.', schema: s.eventSchemaOut, schemaName: 'Event',
      run: async (req) => eventOut(req, await services.events.publicEvent(mid(req), idOf(req, 'eventId'))),
    },
    {
      operationId: 'listQuestionnaires', path: '/questionnaires', tag: 'Questionnaires', kind: 'list', summary: 'Closed questionnaires whose results are public.', schema: s.questionnaireSchemaOut, schemaName: 'Questionnaire',
      async run(req) {
        const heads = await services.questionnaires.list(mid(req), { states: ['published', 'closed'] });
        const shown = [];
        for (const q of heads) {
          const def = await services.questionnaires.definition(mid(req), q.id);
          if (def && services.questionnaireResults.isPublic(def)) shown.push(q);
        }
        return slice(shown.map((q) => ({ id: q.id, planId: q.planId, title: q.title, closesAt: q.closesAt, links: { results: api(req, `/questionnaires/${q.id}/results`), html: abs(req, questionnairesPaths.publicResults(req.municipality.slug, q.id)) } })), req);
      },
    },
    {
      operationId: 'getQuestionnaireResults', path: '/questionnaires/{questionnaireId}/results', tag: 'Questionnaires', kind: 'item',
      summary: "A questionnaire's public results: small groups withheld, no free-text answers.", schema: s.resultsSchemaOut, schemaName: 'QuestionnaireResults',
      async run(req) {
        const view = await services.questionnaireResults.publicResults(mid(req), idOf(req, 'questionnaireId'), null);
        const r = view.results;
        return {
          questionnaireId: view.def.questionnaire.id, title: view.def.questionnaire.title, total: r.total, online: r.online, paper: r.paper, suppressed: r.suppressed, minGroupSize: MIN_GROUP_SIZE,
          sections: r.sections.map((sec) => ({ title: sec.section.title, questions: sec.questions.map(questionOut) })),
        };
      },
    },
  ];

  const writes: ApiWrite[] = [
    {
      operationId: 'createMeasure', method: 'post', path: '/measures', tag: 'Writes', permission: 'plan.edit', summary: 'Creates a measure in a field of action (through the plan\'s one write path).',
      body: s.measureCreateSchema, bodyName: 'MeasureCreate', schema: s.writtenMeasureSchema, schemaName: 'WrittenMeasure',
      async run(req) {
        const body = req.body as z.infer<typeof s.measureCreateSchema>;
        const input = measureInput({ ...body, field_id: body.fieldId, status_label: body.status?.label ?? '', status_category: body.status?.category ?? '' });
        const id = await services.plans.createMeasure(req.municipality.id, body.fieldId, input, req.by);
        return { status: 201, body: await written(req, id) };
      },
    },
    {
      operationId: 'updateMeasure', method: 'patch', path: '/measures/{measureId}', tag: 'Writes', permission: 'plan.edit', summary: "Changes a measure's text, number, place, timeframe, target groups or actors.",
      body: s.measureUpdateSchema, bodyName: 'MeasureUpdate', schema: s.writtenMeasureSchema, schemaName: 'WrittenMeasure',
      async run(req) {
        const id = idOf(req, 'measureId');
        const body = req.body as z.infer<typeof s.measureUpdateSchema>;
        const d = await services.plans.measureDetail(req.municipality.id, id);
        const m = d.measure;
        const lead = m.actors.find((a) => a.role === 'lead')?.id ?? null;
        const merged = {
          text: body.text ?? m.text, number: body.number === undefined ? m.number : body.number, further: body.further ?? m.is_further === 1,
          goalId: body.goalId === undefined ? m.goal_id : body.goalId, field_id: body.fieldId ?? m.field_id,
          timeframe: { label: body.timeframe?.label ?? m.timeframe_label, start: body.timeframe?.start === undefined ? m.timeframe_start : body.timeframe.start, end: body.timeframe?.end === undefined ? m.timeframe_end : body.timeframe.end },
          targetGroups: body.targetGroups ?? m.target_groups.split(',').map((t) => t.trim()).filter(Boolean),
          leadActorId: body.leadActorId === undefined ? lead : body.leadActorId,
          partnerActorIds: body.partnerActorIds ?? m.actors.filter((a) => a.role === 'partner').map((a) => a.id),
          status_label: '', status_category: '',
        };
        await services.plans.updateMeasure(req.municipality.id, id, measureInput(merged), req.by);
        return { status: 200, body: await written(req, id) };
      },
    },
    {
      operationId: 'changeMeasureStatus', method: 'post', path: '/measures/{measureId}/status', tag: 'Writes', permission: 'status.change', summary: "Changes a measure's status; the change is kept in its history.",
      body: s.statusChangeBodySchema, bodyName: 'StatusChangeBody', schema: s.writtenMeasureSchema, schemaName: 'WrittenMeasure',
      async run(req) {
        const id = idOf(req, 'measureId');
        const body = req.body as z.infer<typeof s.statusChangeBodySchema>;
        await services.plans.changeStatus(req.municipality.id, id, { status_label: body.label.trim(), status_category: body.category ?? null, note: body.note?.trim() ?? '', note_internal: body.noteInternal ?? false }, req.by);
        return { status: 200, body: await written(req, id) };
      },
    },
  ];

  async function written(req: Parameters<ApiWrite['run']>[0], id: number): Promise<z.infer<typeof s.writtenMeasureSchema>> {
    const m = await services.plans.getMeasure(req.municipality.id, id);
    const plan = await services.plans.getPlan(req.municipality.id, m.plan_id);
    const published = plan.state === 'published' || plan.state === 'archived';
    return {
      id: m.id, planId: m.plan_id, fieldId: m.field_id, goalId: m.goal_id, number: m.number, text: m.text,
      status: { category: m.status_category as z.infer<typeof s.statusSchema>['category'], label: m.status_label, date: m.status_date }, updatedAt: m.updated_at, planState: plan.state,
      links: { self: published ? api(req, `/measures/${m.id}`) : null, admin: abs(req, planPaths.adminMeasure(req.municipality.slug, m.id)) },
    };
  }

  return { reads, writes };
}

/** A body of the API as the measure form's fields, validated by the plan's own measure schema (one schema for form and API). */
function measureInput(b: {
  text?: string; number?: string | null; further?: boolean; goalId?: number | null; field_id: number;
  timeframe?: { label?: string; start?: string | null; end?: string | null }; targetGroups?: string[]; leadActorId?: number | null; partnerActorIds?: number[];
  status_label: string; status_category: string;
}) {
  const values: Record<string, string> = {
    text: b.text ?? '', number: b.number ?? '', is_further: b.further ? '1' : '', field_id: String(b.field_id), goal_id: b.goalId ? String(b.goalId) : '',
    status_label: b.status_label, status_category: b.status_category,
    timeframe_label: b.timeframe?.label ?? '', timeframe_start: b.timeframe?.start ?? '', timeframe_end: b.timeframe?.end ?? '',
    target_groups: (b.targetGroups ?? []).join(', '), lead_actor_id: b.leadActorId ? String(b.leadActorId) : '', partner_actor_ids: (b.partnerActorIds ?? []).join(','),
  };
  const parsed = measureSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message;
    throw new InvalidInputError(errors);
  }
  return parsed.data;
}

type ActorRow = Awaited<ReturnType<OpendataService['publicActors']>>[number];
function actorOut(req: Req, a: ActorRow): z.infer<typeof s.actorSchemaOut> {
  return { id: a.id, parentId: a.parent_id, name: a.name, description: a.description, website: a.website, links: { self: api(req, `/actors/${a.id}`), html: abs(req, planPaths.actor(req.municipality.slug, a.id)), measures: api(req, `/measures?actor=${a.id}`) } };
}

type EventOf = Awaited<ReturnType<Services['events']['publicEvent']>>;
function eventOut(req: Req, e: EventOf): z.infer<typeof s.eventSchemaOut> {
  const slug = req.municipality.slug;
  return {
    id: e.id, planId: e.planId, kind: e.kind, title: e.title, description: e.description, startsAt: e.startsAt, endsAt: e.endsAt, online: e.online,
    place: { name: e.placeName, address: e.address }, accessibility: e.accessibility, capacity: e.capacity, registration: e.registration, registrationDeadline: e.registrationDeadline,
    state: e.state === 'cancelled' ? 'cancelled' : 'published', programme: e.programme.map((p) => ({ startsAt: p.startsAt, title: p.title, speaker: p.speaker })), updatedAt: e.updatedAt,
    links: { self: api(req, `/events/${e.id}`), html: abs(req, processPaths.event(slug, e.id)), ical: abs(req, processPaths.eventIcs(slug, e.id)) },
  };
}

type ResultsOf = Awaited<ReturnType<Services['questionnaireResults']['publicResults']>>['results'];
type QuestionOf = ResultsOf['sections'][number]['questions'][number];
function questionOut(q: QuestionOf): z.infer<typeof s.questionResultSchema> {
  const base = { id: q.question.id, kind: q.kind, text: q.question.text, answered: q.answered, suppressed: q.suppressed, mean: null, median: null, earliest: null, latest: null, cells: [] };
  const cell = (label: string, c: { count: number | null; share?: number | null; averageRank?: number | null }, row: string | null = null) => ({ label, row, count: c.count, share: c.share ?? null, averageRank: c.averageRank ?? null });
  switch (q.kind) {
    case 'choice':
      return { ...base, cells: q.options.map((o) => cell(o.option.label, o)) };
    case 'scale':
      return { ...base, mean: q.mean, cells: q.points.map((p) => cell(String(p.value), p)) };
    case 'matrix':
      return { ...base, cells: q.rows.flatMap((r) => r.cells.map((c) => cell(c.column.label, c, r.row.label))) };
    case 'ranking':
      return { ...base, cells: q.items.map((i) => cell(i.option.label, i)) };
    case 'number':
      return { ...base, mean: q.mean, median: q.median };
    case 'date':
      return { ...base, earliest: q.earliest, latest: q.latest };
    case 'text':
      return base;
  }
}
