// Building a questionnaire: its settings and versioned privacy notice, sections and questions with their
// options and conditions, publishing and closing, copying, deleting, and the translations of its texts.
// The lock rule: an option or question that already has answers cannot be removed, nor a question's type
// changed; the refusal says how many answers there are, at the field, and nothing else of the change is kept.
import type { Kysely } from 'kysely';
import type { AuditedWrites, Trx } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { LANGUAGES, translator } from '../../platform/i18n/i18n.js';
import type { Writer } from '../../platform/module.js';
import type { FieldErrors, FormValues } from '../../platform/views/page.js';
import type { PlanService } from '../plan/index.js';
import {
  answersPerOption,
  answersPerQuestion,
  allTranslationsOf,
  copyTranslation,
  clearSectionFields,
  deleteOptions,
  deleteQuestion,
  deleteQuestionnaire,
  deleteSection,
  deleteTranslation,
  deleteTranslationsOf,
  listTranslations,
  listWithCounts,
  saveTranslation,
  updateOption,
  updateQuestion,
  updateQuestionnaire,
  updateSection,
  type ListedQuestionnaire,
} from './builder.repository.js';
import { isChoice, type QuestionInput, type SectionInput, type SettingsInput } from './builder.schema.js';
import { allQuestions, type Condition, type Definition, type Demographic, type OptionRole, type Question, type QuestionType } from './questionnaire.model.js';
import { countResponses, insertOption, insertPrivacy, insertQuestion, insertQuestionnaire, insertSection, loadDefinition } from './questionnaire.repository.js';
import { questionnaireTexts, sourceHash, textKey, translationState, type StoredTranslation, type TextEntity, type TextItem, type TranslationState } from './questionnaire.texts.js';

const E = 'questionnaires.builder.errors';

/** The type each demographic question has, and its predefined options (German; the district's are the officer's). */
export const DEMOGRAPHIC_TYPE: Record<Demographic, QuestionType> = { age: 'single', languages: 'multiple', years_in_germany: 'single', district: 'single' };

export function demographicDefaults(demographic: Demographic): { text: string; options: string[]; other: boolean } {
  const de = translator('de');
  const list = (key: string) => (de(key, { returnObjects: true }) as unknown as string[]) ?? [];
  return {
    text: de(`questionnaires.builder.demographics.${demographic}.text`),
    options: demographic === 'district' ? [] : list(`questionnaires.builder.demographics.${demographic}.options`),
    other: demographic === 'languages',
  };
}

/** The problems that keep a questionnaire from being published, each with the question or section it concerns. */
export interface PublishProblem {
  key: string;
  questionId?: number;
  sectionId?: number;
}

/** Which questions may carry a condition's options: single and multiple choice, demographics included. */
const conditionSource = (q: Question) => q.type === 'single' || q.type === 'multiple';

/** Questions in the order a resident meets them, with their place. */
function ordered(def: Definition): Array<{ question: Question; sectionIndex: number; index: number }> {
  return def.sections.flatMap((s, si) => s.questions.map((question, index) => ({ question, sectionIndex: si, index })));
}

/**
 * The condition a form's chosen options make, checked: all options of one question, and that question comes
 * before `place` (a question's own place, or a section's first place) and is a choice question.
 */
export function resolveCondition(def: Definition, optionIds: number[], place: { sectionIndex: number; index: number }): { ok: true; condition: Condition | null } | { ok: false; error: string } {
  if (optionIds.length === 0) return { ok: true, condition: null };
  const owners = new Set<number>();
  for (const id of optionIds) {
    const owner = allQuestions(def).find((q) => q.options.some((o) => o.id === id));
    if (!owner) return { ok: false, error: `${E}.conditionUnknown` };
    owners.add(owner.id);
  }
  if (owners.size > 1) return { ok: false, error: `${E}.conditionOneQuestion` };
  const questionId = [...owners][0];
  const at = ordered(def).find((o) => o.question.id === questionId)!;
  if (!conditionSource(at.question)) return { ok: false, error: `${E}.conditionNotChoice` };
  const earlier = at.sectionIndex < place.sectionIndex || (at.sectionIndex === place.sectionIndex && at.index < place.index);
  if (!earlier) return { ok: false, error: `${E}.conditionNotEarlier` };
  return { ok: true, condition: { questionId, optionIds: [...new Set(optionIds)] } };
}

