// Group commit on a real database (SQLite and PostgreSQL): concurrent submits share transactions, each
// resolves with its own stored response, a repeated key resolves to the first response, and a response the
// database refuses rejects only its own caller. On a SQLite file the same, with the transactions in the
// writer's own thread and connection (as the app runs).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, seedTwoMunicipalities, type Engine, type Fixture, type TestEnv } from '../../../test/support.js';
import type { Definition } from './questionnaire.model.js';
import { CodeUsedError } from './response.writer.js';

const by = { userId: null, name: 'Test' };

const variants: Array<[string, Engine, boolean]> = [...engines.map((e): [string, Engine, boolean] => [e, e, false]), ['SQLite file, writer thread', 'sqlite', true]];

describe.each(variants)('response writer on %s', (_, engine, sqliteFile) => {
  let env: TestEnv;
  let f: Fixture;
  let id: number;
  let def: Definition;
  beforeAll(async () => {
    env = await createTestEnv(engine, {}, { sqliteFile });
    f = await seedTwoMunicipalities(env);
    id = await env.services.questionnaires.createFromSpec(
      f.A.municipalityId,
      f.A.planId,
      {
        title: 'Befragung Wohnen',
        state: 'published',
        privacy: 'Anonym.',
        sections: [{ title: 'Wohnen', questions: [{ type: 'single', text: 'Wohnen Sie zur Miete?', options: ['Ja', 'Nein'] }, { type: 'short_text', text: 'Was wünschen Sie sich?' }] }],
      },
      by,
    );
    def = (await env.services.questionnaires.definition(f.A.municipalityId, id))!;
  });
  afterAll(() => env.close());

  const input = (key: string, text: string) => {
    const [choice, wish] = def.sections[0].questions;
    return { answers: { [choice.id]: { optionIds: [choice.options[0].id] }, [wish.id]: { text } }, source: 'online' as const, privacyVersion: 1, lang: 'de', submissionKey: key };
  };
  const storedTexts = async () =>
    (await env.db.kysely.selectFrom('questionnaire_answers as a').innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id').select(['r.submission_key', 'a.value_text']).where('r.questionnaire_id', '=', id).where('a.value_text', 'is not', null).execute()).map((r) => `${r.submission_key}=${r.value_text}`);

  it('commits concurrent submits in fewer transactions than responses, each with its own answers', async () => {
    const before = { ...env.services.questionnaires.writer.stats };
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => env.services.questionnaires.submit(f.A.municipalityId, id, input(`burst-${i}`, `Wunsch ${i}`))));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(new Set(results.map((r) => r.responseId)).size).toBe(60);
    const stats = env.services.questionnaires.writer.stats;
    expect(stats.responses - before.responses).toBe(60);
    expect(stats.batches - before.batches).toBeLessThan(60);
    const texts = await storedTexts();
    for (let i = 0; i < 60; i++) expect(texts).toContain(`burst-${i}=Wunsch ${i}`);
    // each caller got the id of its own response
    const row = await env.db.kysely.selectFrom('questionnaire_responses').select('submission_key').where('id', '=', results[17].responseId).executeTakeFirstOrThrow();
    expect(row.submission_key).toBe('burst-17');
  });

  it('resolves a key repeated in the same batch, or stored before, to the first response', async () => {
    const stored = await env.services.questionnaires.submit(f.A.municipalityId, id, input('twice-stored', 'zuerst'));
    const [a, b, c] = await Promise.all([
      env.services.questionnaires.submit(f.A.municipalityId, id, input('twice-batch', 'eins')),
      env.services.questionnaires.submit(f.A.municipalityId, id, input('twice-batch', 'zwei')),
      env.services.questionnaires.submit(f.A.municipalityId, id, input('twice-stored', 'später')),
    ]);
    expect(a.duplicate).toBe(false);
    expect(b).toEqual({ responseId: a.responseId, duplicate: true });
    expect(c).toEqual({ responseId: stored.responseId, duplicate: true });
    const texts = await storedTexts();
    expect(texts.filter((t) => t.startsWith('twice-'))).toEqual(expect.arrayContaining(['twice-stored=zuerst', 'twice-batch=eins']));
    expect(texts.filter((t) => t.startsWith('twice-')).length).toBe(2);
  });

  it('rejects only the response the database refuses; the others of its batch are stored', async () => {
    // the database refuses an answer with this text (as a broken row or a full disk would)
    if (engine === 'sqlite') {
      await sql.raw(`create trigger refuse_answer before insert on questionnaire_answers when new.value_text = 'kaputt' begin select raise(abort, 'refused'); end`).execute(env.db.kysely);
    } else {
      await sql.raw(`create or replace function refuse_answer() returns trigger language plpgsql as $$ begin if new.value_text = 'kaputt' then raise exception 'refused'; end if; return new; end $$`).execute(env.db.kysely);
      await sql.raw(`create trigger refuse_answer before insert on questionnaire_answers for each row execute function refuse_answer()`).execute(env.db.kysely);
    }
    try {
      const fallbacks = env.services.questionnaires.writer.stats.fallbacks;
      const outcomes = await Promise.allSettled(
        ['gut-1', 'gut-2', 'schlecht', 'gut-3'].map((key) => env.services.questionnaires.submit(f.A.municipalityId, id, input(key, key === 'schlecht' ? 'kaputt' : `Antwort ${key}`))),
      );
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect(env.services.questionnaires.writer.stats.fallbacks).toBeGreaterThan(fallbacks);
      const keys = (await env.db.kysely.selectFrom('questionnaire_responses').select('submission_key').where('questionnaire_id', '=', id).execute()).map((r) => r.submission_key);
      expect(keys).toEqual(expect.arrayContaining(['gut-1', 'gut-2', 'gut-3']));
      expect(keys).not.toContain('schlecht');
    } finally {
      if (engine === 'sqlite') await sql.raw('drop trigger refuse_answer').execute(env.db.kysely);
      else await sql.raw('drop trigger refuse_answer on questionnaire_answers').execute(env.db.kysely);
    }
  });

  it('spends an access code once: a second response with the same code is refused and stores nothing', async () => {
    const code = await env.db.kysely
      .insertInto('questionnaire_codes')
      .values({ municipality_id: f.A.municipalityId, questionnaire_id: id, code: 'WRTR-CODE', batch: 1, used: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const withCode = (key: string) => ({ ...input(key, `mit Code ${key}`), draft: { id: null, codeId: code.id } });
    const outcomes = await Promise.allSettled([env.services.questionnaires.submit(f.A.municipalityId, id, withCode('code-1')), env.services.questionnaires.submit(f.A.municipalityId, id, withCode('code-2'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(CodeUsedError);
    const keys = (await env.db.kysely.selectFrom('questionnaire_responses').select('submission_key').where('questionnaire_id', '=', id).where('submission_key', 'like', 'code-%').execute()).map((r) => r.submission_key);
    expect(keys).toEqual(['code-1']);
    expect((await env.db.kysely.selectFrom('questionnaire_codes').select('used').where('id', '=', code.id).executeTakeFirstOrThrow()).used).toBe(1);
  });

  it('rejects a submit to another municipality’s questionnaire and stores nothing there', async () => {
    await expect(env.services.questionnaires.submit(f.B.municipalityId, id, input('fremd', 'x'))).rejects.toThrow('questionnaire not found');
    expect(await env.db.kysely.selectFrom('questionnaire_responses').select('id').where('submission_key', '=', 'fremd').execute()).toEqual([]);
  });
});
