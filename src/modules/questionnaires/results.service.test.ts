// The results on a real database (SQLite and PostgreSQL): figures and shares of every question type, a
// demographic group's figures with small groups and small cells withheld, coding free text into topics with
// their counts, links to goals and measures, and the tenancy of all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedResults, type ResultsFixture } from '../../../test/questionnaire-results.fixture.js';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { MIN_GROUP_SIZE, median, protectSum, type QuestionResult } from './results.model.js';

const by = { userId: null, name: 'Test' };

function find<K extends QuestionResult['kind']>(results: { sections: Array<{ questions: QuestionResult[] }> }, id: number, kind: K): Extract<QuestionResult, { kind: K }> {
  const r = results.sections.flatMap((s) => s.questions).find((q) => q.question.id === id);
  if (!r || r.kind !== kind) throw new Error(`no ${kind} result for ${id}`);
  return r as Extract<QuestionResult, { kind: K }>;
}

describe('the figures', () => {
  it('the median is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('one withheld count of a total takes the smallest other count with it, so that it cannot be worked out', () => {
    const hidden = { count: null, share: null };
    expect(protectSum([{ count: 6, share: 0.6 }, { count: 9, share: 0.9 }, hidden, { count: 0, share: 0 }], [6, 9, 3, 0])).toEqual([hidden, { count: 9, share: 0.9 }, hidden, { count: 0, share: 0 }]);
    // two withheld already: nothing more to hide; none withheld: nothing to hide
    expect(protectSum([hidden, hidden, { count: 7, share: 0.7 }], [1, 2, 7])).toEqual([hidden, hidden, { count: 7, share: 0.7 }]);
    expect(protectSum([{ count: 7, share: 1 }, { count: 0, share: 0 }], [7, 0])).toEqual([{ count: 7, share: 1 }, { count: 0, share: 0 }]);
  });
});