/** Conditions that no longer refer to an earlier question (after a move): none in a sound definition. */
export function conditionOrderProblems(def: Definition): number[] {
  const place = new Map(ordered(def).map((o) => [o.question.id, o]));
  const bad: number[] = [];
  def.sections.forEach((s, si) => {
    if (s.condition) {
      const src = place.get(s.condition.questionId);
      if (!src || src.sectionIndex >= si) bad.push(s.condition.questionId);
    }
    s.questions.forEach((q, qi) => {
      if (!q.condition) return;
      const src = place.get(q.condition.questionId);
      if (!src || src.sectionIndex > si || (src.sectionIndex === si && src.index >= qi)) bad.push(q.id);
    });
  });
  return bad;
}

export function publishProblems(def: Definition): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const questions = allQuestions(def);
  if (questions.length === 0) problems.push({ key: `${E}.publishNoQuestion` });
  for (const q of questions) {
    if (isChoice(q.type) && q.options.filter((o) => !o.isOther).length < (q.type === 'ranking' ? 2 : 1)) problems.push({ key: `${E}.publishNoOptions`, questionId: q.id });
    if (q.type === 'matrix' && (q.rows.length === 0 || q.columns.length === 0)) problems.push({ key: `${E}.publishMatrixEmpty`, questionId: q.id });
  }
  const { opensAt, closesAt } = def.questionnaire;
  if (opensAt && closesAt && closesAt <= opensAt) problems.push({ key: `${E}.closesBeforeOpens` });
  return problems;
}

export class PublishRefusedError extends Error {
  constructor(readonly problems: PublishProblem[]) {
    super('publish refused');
  }
}

/** A change the builder refuses as a whole, with the message key (and values) that explain why. */
export class ChangeRefusedError extends Error {
  constructor(readonly key: string) {
    super(`refused: ${key}`);
  }
}

export interface TranslationRow extends TextItem {
  text: string;
  state: TranslationState;
}

