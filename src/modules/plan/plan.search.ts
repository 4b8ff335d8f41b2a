// What the plan contributes to search: fields (title, description, visions), goals, measures (number, text,
// status wording, target groups, actors) and actors. The platform stores and queries the documents; this
// source says what their text is, for a few rows (after a write) or a whole plan (bulk paths).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { SearchDocument, SearchKind, SearchSource, SourcedDocument } from '../../platform/search/search.service.js';
import * as repo from './plan.repository.js';

const ACTORS_PLAN = 0;
type Conn = Kysely<Database>;

function measureText(m: { number: string | null; text: string; status_label: string; target_groups: string }, actors: repo.MeasureActorRef[]): string {
  return [m.number ?? '', m.text, m.status_label, m.target_groups, ...actors.map((a) => a.name)].join(' ');
}

async function documents(db: Conn, municipalityId: number, kind: SearchKind, ids: number[]): Promise<SourcedDocument[]> {
  if (ids.length === 0) return [];
  if (kind === 'measure') {
    const rows = await repo.measureRowsByIds(db, municipalityId, ids);
    const actors = await repo.actorsOfMeasures(db, municipalityId, rows.map((r) => r.id));
    return rows.map((m) => ({ kind, refId: m.id, planId: m.plan_id, text: measureText(m, actors.get(m.id) ?? []) }));
  }
  if (kind === 'goal') {
    return (await repo.goalRowsByIds(db, municipalityId, ids)).map((g) => ({ kind, refId: g.id, planId: g.plan_id, text: g.text }));
  }
  if (kind === 'field') {
    const { fields, visions } = await repo.fieldRowsByIds(db, municipalityId, ids);
    return fields.map((f) => ({
      kind, refId: f.id, planId: f.plan_id,
      text: [f.title, f.description, ...visions.filter((v) => v.field_id === f.id).map((v) => v.text)].join(' '),
    }));
  }
  return (await repo.actorRowsByIds(db, municipalityId, ids)).map((a) => ({ kind, refId: a.id, planId: ACTORS_PLAN, text: `${a.name} ${a.description}` }));
}

async function planDocuments(db: Conn, municipalityId: number, planId: number): Promise<SearchDocument[]> {
  if (planId === ACTORS_PLAN) {
    return (await repo.actorRowsByIds(db, municipalityId, null)).map((a) => ({ kind: 'actor', refId: a.id, text: `${a.name} ${a.description}` }));
  }
  const plan = await repo.findPlan(db, municipalityId, planId);
  if (!plan) return [];
  const tree = await repo.loadPlanTree(db, municipalityId, plan);
  const docs: SearchDocument[] = [];
  for (const f of tree.fields) {
    docs.push({ kind: 'field', refId: f.id, text: [f.title, f.description, ...f.visions.map((v) => v.text)].join(' ') });
    for (const g of f.goals) docs.push({ kind: 'goal', refId: g.id, text: g.text });
    for (const m of repo.measuresOfField(f)) docs.push({ kind: 'measure', refId: m.id, text: measureText(m, m.actors) });
  }
  return docs;
}

export const planSearchSource: SearchSource = { kinds: ['measure', 'goal', 'field', 'actor'], documents, planDocuments };
export { ACTORS_PLAN };
