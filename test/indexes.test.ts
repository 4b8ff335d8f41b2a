// Every list a page, a job or the API reads has an index the database uses, on both engines: the query plan of
// each (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN with sequential scans priced out, so that the plan
// shows whether an index CAN serve it) scans no table whole. With thousands of municipalities in one database,
// a page then costs what it costs with one.
import { CompiledQuery, sql, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] }

function seqScans(node: PlanNode): string[] {
  return [...(node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] ?? '?'] : []), ...(node.Plans ?? []).flatMap(seqScans)];
}

describe.each(engines)('list queries use indexes on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  /** The tables a query reads whole, by its plan. */
  async function fullScans(query: Compilable): Promise<string[]> {
    const { sql: text, parameters } = query.compile();
    if (engine === 'sqlite') {
      const plan = await env.db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${text}`, [...parameters]));
      return plan.rows.map((r) => r.detail).filter((d) => /^SCAN \w+/.test(d) && !/USING (COVERING )?INDEX/.test(d));
    }
    return env.db.kysely.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = await trx.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]));
      return seqScans(plan.rows[0]['QUERY PLAN'][0].Plan);
    });
  }

  it('reads every list by an index', async () => {
    const db = env.db.kysely;
    const m = f.A.municipalityId;
    const queries: Record<string, Compilable> = {
      'fields of a plan': db.selectFrom('fields').selectAll().where('municipality_id', '=', m).where('plan_id', '=', f.A.planId).orderBy('position'),
      'measures of a plan': db.selectFrom('measures').selectAll().where('municipality_id', '=', m).where('plan_id', '=', f.A.planId),
      'measures of a field': db.selectFrom('measures').selectAll().where('municipality_id', '=', m).where('field_id', '=', f.A.fieldId).orderBy('position'),
      'a measure\'s status history': db.selectFrom('status_changes').selectAll().where('municipality_id', '=', m).where('measure_id', '=', f.A.measureId).orderBy('changed_at', 'desc'),
      'a measure\'s notes': db.selectFrom('progress_notes').selectAll().where('municipality_id', '=', m).where('measure_id', '=', f.A.measureId),
      'status changes since (digests)': db.selectFrom('status_changes').selectAll().where('municipality_id', '=', m).where('changed_at', '>', '2026-01-01'),
      'notes since (digests)': db.selectFrom('progress_notes').selectAll().where('municipality_id', '=', m).where('created_at', '>', '2026-01-01'),
      'an actor\'s measures': db.selectFrom('measure_actors').selectAll().where('municipality_id', '=', m).where('actor_id', '=', f.A.actorId),
      'an actor\'s units': db.selectFrom('actors').selectAll().where('municipality_id', '=', m).where('parent_id', '=', f.A.actorId),
      'the audit log, newest first': db.selectFrom('audit_log').selectAll().where('municipality_id', '=', m).orderBy('at', 'desc').limit(50),
      'an entity\'s audit entries': db.selectFrom('audit_log').selectAll().where('municipality_id', '=', m).where('entity_type', '=', 'measure').where('entity_id', '=', f.A.measureId),
      'a plan\'s events': db.selectFrom('events').selectAll().where('municipality_id', '=', m).where('plan_id', '=', f.A.planId).orderBy('starts_at'),
      'the moderation queue': db.selectFrom('resident_posts').selectAll().where('municipality_id', '=', m).where('state', '=', 'pending').orderBy('created_at'),
      'comments on a subject': db.selectFrom('resident_posts').selectAll().where('municipality_id', '=', m).where('subject_type', '=', 'measure').where('subject_id', '=', f.A.measureId).where('state', '=', 'published'),
      'followers due a digest': db.selectFrom('follow_subscriptions').selectAll().where('municipality_id', '=', m).where('state', '=', 'active').where('frequency', '=', 'daily'),
      'published offers': db.selectFrom('offers').selectAll().where('municipality_id', '=', m).where('state', '=', 'published'),
      'offers serving a measure': db.selectFrom('offer_links').selectAll().where('municipality_id', '=', m).where('target_type', '=', 'measure').where('target_id', '=', f.A.measureId),
      'a phase\'s documents': db.selectFrom('documents').selectAll().where('municipality_id', '=', m).where('owner_type', '=', 'phase').where('owner_id', '=', 1),
      'an actor\'s representatives': db.selectFrom('memberships').selectAll().where('municipality_id', '=', m).where('actor_id', '=', f.A.actorId),
      'a field\'s working groups': db.selectFrom('working_groups').selectAll().where('municipality_id', '=', m).where('field_id', '=', f.A.fieldId),
      'an actor\'s round links': db.selectFrom('round_participants').selectAll().where('municipality_id', '=', m).where('actor_id', '=', f.A.actorId),
      'translations of a language': db.selectFrom('translations').selectAll().where('municipality_id', '=', m).where('lang', '=', 'en'),
      'responses of a questionnaire': db.selectFrom('questionnaire_responses').selectAll().where('questionnaire_id', '=', 1),
      'due jobs': db.selectFrom('jobs').selectAll().where('state', '=', 'queued').where('run_at', '<=', '2026-12-01'),
      'a municipality by its slug': db.selectFrom('municipalities').selectAll().where('slug', '=', f.A.slug),
    };
    const scans: Record<string, string[]> = {};
    for (const [name, query] of Object.entries(queries)) {
      const whole = await fullScans(query);
      if (whole.length) scans[name] = whole;
    }
    expect(scans).toEqual({});
  });

  it('would see a table read whole (the check itself works)', async () => {
    const unindexed = env.db.kysely.selectFrom('measures').selectAll().where('text', '=', 'irgendwas');
    expect((await fullScans(unindexed)).join(' ')).toMatch(/measures/);
  });
});
