// Building a questionnaire on a real database (SQLite and PostgreSQL): settings with a versioned privacy notice,
// conditions only on earlier questions, the lock rule once there are answers, a copy with its conditions
// remapped, translations that become outdated when their German changes, and another municipality's 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { parseQuestionForm, settingsSchema, berlinToUtc, utcToBerlin, type QuestionInput } from './builder.schema.js';
import { ChangeRefusedError, PublishRefusedError } from './builder.service.js';
import { localizeDefinition } from './questionnaire.texts.js';
import type { QuestionnaireSpec } from './questionnaire.service.js';

const by = { userId: null, name: 'Test' };
const none = { keep: [], remove: [], add: [] };

function input(over: Partial<QuestionInput>): QuestionInput {
  return { type: 'single', text: 'Frage', help: '', required: false, condition: [], config: {}, other: false, options: none, rows: none, columns: none, ...over };
}

const spec: QuestionnaireSpec = {
  title: 'Befragung Sprache',
  privacy: 'Ihre Antworten sind anonym.',
  sections: [
    {
      title: 'Sprache',
      questions: [
        { key: 'kurs', type: 'single', text: 'Haben Sie einen Sprachkurs besucht?', options: ['Ja', 'Nein'], required: true },
        { key: 'wo', type: 'multiple', text: 'Wo?', options: ['VHS', 'Verein'], condition: { question: 'kurs', options: ['Ja'] } },
      ],
    },
    { title: 'Zum Kurs', condition: { question: 'kurs', options: ['Ja'] }, questions: [{ type: 'scale', text: 'Wie zufrieden?', config: { min: 1, max: 5, minLabel: 'gar nicht', maxLabel: 'sehr' } }] },
  ],
};