export class BuilderService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly plans: PlanService,
  ) {}

  list(municipalityId: number): Promise<ListedQuestionnaire[]> {
    return listWithCounts(this.db, municipalityId);
  }

  async definition(municipalityId: number, id: number, conn?: Trx): Promise<Definition> {
    const def = await loadDefinition(conn ?? this.db, municipalityId, id);
    if (!def) throw new NotFoundError('questionnaire');
    return def;
  }

  /** The admin page's view: definition, responses, answers per question, translations missing per language. */
  async overview(municipalityId: number, id: number) {
    const def = await this.definition(municipalityId, id);
    const [responses, answered, plan] = await Promise.all([
      countResponses(this.db, municipalityId, id),
      answersPerQuestion(this.db, municipalityId, id),
      this.plans.getPlan(municipalityId, def.questionnaire.planId),
    ]);
    const languages = [];
    for (const lang of LANGUAGES.filter((l) => l !== 'de')) {
      const rows = await this.translations(municipalityId, id, lang, def);
      languages.push({ lang, missing: rows.filter((r) => r.state === 'missing').length, outdated: rows.filter((r) => r.state === 'outdated').length });
    }
    return { def, responses, answered, plan, languages };
  }

  private async planOf(municipalityId: number, planId: number | null): Promise<number> {
    if (!planId) throw new InvalidInputError({ plan_id: `${E}.planRequired` });
    try {
      return (await this.plans.getPlan(municipalityId, planId)).id;
    } catch (e) {
      if (e instanceof NotFoundError) throw new InvalidInputError({ plan_id: `${E}.choiceInvalid` });
      throw e;
    }
  }

  async create(municipalityId: number, input: SettingsInput, by: Writer): Promise<number> {
    const planId = await this.planOf(municipalityId, input.plan_id);
    return this.audit.write(
      municipalityId,
      by,
      (id: number) => ({ action: 'questionnaire.create', entityType: 'questionnaire', entityId: id, after: { title: input.title } }),
      async ({ trx, now }) => {
        const id = await insertQuestionnaire(trx, {
          municipality_id: municipalityId,
          plan_id: planId,
          title: input.title,
          welcome: input.welcome,
          thanks: input.thanks,
          state: 'draft',
          opens_at: input.opensAt,
          closes_at: input.closesAt,
          access: input.access,
          results_public: input.results_public ? 1 : 0,
          is_demo: 0,
          copied_from_id: null,
          published_at: null,
          closed_at: null,
          created_at: now,
          updated_at: now,
        });
        if (input.privacy) await insertPrivacy(trx, municipalityId, id, input.privacy, now);
        return id;
      },
    );
  }

  /** Saves the settings; a changed privacy notice becomes its next version. Returns that version, if new. */
  async updateSettings(municipalityId: number, id: number, input: SettingsInput, by: Writer): Promise<{ privacyVersion: number | null }> {
    const before = await this.definition(municipalityId, id);
    const planId = input.plan_id ? await this.planOf(municipalityId, input.plan_id) : before.questionnaire.planId;
    return this.audit.write(
      municipalityId,
      by,
      { action: 'questionnaire.update', entityType: 'questionnaire', entityId: id, before: { title: before.questionnaire.title }, after: { title: input.title, privacyChanged: (before.privacy?.text ?? '') !== input.privacy } },
      async ({ trx, now }) => {
        await updateQuestionnaire(trx, municipalityId, id, {
          plan_id: planId,
          title: input.title,
          welcome: input.welcome,
          thanks: input.thanks,
          opens_at: input.opensAt,
          closes_at: input.closesAt,
          access: input.access,
          results_public: input.results_public ? 1 : 0,
          updated_at: now,
        });
        if (planId !== before.questionnaire.planId) await clearSectionFields(trx, municipalityId, id);
        const privacyVersion = (before.privacy?.text ?? '') !== input.privacy && input.privacy ? await insertPrivacy(trx, municipalityId, id, input.privacy, now) : null;
        return { privacyVersion };
      },
    );
  }

  async publish(municipalityId: number, id: number, now: Date, by: Writer): Promise<'published' | 'reopened'> {
    const def = await this.definition(municipalityId, id);
    const q = def.questionnaire;
    if (q.state === 'published') throw new ChangeRefusedError(`${E}.alreadyPublished`);
    if (q.state === 'closed') {
      if (q.closesAt && q.closesAt <= now.toISOString()) throw new ChangeRefusedError(`${E}.reopenAfterClosing`);
      await this.audit.write(municipalityId, by, { action: 'questionnaire.reopen', entityType: 'questionnaire', entityId: id }, async ({ trx, now: at }) => {
        await updateQuestionnaire(trx, municipalityId, id, { state: 'published', closed_at: null, updated_at: at });
      });
      return 'reopened';
    }
    const problems = publishProblems(def);
    if (q.closesAt && q.closesAt <= now.toISOString()) problems.push({ key: `${E}.closesInPast` });
    if (problems.length) throw new PublishRefusedError(problems);
    await this.audit.write(municipalityId, by, { action: 'questionnaire.publish', entityType: 'questionnaire', entityId: id }, async ({ trx, now: at }) => {
      await updateQuestionnaire(trx, municipalityId, id, { state: 'published', published_at: at, updated_at: at });
    });
    return 'published';
  }

  async close(municipalityId: number, id: number, by: Writer): Promise<void> {
    const def = await this.definition(municipalityId, id);
    if (def.questionnaire.state !== 'published') throw new ChangeRefusedError(`${E}.closeNotPublished`);
    await this.audit.write(municipalityId, by, { action: 'questionnaire.close', entityType: 'questionnaire', entityId: id }, async ({ trx, now }) => {
      await updateQuestionnaire(trx, municipalityId, id, { state: 'closed', closed_at: now, updated_at: now });
    });
  }

  /** A new draft with everything of the questionnaire: sections, questions, options, conditions, privacy, translations. */
  async copy(municipalityId: number, id: number, title: string, by: Writer): Promise<number> {
    const def = await this.definition(municipalityId, id);
    const q = def.questionnaire;
    return this.audit.write(
      municipalityId,
      by,
      (newId: number) => ({ action: 'questionnaire.copy', entityType: 'questionnaire', entityId: newId, after: { title, copiedFrom: id } }),
      async ({ trx, now }) => {
        const newId = await insertQuestionnaire(trx, {
          municipality_id: municipalityId,
          plan_id: q.planId,
          title,
          welcome: q.welcome,
          thanks: q.thanks,
          state: 'draft',
          opens_at: null,
          closes_at: null,
          access: q.access,
          results_public: q.resultsPublic ? 1 : 0,
          is_demo: 0,
          copied_from_id: id,
          published_at: null,
          closed_at: null,
          created_at: now,
          updated_at: now,
        });
        if (def.privacy) await insertPrivacy(trx, municipalityId, newId, def.privacy.text, now);
        const map: Record<TextEntity, Map<number, number>> = { questionnaire: new Map([[id, newId]]), questionnaire_section: new Map(), questionnaire_question: new Map(), questionnaire_option: new Map() };
        const remap = (c: Condition | null): string | null =>
          c ? JSON.stringify({ questionId: map.questionnaire_question.get(c.questionId), optionIds: c.optionIds.map((o) => map.questionnaire_option.get(o)).filter((o) => o !== undefined) }) : null;
        for (const s of def.sections) {
          const sectionId = await insertSection(trx, { municipality_id: municipalityId, questionnaire_id: newId, position: s.position, title: s.title, description: s.description, field_id: s.fieldId, condition_json: remap(s.condition) });
          map.questionnaire_section.set(s.id, sectionId);
          for (const question of s.questions) {
            const questionId = await insertQuestion(trx, {
              municipality_id: municipalityId,
              questionnaire_id: newId,
              section_id: sectionId,
              position: question.position,
              type: question.type,
              text: question.text,
              help: question.help,
              required: question.required ? 1 : 0,
              demographic: question.demographic,
              config_json: JSON.stringify(question.config),
              condition_json: remap(question.condition),
            });
            map.questionnaire_question.set(question.id, questionId);
            for (const o of [...question.options, ...question.rows, ...question.columns]) {
              map.questionnaire_option.set(o.id, await insertOption(trx, { municipality_id: municipalityId, question_id: questionId, role: o.role, position: o.position, label: o.label, is_other: o.isOther ? 1 : 0 }));
            }
          }
        }
        for (const [entityType, ids] of Object.entries(map) as Array<[TextEntity, Map<number, number>]>) {
          for (const t of await allTranslationsOf(trx, municipalityId, entityType, [...ids.keys()])) {
            // The title is new ("Kopie von …"): its old translation no longer fits.
            if (entityType === 'questionnaire' && t.field === 'title') continue;
            await copyTranslation(trx, municipalityId, t, ids.get(t.entity_id)!, now);
          }
        }
        return newId;
      },
    );
  }

  /** Deletes a questionnaire; one that is not a draft or has responses only when the officer confirmed. */
  async delete(municipalityId: number, id: number, confirmed: boolean, by: Writer): Promise<void> {
    const def = await this.definition(municipalityId, id);
    const responses = await countResponses(this.db, municipalityId, id);
    if ((def.questionnaire.state !== 'draft' || responses > 0) && !confirmed) throw new InvalidInputError({ confirm: `${E}.confirmDelete` });
    const questions = allQuestions(def);
    await this.audit.write(municipalityId, by, { action: 'questionnaire.delete', entityType: 'questionnaire', entityId: id, before: { title: def.questionnaire.title, responses } }, async ({ trx }) => {
      await deleteQuestionnaire(trx, municipalityId, id, [
        { entityType: 'questionnaire', ids: [id] },
        { entityType: 'questionnaire_section', ids: def.sections.map((s) => s.id) },
        { entityType: 'questionnaire_question', ids: questions.map((q) => q.id) },
        { entityType: 'questionnaire_option', ids: questions.flatMap((q) => [...q.options, ...q.rows, ...q.columns].map((o) => o.id)) },
      ]);
    });
  }

  // ---- sections --------------------------------------------------------------------------------------------

  private async fieldOf(municipalityId: number, def: Definition, fieldId: number | null): Promise<number | null> {
    if (!fieldId) return null;
    const tree = await this.plans.tree(municipalityId, def.questionnaire.planId);
    if (!tree.fields.some((f) => f.id === fieldId)) throw new InvalidInputError({ field_id: `${E}.choiceInvalid` });
    return fieldId;
  }

  async createSection(municipalityId: number, id: number, input: SectionInput, by: Writer): Promise<number> {
    const def = await this.definition(municipalityId, id);
    const fieldId = await this.fieldOf(municipalityId, def, input.field_id);
    const condition = resolveCondition(def, input.condition, { sectionIndex: def.sections.length, index: 0 });
    if (!condition.ok) throw new InvalidInputError({ condition: condition.error });
    return this.audit.write(
      municipalityId,
      by,
      (sectionId: number) => ({ action: 'questionnaire.section.create', entityType: 'questionnaire_section', entityId: sectionId, after: { title: input.title } }),
      async ({ trx, now }) => {
        const sectionId = await insertSection(trx, {
          municipality_id: municipalityId,
          questionnaire_id: id,
          position: Math.max(0, ...def.sections.map((s) => s.position)) + 1,
          title: input.title,
          description: input.description,
          field_id: fieldId,
          condition_json: condition.condition ? JSON.stringify(condition.condition) : null,
        });
        await updateQuestionnaire(trx, municipalityId, id, { updated_at: now });
        return sectionId;
      },
    );
  }

  sectionOf(def: Definition, sectionId: number) {
    const index = def.sections.findIndex((s) => s.id === sectionId);
    if (index < 0) throw new NotFoundError('section');
    return { section: def.sections[index], index };
  }

  async updateSection(municipalityId: number, id: number, sectionId: number, input: SectionInput, by: Writer): Promise<void> {
    const def = await this.definition(municipalityId, id);
    const { section, index } = this.sectionOf(def, sectionId);
    const fieldId = await this.fieldOf(municipalityId, def, input.field_id);
    const condition = resolveCondition(def, input.condition, { sectionIndex: index, index: 0 });
    if (!condition.ok) throw new InvalidInputError({ condition: condition.error });
    await this.audit.write(municipalityId, by, { action: 'questionnaire.section.update', entityType: 'questionnaire_section', entityId: sectionId, before: { title: section.title }, after: { title: input.title } }, async ({ trx, now }) => {
      await updateSection(trx, municipalityId, sectionId, { title: input.title, description: input.description, field_id: fieldId, condition_json: condition.condition ? JSON.stringify(condition.condition) : null });
      await updateQuestionnaire(trx, municipalityId, id, { updated_at: now });
    });
  }

  /** Deletes a section with its questions, unless one of them has answers; conditions on them are dropped. */
  async deleteSection(municipalityId: number, id: number, sectionId: number, by: Writer): Promise<void> {
    const def = await this.definition(municipalityId, id);
    const { section } = this.sectionOf(def, sectionId);
    const answered = await answersPerQuestion(this.db, municipalityId, id);
    const locked = section.questions.reduce((n, q) => n + (answered.get(q.id) ?? 0), 0);
    if (locked > 0) throw new ChangeRefusedError(`${E}.sectionHasAnswers|count=${locked}`);
    const gone = new Set(section.questions.map((q) => q.id));
    await this.audit.write(municipalityId, by, { action: 'questionnaire.section.delete', entityType: 'questionnaire_section', entityId: sectionId, before: { title: section.title } }, async ({ trx, now }) => {
      await this.dropConditionsOn(trx, municipalityId, def, gone, new Set());
      await deleteTextsOf(trx, municipalityId, [{ entityType: 'questionnaire_section', ids: [sectionId] }, ...questionTexts(section.questions)]);
      await deleteSection(trx, municipalityId, sectionId);
      await updateQuestionnaire(trx, municipalityId, id, { updated_at: now });
    });
  }

  async moveSection(municipalityId: number, id: number, sectionId: number, direction: 'up' | 'down', by: Writer): Promise<void> {
    const def = await this.definition(municipalityId, id);
    const { index } = this.sectionOf(def, sectionId);
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= def.sections.length) return;
    const order = [...def.sections];
    [order[index], order[other]] = [order[other], order[index]];
    if (conditionOrderProblems({ ...def, sections: order }).length) throw new ChangeRefusedError(`${E}.moveBreaksCondition`);
    await this.audit.write(municipalityId, by, { action: 'questionnaire.section.move', entityType: 'questionnaire_section', entityId: sectionId, after: { direction } }, async ({ trx }) => {
      for (const [i, s] of order.entries()) await updateSection(trx, municipalityId, s.id, { position: i + 1 });
    });
  }

  // ---- questions -----------------------------------------------------------------------------------------------

  questionOf(def: Definition, questionId: number) {
    for (const [sectionIndex, section] of def.sections.entries()) {
      const index = section.questions.findIndex((q) => q.id === questionId);
      if (index >= 0) return { question: section.questions[index], section, sectionIndex, index };
    }
    throw new NotFoundError('question');
  }

  async createQuestion(municipalityId: number, id: number, sectionId: number, input: QuestionInput, demographic: Demographic | null, by: Writer): Promise<number> {
    const def = await this.definition(municipalityId, id);
    const { section, index: sectionIndex } = this.sectionOf(def, sectionId);
    const type = demographic ? DEMOGRAPHIC_TYPE[demographic] : input.type;
    const condition = resolveCondition(def, input.condition, { sectionIndex, index: section.questions.length });
    if (!condition.ok) throw new InvalidInputError({ condition: condition.error });
    return this.audit.write(
      municipalityId,
      by,
      (questionId: number) => ({ action: 'questionnaire.question.create', entityType: 'questionnaire_question', entityId: questionId, after: { text: input.text, type } }),
      async ({ trx, now }) => {
        const questionId = await insertQuestion(trx, {
          municipality_id: municipalityId,
          questionnaire_id: id,
          section_id: sectionId,
          position: Math.max(0, ...section.questions.map((q) => q.position)) + 1,
          type,
          text: input.text,
          help: input.help,
          required: input.required && !demographic ? 1 : 0,
          demographic,
          config_json: JSON.stringify(input.config),
          condition_json: condition.condition ? JSON.stringify(condition.condition) : null,
        });
        await this.writeLists(trx, municipalityId, questionId, type, input, []);
        await updateQuestionnaire(trx, municipalityId, id, { updated_at: now });
        return questionId;
      },
    );
  }

  /** Adds, renames and removes a question's options, rows and columns, and its "other, namely" option. */
  private async writeLists(trx: Trx, municipalityId: number, questionId: number, type: QuestionType, input: QuestionInput, existing: Question['options']): Promise<number[]> {
    const removed: number[] = [];
    const lists: Array<[OptionRole, QuestionInput['options']]> = type === 'matrix' ? [['row', input.rows], ['column', input.columns]] : isChoice(type) ? [['option', input.options]] : [];
    const known = new Map(existing.map((o) => [o.id, o]));
    for (const [role, edit] of lists) {
      const own = existing.filter((o) => o.role === role && !o.isOther);
      for (const k of edit.keep) {
        const o = known.get(k.id);
        if (o && o.role === role && !o.isOther && o.label !== k.label) await updateOption(trx, municipalityId, o.id, { label: k.label });
      }
      const remove = edit.remove.filter((rid) => own.some((o) => o.id === rid));
      await deleteOptions(trx, municipalityId, remove);
      removed.push(...remove);
      let position = Math.max(0, ...own.filter((o) => !remove.includes(o.id)).map((o) => o.position));
      for (const label of edit.add) await insertOption(trx, { municipality_id: municipalityId, question_id: questionId, role, position: ++position, label, is_other: 0 });
    }
    // "Other, namely" stays last; it exists for single and multiple choice when ticked.
    const other = existing.find((o) => o.isOther);
    const wantOther = input.other && (type === 'single' || type === 'multiple');
    if (wantOther && !other) await insertOption(trx, { municipality_id: municipalityId, question_id: questionId, role: 'option', position: 10_000, label: translator('de')('questionnaires.builder.question.otherLabel'), is_other: 1 });
    if (!wantOther && other) {
      await deleteOptions(trx, municipalityId, [other.id]);
      removed.push(other.id);
    }
    // A change of type leaves no options of another role behind.
    const stale = existing.filter((o) => !removed.includes(o.id) && !(lists.some(([role]) => role === o.role) || (o.isOther && wantOther)));
    if (stale.length) {
      await deleteOptions(trx, municipalityId, stale.map((o) => o.id));
      removed.push(...stale.map((o) => o.id));
    }
    return removed;
  }

  /**
   * Saves a question. Refused as a whole, with the reason at the field, when it would remove an option or
   * change the type of a question that already has answers; corrected texts are always taken.
   */
  async updateQuestion(municipalityId: number, id: number, questionId: number, input: QuestionInput, by: Writer): Promise<void> {
    const def = await this.definition(municipalityId, id);
    const { question, sectionIndex, index } = this.questionOf(def, questionId);
    const type = question.demographic ? question.type : input.type;
    const all = [...question.options, ...question.rows, ...question.columns];
    const counts = await answersPerOption(this.db, municipalityId, all.map((o) => o.id));
    const answered = (await answersPerQuestion(this.db, municipalityId, id)).get(questionId) ?? 0;
    const errors: FieldErrors = {};
    if (type !== question.type && answered > 0) errors.type = `${E}.typeHasAnswers|count=${answered}`;
    const keepsOther = input.other && (type === 'single' || type === 'multiple');
    for (const o of all) {
      const n = counts.get(o.id) ?? 0;
      if (n === 0) continue;
      const prefix = o.role;
      if (o.isOther && !keepsOther) errors.other = `${E}.optionHasAnswers|count=${n}`;
      const list = o.role === 'row' ? input.rows : o.role === 'column' ? input.columns : input.options;
      if (!o.isOther && list.remove.includes(o.id)) errors[`remove_${prefix}_${o.id}`] = `${E}.optionHasAnswers|count=${n}`;
    }
    const condition = resolveCondition(def, input.condition, { sectionIndex, index });
    if (!condition.ok) errors.condition = condition.error;
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
    await this.audit.write(
      municipalityId,
      by,
      { action: 'questionnaire.question.update', entityType: 'questionnaire_question', entityId: questionId, before: { text: question.text, type: question.type }, after: { text: input.text, type } },
      async ({ trx, now }) => {
        await updateQuestion(trx, municipalityId, questionId, {
          type,
          text: input.text,
          help: input.help,
          required: input.required && !question.demographic ? 1 : 0,
          config_json: JSON.stringify(input.config),
          condition_json: condition.ok && condition.condition ? JSON.stringify(condition.condition) : null,
        });
        const removed = await this.writeLists(trx, municipalityId, questionId, type, input, all);
        if (removed.length) {
          await this.dropConditionsOn(trx, municipalityId, def, new Set(), new Set(removed));
          await deleteTranslationsOf(trx, municipalityId, 'questionnaire_option', removed);
        }
        await updateQuestionnaire(trx, municipalityId, id, { updated_at: now });
      },
    );
  }

  /** How many answers the question and each of its options have (the edit page says so beside them). */
  async answerCounts(municipalityId: number, id: number, question: Question): Promise<{ question: number; options: Map<number, number> }> {
    const [options, perQuestion] = await Promise.all([
      answersPerOption(this.db, municipalityId, [...question.options, ...question.rows, ...question.columns].map((o) => o.id)),
      answersPerQuestion(this.db, municipalityId, id),
    ]);
    return { question: perQuestion.get(question.id) ?? 0, options };
  }

  async deleteQuestion(municipalityId: number, id: number, questionId: number, by: Writer): Promise<void> {
    const def = await this.definition(municipalityId, id);
    const { question } = this.questionOf(def, questionId);
    const answered = (await answersPerQuestion(this.db, municipalityId, id)).get(questionId) ?? 0;
    if (answered > 0) throw new ChangeRefusedError(`${E}.questionHasAnswers|count=${answered}`);
    await this.audit.write(municipalityId, by, { action: 'questionnaire.question.delete', entityType: 'questionnaire_question', entityId: questionId, before: { text: question.text } }, async ({ trx, now }) => {
      await this.dropConditionsOn(trx, municipalityId, def, new Set([questionId]), new Set());
      await deleteTextsOf(trx, municipalityId, questionTexts([question]));
      await deleteQuestion(trx, municipalityId, questionId);
      await updateQuestionnaire(trx, municipalityId, id, { updated_at: now });
    });
  }

  async moveQuestion(municipalityId: number, id: number, questionId: number, direction: 'up' | 'down', by: Writer): Promise<void> {
    const def = await this.definition(municipalityId, id);
    const { section, index } = this.questionOf(def, questionId);
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= section.questions.length) return;
    const order = [...section.questions];
    [order[index], order[other]] = [order[other], order[index]];
    const moved = { ...def, sections: def.sections.map((s) => (s.id === section.id ? { ...s, questions: order } : s)) };
    if (conditionOrderProblems(moved).length) throw new ChangeRefusedError(`${E}.moveBreaksCondition`);
    await this.audit.write(municipalityId, by, { action: 'questionnaire.question.move', entityType: 'questionnaire_question', entityId: questionId, after: { direction } }, async ({ trx }) => {
      for (const [i, q] of order.entries()) await updateQuestion(trx, municipalityId, q.id, { position: i + 1 });
    });
  }

  /** Conditions that refer to removed questions or options lose them (a condition left without options goes). */
  private async dropConditionsOn(trx: Trx, municipalityId: number, def: Definition, questions: Set<number>, options: Set<number>): Promise<void> {
    const trim = (c: Condition | null): { changed: boolean; json: string | null } => {
      if (!c) return { changed: false, json: null };
      if (questions.has(c.questionId)) return { changed: true, json: null };
      const left = c.optionIds.filter((o) => !options.has(o));
      if (left.length === c.optionIds.length) return { changed: false, json: JSON.stringify(c) };
      return { changed: true, json: left.length ? JSON.stringify({ questionId: c.questionId, optionIds: left }) : null };
    };
    for (const s of def.sections) {
      const st = trim(s.condition);
      if (st.changed) await updateSection(trx, municipalityId, s.id, { condition_json: st.json });
      for (const q of s.questions) {
        const qt = trim(q.condition);
        if (qt.changed) await updateQuestion(trx, municipalityId, q.id, { condition_json: qt.json });
      }
    }
  }

  // ---- translations ----------------------------------------------------------------------------------------

  private async storedTranslations(conn: Kysely<Database> | Trx, municipalityId: number, def: Definition, lang: string, reviewedOnly = false): Promise<StoredTranslation[]> {
    const questions = allQuestions(def);
    return listTranslations(conn, municipalityId, lang, {
      questionnaire: [def.questionnaire.id],
      questionnaire_section: def.sections.map((s) => s.id),
      questionnaire_question: questions.map((q) => q.id),
      questionnaire_option: questions.flatMap((q) => [...q.options, ...q.rows, ...q.columns].map((o) => o.id)),
    }, reviewedOnly);
  }

  /** The translations a questionnaire's answering pages lay over its German (see localizeDefinition). */
  async translationsFor(municipalityId: number, def: Definition, lang: string): Promise<StoredTranslation[]> {
    return lang === 'de' ? [] : this.storedTranslations(this.db, municipalityId, def, lang, true);
  }

  /** Every text of the questionnaire with its translation into `lang` and whether that is missing or outdated. */
  async translations(municipalityId: number, id: number, lang: string, loaded?: Definition): Promise<TranslationRow[]> {
    const def = loaded ?? (await this.definition(municipalityId, id));
    const stored = new Map((await this.storedTranslations(this.db, municipalityId, def, lang)).map((t) => [textKey(t), t]));
    return questionnaireTexts(def).map((item) => {
      const t = stored.get(textKey(item));
      return { ...item, text: t?.text ?? '', state: translationState(item, t) };
    });
  }

  /**
   * Saves the translation form. A changed text is stored as made from today's German; an unchanged outdated one
   * stays outdated unless the officer confirmed it still fits; an emptied one is removed.
   */
  async saveTranslations(municipalityId: number, id: number, lang: string, values: FormValues, by: Writer): Promise<number> {
    const rows = await this.translations(municipalityId, id, lang);
    const errors: FieldErrors = {};
    for (const row of rows) {
      const name = translationField(row);
      if ((values[name] ?? '').length > 20000) errors[name] = 'errors.tooLongMax|max=20000';
    }
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
    return this.audit.write(municipalityId, by, { action: 'questionnaire.translate', entityType: 'questionnaire', entityId: id, after: { lang } }, async ({ trx, now }) => {
      let changed = 0;
      for (const row of rows) {
        const name = translationField(row);
        const text = (values[name] ?? '').trim();
        const key = { entityType: row.entityType, entityId: row.entityId, field: row.field, lang };
        if (!text) {
          if (row.state !== 'missing') {
            await deleteTranslation(trx, municipalityId, key);
            changed++;
          }
          continue;
        }
        const confirmed = values[`fits_${name}`] === '1';
        if (text === row.text && !(row.state === 'outdated' && confirmed)) continue;
        await saveTranslation(trx, municipalityId, { ...key, text, sourceHash: sourceHash(row.source) }, now);
        changed++;
      }
      return changed;
    });
  }
}

/** The form field of one text on the translation page. */
export const translationField = (t: { entityType: string; entityId: number; field: string }) => `t_${t.entityType}_${t.entityId}_${t.field}`;

function questionTexts(questions: Question[]): Array<{ entityType: TextEntity; ids: number[] }> {
  return [
    { entityType: 'questionnaire_question', ids: questions.map((q) => q.id) },
    { entityType: 'questionnaire_option', ids: questions.flatMap((q) => [...q.options, ...q.rows, ...q.columns].map((o) => o.id)) },
  ];
}

async function deleteTextsOf(trx: Trx, municipalityId: number, texts: Array<{ entityType: TextEntity; ids: number[] }>): Promise<void> {
  for (const t of texts) await deleteTranslationsOf(trx, municipalityId, t.entityType, t.ids);
}