describe.each(engines)('questionnaire results on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let r: ResultsFixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    r = await seedResults(env, f.A);
  });
  afterAll(() => env.close());

  it('counts every question type: shares, distribution and mean, matrix rows, average ranks, count/mean/median', async () => {
    const { results } = await env.services.questionnaireResults.results(f.A.municipalityId, r.questionnaireId, { audience: 'admin' });
    expect([results.total, results.online, results.paper, results.suppressed]).toEqual([12, 10, 2, false]);
    const kurs = find(results, r.q.kurs, 'choice');
    expect(kurs.answered).toBe(12);
    expect(kurs.options.map((o) => [o.option.label, o.count, Math.round((o.share ?? 0) * 100)])).toEqual([['Ja', 8, 67], ['Nein', 3, 25], ['Anderes', 1, 8]]);
    const angebote = find(results, r.q.angebote, 'choice');
    expect(angebote.answered).toBe(8);
    expect(angebote.options.map((o) => [o.count, o.share])).toEqual([[6, 0.75], [4, 0.5], [0, 0], [1, 0.125]]);
    const scale = find(results, r.q.scale, 'scale');
    expect(scale.points.map((p) => p.count)).toEqual([3, 3, 2, 2, 2]);
    expect(scale.mean).toBe(2.75);
    const matrix = find(results, r.q.matrix, 'matrix');
    expect(matrix.rows.map((row) => [row.row.label, row.answered, ...row.cells.map((c) => c.count)])).toEqual([['Sprachcafé', 12, 6, 6, 0], ['Bibliothek', 3, 0, 0, 3]]);
    const ranking = find(results, r.q.ranking, 'ranking');
    expect(ranking.items.map((i) => [i.option.label, i.averageRank])).toEqual([['Wohnung', 1.5], ['Arbeit', 1.5], ['Sprache', 3]]);
    const number = find(results, r.q.kinder, 'number');
    expect([number.answered, number.mean, number.median]).toEqual([12, 1.5, 1.5]);
    const date = find(results, r.q.seit, 'date');
    expect([date.earliest, date.latest]).toEqual(['2010-06-01', '2021-06-01']);
    expect(find(results, r.q.wishes, 'text').answered).toBe(12);
  });

  it(`recomputes every figure for a demographic group, shows a group of ${MIN_GROUP_SIZE} and withholds a group of ${MIN_GROUP_SIZE - 1}`, async () => {
    const five = await env.services.questionnaireResults.results(f.A.municipalityId, r.questionnaireId, { groupOptionId: r.o.young, audience: 'admin' });
    expect(five.group?.size).toBe(5);
    expect(five.results.suppressed).toBe(false);
    expect(five.results.total).toBe(5);
    const kurs = find(five.results, r.q.kurs, 'choice');
    expect(kurs.options.map((o) => [o.count, o.share])).toEqual([[5, 1], [0, 0], [0, 0]]);
    // one person per scale point would single people out: each cell is withheld, the question's mean is not
    const scale = find(five.results, r.q.scale, 'scale');
    expect(scale.points.map((p) => p.count)).toEqual([null, null, null, null, null]);
    // so is every option fewer than five of the group chose; none is none
    const angebote = find(five.results, r.q.angebote, 'choice');
    expect([angebote.answered, angebote.suppressed, ...angebote.options.map((o) => o.count)]).toEqual([5, false, null, null, 0, null]);
    expect(five.groupChoices[0].groups.map((g) => g.size)).toEqual([5, 4, 3]);

    const four = await env.services.questionnaireResults.results(f.A.municipalityId, r.questionnaireId, { groupOptionId: r.o.middle, audience: 'admin' });
    expect(four.group?.size).toBe(4);
    expect(four.results.suppressed).toBe(true);
    // an option that is not a demographic group is unknown
    await expect(env.services.questionnaireResults.results(f.A.municipalityId, r.questionnaireId, { groupOptionId: r.o.ja, audience: 'admin' })).rejects.toThrow(/not found/);
  });

  it('codes free-text answers into topics, counts distinct responses, links goals and measures, and keeps other municipalities out', async () => {
    const topics = env.services.questionnaireTopics;
    const list = await env.services.questionnaireResults.freeTexts(f.A.municipalityId, r.questionnaireId, r.q.wishes, { search: 'sprachkurs' });
    expect(list.total).toBe(12);
    expect(list.answers.map((a) => a.text)).toEqual(['Mehr Sprachkurse für Frauen am Vormittag', 'Sprachkurs mit Kinderbetreuung', 'Sprachkurse für Frauen mit Kindern']);
    const women = list.answers.filter((a) => a.text.includes('Frauen')).map((a) => a.id);
    const topicId = await topics.assign(f.A.municipalityId, r.questionnaireId, r.q.wishes, women, { name: 'Sprachkurse für Frauen' }, by);
    // the same name again means the same topic; an answer already in it stays once
    expect(await topics.assign(f.A.municipalityId, r.questionnaireId, r.q.wishes, [women[0]], { name: 'sprachkurse für frauen' }, by)).toBe(topicId);
    // the "other, namely" text of a choice can be coded too, and counts its response once
    const other = await env.services.questionnaireResults.freeTexts(f.A.municipalityId, r.questionnaireId, r.q.kurs, {});
    expect(other.answers.map((a) => a.text)).toEqual(['Online-Kurs']);
    await topics.assign(f.A.municipalityId, r.questionnaireId, r.q.kurs, [other.answers[0].id], { topicId }, by);
    let [topic] = await topics.list(f.A.municipalityId, r.questionnaireId);
    expect([topic.name, topic.responses]).toEqual(['Sprachkurse für Frauen', 3]);
    expect((await env.services.questionnaireResults.freeTexts(f.A.municipalityId, r.questionnaireId, r.q.wishes, { uncoded: true })).answers).toHaveLength(10);
    expect((await env.services.questionnaireResults.freeTexts(f.A.municipalityId, r.questionnaireId, r.q.wishes, { topicId })).answers.map((a) => a.id)).toEqual(women);

    await topics.unassign(f.A.municipalityId, r.questionnaireId, topicId, women[1], by);
    [topic] = await topics.list(f.A.municipalityId, r.questionnaireId);
    expect(topic.responses).toBe(2);

    await topics.link(f.A.municipalityId, r.questionnaireId, topicId, `measure:${f.A.measureId}`, by);
    await topics.link(f.A.municipalityId, r.questionnaireId, topicId, `goal:${f.A.goalId}`, by);
    [topic] = await topics.list(f.A.municipalityId, r.questionnaireId);
    expect(topic.links.map((l) => [l.kind, l.id])).toEqual([['measure', f.A.measureId], ['goal', f.A.goalId]]);
    // a measure of another plan or municipality cannot be linked
    await expect(topics.link(f.A.municipalityId, r.questionnaireId, topicId, `measure:${f.B.measureId}`, by)).rejects.toThrow(/invalid input/);
    await expect(topics.link(f.A.municipalityId, r.questionnaireId, topicId, `measure:${f.A.draftMeasureId}`, by)).rejects.toThrow(/invalid input/);
    // the mention is there, but not public while the questionnaire is open
    const mentions = await topics.mentions(f.A.municipalityId, { measureId: f.A.measureId });
    expect(mentions.map((m) => [m.topicName, m.responses, m.isPublic])).toEqual([['Sprachkurse für Frauen', 2, false]]);

    // another municipality finds nothing and cannot code B's answers into A's topics or the other way round
    await expect(env.services.questionnaireResults.results(f.B.municipalityId, r.questionnaireId, { audience: 'admin' })).rejects.toThrow(/not found/);
    await expect(topics.list(f.B.municipalityId, r.questionnaireId)).rejects.toThrow(/not found/);
    await expect(topics.assign(f.B.municipalityId, r.questionnaireId, r.q.wishes, women, { name: 'X' }, by)).rejects.toThrow(/not found/);
    expect(await topics.mentions(f.B.municipalityId, { measureId: f.A.measureId })).toEqual([]);
    // answers of another question are refused
    await expect(topics.assign(f.A.municipalityId, r.questionnaireId, r.q.kurs, women, { topicId }, by)).rejects.toThrow(/invalid input/);
  });
});