describe('Berlin times', () => {
  it('stores a Berlin wall time as UTC and shows it back, in winter and in summer', () => {
    expect(berlinToUtc('2026-01-15', '18:00')).toBe('2026-01-15T17:00:00.000Z');
    expect(berlinToUtc('2026-07-15', '18:00')).toBe('2026-07-15T16:00:00.000Z');
    expect(utcToBerlin('2026-07-15T16:00:00.000Z')).toEqual({ date: '2026-07-15', time: '18:00' });
  });

  it('refuses a closing before the opening, at the closing field', () => {
    const r = settingsSchema.safeParse({ title: 'x', access: 'open', opens_date: '2026-03-10', closes_date: '2026-03-01' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['closes_date']);
  });

  it('reads option lists: corrected labels keep their ids, removals and new lines', () => {
    const r = parseQuestionForm({ type: 'single', text: 'F', option_5: ' Ja ', option_6: 'Nein', remove_option_6: '1', new_option: 'Vielleicht\n\n Weiß nicht ' });
    expect(r.ok && r.data.options).toEqual({ keep: [{ id: 5, label: 'Ja' }], remove: [6], add: ['Vielleicht', 'Weiß nicht'] });
  });
});

describe.each(engines)('questionnaire builder on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  const b = () => env.services.questionnaireBuilder;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('creates a questionnaire; a changed privacy notice becomes the next version, an unchanged one does not', async () => {
    const settings = settingsSchema.parse({ plan_id: String(f.A.planId), title: 'Neu', access: 'codes', privacy: 'Erster Text', opens_date: '2026-03-01', opens_time: '09:00' });
    const id = await b().create(f.A.municipalityId, settings, by);
    let def = await b().definition(f.A.municipalityId, id);
    expect(def.questionnaire).toMatchObject({ state: 'draft', access: 'codes', opensAt: '2026-03-01T08:00:00.000Z', closesAt: null });
    expect(def.privacy).toEqual({ version: 1, text: 'Erster Text' });
    expect(await b().updateSettings(f.A.municipalityId, id, { ...settings, title: 'Neuer Titel' }, by)).toEqual({ privacyVersion: null });
    expect(await b().updateSettings(f.A.municipalityId, id, { ...settings, privacy: 'Zweiter Text' }, by)).toEqual({ privacyVersion: 2 });
    def = await b().definition(f.A.municipalityId, id);
    expect(def.privacy).toEqual({ version: 2, text: 'Zweiter Text' });
    // another plan of the municipality: the sections' fields of action (of the old plan) are let go
    const sectionId = await b().createSection(f.A.municipalityId, id, { title: 'Sprache', description: '', field_id: f.A.fieldId, condition: [] }, by);
    expect((await b().definition(f.A.municipalityId, id)).sections[0]).toMatchObject({ id: sectionId, fieldId: f.A.fieldId });
    await b().updateSettings(f.A.municipalityId, id, { ...settings, privacy: 'Zweiter Text', plan_id: f.A.draftPlanId }, by);
    expect((await b().definition(f.A.municipalityId, id)).sections[0].fieldId).toBeNull();
    // a plan of another municipality is not a plan to choose
    await expect(b().create(f.A.municipalityId, { ...settings, plan_id: f.B.planId }, by)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('lets a condition refer only to an earlier choice question, and refuses moves that would break one', async () => {
    const id = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, spec, by);
    const def = await b().definition(f.A.municipalityId, id);
    const [kurs, wo] = def.sections[0].questions;
    const [scale] = def.sections[1].questions;
    // the scale in section 2 cannot make the first question conditional on a later one
    await expect(b().updateQuestion(f.A.municipalityId, id, kurs.id, input({ text: kurs.text, condition: [wo.options[0].id] }), by)).rejects.toMatchObject({ errors: { condition: 'questionnaires.builder.errors.conditionNotEarlier' } });
    // options of two questions at once
    await expect(
      b().createQuestion(f.A.municipalityId, id, def.sections[1].id, input({ condition: [kurs.options[0].id, wo.options[0].id] }), null, by),
    ).rejects.toMatchObject({ errors: { condition: 'questionnaires.builder.errors.conditionOneQuestion' } });
    // a new question in section 2 may depend on "Wo?"
    const newId = await b().createQuestion(f.A.municipalityId, id, def.sections[1].id, input({ text: 'Welcher Kurs?', condition: [wo.options[1].id], options: { ...none, add: ['A1', 'B1'] } }), null, by);
    const after = await b().definition(f.A.municipalityId, id);
    expect(after.sections[1].questions.find((q) => q.id === newId)!.condition).toEqual({ questionId: wo.id, optionIds: [wo.options[1].id] });
    expect(scale.type).toBe('scale');
    // "Wo?" depends on "kurs": it cannot move above it; section 2 depends on section 1: it cannot move up
    await expect(b().moveQuestion(f.A.municipalityId, id, wo.id, 'up', by)).rejects.toBeInstanceOf(ChangeRefusedError);
    await expect(b().moveSection(f.A.municipalityId, id, def.sections[1].id, 'up', by)).rejects.toBeInstanceOf(ChangeRefusedError);
  });

  it('refuses to remove answered options or change an answered question’s type, and takes corrected texts', async () => {
    const id = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, { ...spec, state: 'published' }, by);
    const def = await b().definition(f.A.municipalityId, id);
    const [kurs] = def.sections[0].questions;
    const [ja, nein] = kurs.options;
    for (let i = 0; i < 12; i++) {
      await env.services.questionnaires.submit(f.A.municipalityId, id, { answers: { [kurs.id]: { optionIds: [ja.id] } }, source: 'online', privacyVersion: 1, lang: 'de', submissionKey: `k${i}` });
    }
    const edit = (over: Partial<QuestionInput>) => input({ text: 'Haben Sie einen Sprachkurs besucht??', options: { keep: [{ id: ja.id, label: 'Jaa' }, { id: nein.id, label: 'Nein' }], remove: [], add: [] }, ...over });
    const refused = await b()
      .updateQuestion(f.A.municipalityId, id, kurs.id, edit({ options: { keep: [{ id: nein.id, label: 'Nein' }], remove: [ja.id], add: ['Vielleicht'] } }), by)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).errors).toEqual({ [`remove_option_${ja.id}`]: 'questionnaires.builder.errors.optionHasAnswers|count=12' });
    await expect(b().updateQuestion(f.A.municipalityId, id, kurs.id, edit({ type: 'multiple' }), by)).rejects.toMatchObject({ errors: { type: 'questionnaires.builder.errors.typeHasAnswers|count=12' } });
    // nothing of the refused changes was kept
    let now = await b().definition(f.A.municipalityId, id);
    expect(now.sections[0].questions[0].options.map((o) => o.label)).toEqual(['Ja', 'Nein']);
    // a typo fix keeps the option's identity; an unanswered option may go; new ones may come
    await b().updateQuestion(f.A.municipalityId, id, kurs.id, edit({ options: { keep: [{ id: ja.id, label: 'Ja, einen' }], remove: [nein.id], add: ['Noch nicht'] } }), by);
    now = await b().definition(f.A.municipalityId, id);
    const options = now.sections[0].questions[0].options;
    expect(options.map((o) => [o.id === ja.id, o.label])).toEqual([[true, 'Ja, einen'], [false, 'Noch nicht']]);
    // an answered question cannot be deleted, nor its section
    await expect(b().deleteQuestion(f.A.municipalityId, id, kurs.id, by)).rejects.toMatchObject({ key: 'questionnaires.builder.errors.questionHasAnswers|count=12' });
    await expect(b().deleteSection(f.A.municipalityId, id, now.sections[0].id, by)).rejects.toBeInstanceOf(ChangeRefusedError);
  });

  it('publishes only a complete questionnaire, closes it, and reopens it before its closing date', async () => {
    const empty = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, { title: 'Leer', sections: [{ title: 'A', questions: [{ type: 'single', text: 'Ohne Optionen' }] }] }, by);
    const refusal = await b().publish(f.A.municipalityId, empty, new Date(), by).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(PublishRefusedError);
    expect((refusal as PublishRefusedError).problems.map((p) => p.key)).toEqual(['questionnaires.builder.errors.publishNoOptions']);
    const id = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, spec, by);
    expect(await b().publish(f.A.municipalityId, id, new Date(), by)).toBe('published');
    await b().close(f.A.municipalityId, id, by);
    expect((await b().definition(f.A.municipalityId, id)).questionnaire.state).toBe('closed');
    expect(await b().publish(f.A.municipalityId, id, new Date(), by)).toBe('reopened');
    const past = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, { ...spec, state: 'closed', closesAt: '2020-01-01T00:00:00.000Z' }, by);
    await expect(b().publish(f.A.municipalityId, past, new Date(), by)).rejects.toMatchObject({ key: 'questionnaires.builder.errors.reopenAfterClosing' });
  });

  it('copies a questionnaire as a draft with its conditions remapped to the copied questions and options', async () => {
    const id = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, { ...spec, state: 'published' }, by);
    const source = await b().definition(f.A.municipalityId, id);
    await b().saveTranslations(f.A.municipalityId, id, 'en', { [`t_questionnaire_option_${source.sections[0].questions[0].options[0].id}_label`]: 'Yes' }, by);
    const copyId = await b().copy(f.A.municipalityId, id, 'Kopie von Befragung Sprache', by);
    const copy = await b().definition(f.A.municipalityId, copyId);
    expect(copy.questionnaire).toMatchObject({ title: 'Kopie von Befragung Sprache', state: 'draft', copiedFromId: id });
    expect(copy.privacy).toEqual({ version: 1, text: 'Ihre Antworten sind anonym.' });
    const [kurs, wo] = copy.sections[0].questions;
    expect(kurs.id).not.toBe(source.sections[0].questions[0].id);
    expect(wo.condition).toEqual({ questionId: kurs.id, optionIds: [kurs.options[0].id] });
    expect(copy.sections[1].condition).toEqual({ questionId: kurs.id, optionIds: [kurs.options[0].id] });
    // its translations came along, on the copied option
    const en = localizeDefinition(copy, 'en', await b().translationsFor(f.A.municipalityId, copy, 'en'));
    expect(en.sections[0].questions[0].options[0].label).toBe('Yes');
  });

  it('marks a translation outdated when its German changes, and lays only current ones over the German', async () => {
    const id = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, spec, by);
    const def = await b().definition(f.A.municipalityId, id);
    const [kurs] = def.sections[0].questions;
    const rows = await b().translations(f.A.municipalityId, id, 'en');
    expect(rows.every((r) => r.state === 'missing')).toBe(true);
    expect(rows.map((r) => r.field)).toContain('minLabel');
    await b().saveTranslations(f.A.municipalityId, id, 'en', { t_questionnaire_title: 'x', [`t_questionnaire_${id}_title`]: 'Language survey', [`t_questionnaire_question_${kurs.id}_text`]: 'Did you attend a language course?' }, by);
    let en = localizeDefinition(await b().definition(f.A.municipalityId, id), 'en', await b().translationsFor(f.A.municipalityId, def, 'en'));
    expect(en.questionnaire.title).toBe('Language survey');
    expect(en.sections[0].questions[0].text).toBe('Did you attend a language course?');
    expect(en.sections[0].questions[1].text).toBe('Wo?');
    // the German question changes: its translation is outdated and the German shows until it is confirmed
    await b().updateQuestion(f.A.municipalityId, id, kurs.id, input({ text: 'Haben Sie schon einen Sprachkurs besucht?', options: { keep: kurs.options.map((o) => ({ id: o.id, label: o.label })), remove: [], add: [] } }), by);
    const changed = await b().definition(f.A.municipalityId, id);
    const states = await b().translations(f.A.municipalityId, id, 'en');
    expect(states.find((r) => r.entityId === kurs.id && r.field === 'text')!.state).toBe('outdated');
    expect(states.find((r) => r.entityId === id && r.field === 'title')!.state).toBe('current');
    en = localizeDefinition(changed, 'en', await b().translationsFor(f.A.municipalityId, changed, 'en'));
    expect(en.sections[0].questions[0].text).toBe('Haben Sie schon einen Sprachkurs besucht?');
    // saving the form unchanged keeps it outdated; confirming it makes it current
    const field = `t_questionnaire_question_${kurs.id}_text`;
    await b().saveTranslations(f.A.municipalityId, id, 'en', { [field]: 'Did you attend a language course?' }, by);
    expect((await b().translations(f.A.municipalityId, id, 'en')).find((r) => r.entityId === kurs.id && r.field === 'text')!.state).toBe('outdated');
    await b().saveTranslations(f.A.municipalityId, id, 'en', { [field]: 'Did you attend a language course?', [`fits_${field}`]: '1' }, by);
    expect((await b().translations(f.A.municipalityId, id, 'en')).find((r) => r.entityId === kurs.id && r.field === 'text')!.state).toBe('current');
  });

  it('does not find another municipality’s questionnaire, nor change it', async () => {
    const id = await env.services.questionnaires.createFromSpec(f.B.municipalityId, f.B.planId, spec, by);
    const def = await b().definition(f.B.municipalityId, id);
    await expect(b().definition(f.A.municipalityId, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(b().publish(f.A.municipalityId, id, new Date(), by)).rejects.toBeInstanceOf(NotFoundError);
    await expect(b().copy(f.A.municipalityId, id, 'x', by)).rejects.toBeInstanceOf(NotFoundError);
    await expect(b().delete(f.A.municipalityId, id, true, by)).rejects.toBeInstanceOf(NotFoundError);
    await expect(b().updateQuestion(f.A.municipalityId, id, def.sections[0].questions[0].id, input({}), by)).rejects.toBeInstanceOf(NotFoundError);
    await expect(b().translations(f.A.municipalityId, id, 'en')).rejects.toBeInstanceOf(NotFoundError);
    expect((await b().list(f.A.municipalityId)).some((q) => q.id === id)).toBe(false);
  });

  it('deletes a draft at once, and one with responses only when confirmed', async () => {
    const draft = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, spec, by);
    await b().delete(f.A.municipalityId, draft, false, by);
    await expect(b().definition(f.A.municipalityId, draft)).rejects.toBeInstanceOf(NotFoundError);
    const live = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, { ...spec, state: 'published' }, by);
    await expect(b().delete(f.A.municipalityId, live, false, by)).rejects.toBeInstanceOf(InvalidInputError);
    await b().delete(f.A.municipalityId, live, true, by);
    expect(await env.db.kysely.selectFrom('questionnaire_questions').select('id').where('questionnaire_id', '=', live).execute()).toEqual([]);
  });
});
