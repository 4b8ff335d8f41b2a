// Reading a page's form into answers: every type, its errors, conditions on the same page, and back again.
import { describe, expect, it } from 'vitest';
import { answersToValues, parsePage } from './answer.schema.js';
import type { QOption, Question, QuestionType } from './questionnaire.model.js';

let nextId = 100;
const option = (label: string, role: QOption['role'] = 'option', isOther = false): QOption => ({ id: nextId++, role, position: 1, label, isOther });
function question(type: QuestionType, extra: Partial<Question> = {}): Question {
  return { id: nextId++, sectionId: 1, position: 1, type, text: type, help: '', required: false, demographic: null, config: {}, condition: null, options: [], rows: [], columns: [], ...extra };
}

describe('reading a page of answers', () => {
  it('reads numbers as people type them and checks whole numbers and bounds', () => {
    const q = question('number', { config: { min: 1, max: 20, integer: true } });
    expect(parsePage([q], { [`q${q.id}`]: ' 4 ' }, {}).answers).toEqual({ [q.id]: { number: 4 } });
    expect(parsePage([q], { [`q${q.id}`]: '2,5' }, {}).errors).toEqual({ [`q${q.id}`]: 'questionnaires.answer.errors.integer' });
    expect(parsePage([q], { [`q${q.id}`]: '21' }, {}).errors).toEqual({ [`q${q.id}`]: 'questionnaires.answer.errors.max|max=20' });
    expect(parsePage([q], { [`q${q.id}`]: 'vier' }, {}).errors).toEqual({ [`q${q.id}`]: 'questionnaires.answer.errors.number' });
    const decimal = question('number');
    expect(parsePage([decimal], { [`q${decimal.id}`]: '1,5' }, {}).answers).toEqual({ [decimal.id]: { number: 1.5 } });
  });

  it('refuses a rank given twice, and an incomplete ranking only when it is required', () => {
    const [a, b, c] = [option('A'), option('B'), option('C')];
    const q = question('ranking', { options: [a, b, c] });
    const rank = (o: QOption) => `q${q.id}_o${o.id}`;
    expect(parsePage([q], { [rank(a)]: '1', [rank(b)]: '1' }, {}).errors[rank(a)]).toBe('questionnaires.answer.errors.rankTwice');
    expect(parsePage([q], { [rank(a)]: '2' }, {}).answers).toEqual({ [q.id]: { ranks: { [a.id]: 2 } } });
    const required = { ...q, required: true };
    expect(parsePage([required], { [rank(a)]: '2' }, {}).errors[rank(a)]).toBe('questionnaires.answer.errors.rankIncomplete');
    expect(parsePage([q], { [rank(a)]: '4' }, {}).errors[rank(a)]).toBe('questionnaires.answer.errors.choice');
  });

  it('keeps only choices of the question itself; "other" asks for its text', () => {
    const [yes, other] = [option('Ja'), option('Anderes', 'option', true)];
    const q = question('multiple', { options: [yes, other] });
    expect(parsePage([q], { [`q${q.id}`]: `${yes.id},99999` }, {}).answers).toEqual({ [q.id]: { optionIds: [yes.id] } });
    expect(parsePage([q], { [`q${q.id}`]: `${other.id}` }, {}).errors[`q${q.id}`]).toMatch(/^questionnaires.answer.errors.otherMissing\|option=Anderes$/);
    expect(parsePage([q], { [`q${q.id}`]: `${other.id}`, [`q${q.id}_other`]: ' Treff ' }, {}).answers).toEqual({ [q.id]: { optionIds: [other.id], other: 'Treff' } });
  });

  it('checks dates, text lengths and required questions', () => {
    const date = question('date', { required: true });
    expect(parsePage([date], { [`q${date.id}`]: '2026-02-30' }, {}).errors[`q${date.id}`]).toBe('questionnaires.answer.errors.date');
    expect(parsePage([date], {}, {}).errors[`q${date.id}`]).toBe('questionnaires.answer.errors.required');
    const text = question('short_text', { config: { maxLength: 5 } });
    expect(parsePage([text], { [`q${text.id}`]: 'zu lang' }, {}).errors[`q${text.id}`]).toBe('questionnaires.answer.errors.tooLong|max=5');
  });

  it('drops the answer to a question whose condition on the same page does not hold, and does not check it', () => {
    const [yes, no] = [option('Ja'), option('Nein')];
    const first = question('single', { options: [yes, no], required: true });
    const follow = question('short_text', { required: true, condition: { questionId: first.id, optionIds: [yes.id] } });
    const parsed = parsePage([first, follow], { [`q${first.id}`]: String(no.id), [`q${follow.id}`]: 'egal' }, {});
    expect(parsed).toEqual({ answers: { [first.id]: { optionIds: [no.id] } }, errors: {} });
    expect(parsePage([first, follow], { [`q${first.id}`]: String(yes.id) }, {}).errors).toEqual({ [`q${follow.id}`]: 'questionnaires.answer.errors.required' });
  });

  it('going back refuses nothing and keeps what can be read; the answers fill the form again', () => {
    const [r1, r2, good] = [option('Zeit', 'row'), option('Ort', 'row'), option('gut', 'column')];
    const matrix = question('matrix', { rows: [r1, r2], columns: [good], required: true });
    const scale = question('scale', { config: { min: 1, max: 5 } });
    const values = { [`q${matrix.id}_r${r1.id}`]: String(good.id), [`q${scale.id}`]: '9' };
    const lenient = parsePage([matrix, scale], values, {}, true);
    expect(lenient).toEqual({ answers: { [matrix.id]: { rows: { [r1.id]: good.id } } }, errors: {} });
    expect(answersToValues([matrix, scale], lenient.answers)).toEqual({ [`q${matrix.id}_r${r1.id}`]: String(good.id) });
  });
});
