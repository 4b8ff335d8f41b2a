// The questionnaire's core use cases: read a definition, make a whole questionnaire from a spec (demo data,
// tests, copies), and store a response. The builder, the answering and the results add their own services.
import type { Kysely } from 'kysely';
import type { AuditedWrites, Trx } from '../../platform/audit/audited.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { Writer } from '../../platform/module.js';
import { type Access, type Answers, type Definition, type Demographic, type QuestionConfig, type QuestionnaireHead, type QuestionnaireState, type QuestionType } from './questionnaire.model.js';
import {
  countResponses,
  findQuestionnaire,
  insertOption,
  insertPrivacy,
  insertQuestion,
  insertQuestionnaire,
  insertSection,
  listQuestionnaires,
  loadDefinition,
} from './questionnaire.repository.js';
import { ResponseWriter } from './response.writer.js';

/** A condition in a spec: the key of an earlier question and the labels of its options. */
export interface SpecCondition {
  question: string;
  options: string[];
}

export interface QuestionSpec {
  /** A name other questions' conditions refer to. */
  key?: string;
  type: QuestionType;
  text: string;
  help?: string;
  required?: boolean;
  demographic?: Demographic;
  config?: QuestionConfig;
  condition?: SpecCondition;
  options?: Array<string | { label: string; other?: boolean }>;
  rows?: string[];
  columns?: string[];
}

export interface SectionSpec {
  title: string;
  description?: string;
  fieldId?: number | null;
  condition?: SpecCondition;
  questions: QuestionSpec[];
}

export interface QuestionnaireSpec {
  title: string;
  welcome?: string;
  thanks?: string;
  state?: QuestionnaireState;
  opensAt?: string | null;
  closesAt?: string | null;
  access?: Access;
  resultsPublic?: boolean;
  isDemo?: boolean;
  privacy?: string;
  sections: SectionSpec[];
}

export interface SubmitInput {
  answers: Answers;
  source: 'online' | 'paper';
  privacyVersion: number | null;
  lang: string;
  submissionKey: string;
  isDemo?: boolean;
  /** The day it counts for (default: today in Europe/Berlin). */
  day?: string;
  /**
   * The walk the answers come from: its saved draft (if any) deleted in the response's transaction, and its
   * access code (if any) marked used there, so that nothing is left that ties the response to the code.
   */
  draft?: { id: number | null; codeId: number | null };
}

export { CodeUsedError } from './response.writer.js';

export class QuestionnaireService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    /** On a SQLite file, the writer commits in a thread of its own on this file. */
    sqliteFile?: string,
  ) {
    this.writer = new ResponseWriter(db, clock, { sqliteFile });
  }

  /** Queues submits and commits them in batches; its stats tell how many batches a burst took. */
  readonly writer: ResponseWriter;

  get(municipalityId: number, id: number): Promise<QuestionnaireHead | undefined> {
    return findQuestionnaire(this.db, municipalityId, id);
  }

  list(municipalityId: number, filter: { states?: QuestionnaireState[]; planId?: number } = {}): Promise<QuestionnaireHead[]> {
    return listQuestionnaires(this.db, municipalityId, filter);
  }

  definition(municipalityId: number, id: number, conn?: Trx): Promise<Definition | undefined> {
    return loadDefinition(conn ?? this.db, municipalityId, id);
  }

  responses(municipalityId: number, id: number): Promise<number> {
    return countResponses(this.db, municipalityId, id);
  }

  /** Makes a whole questionnaire from a spec in one write (demo data, tests, copies). */
  async createFromSpec(municipalityId: number, planId: number, spec: QuestionnaireSpec, by: Writer, outer?: Trx): Promise<number> {
    return this.audit.write(
      municipalityId,
      by,
      (id: number) => ({ action: 'questionnaire.create', entityType: 'questionnaire', entityId: id, after: { title: spec.title } }),
      async ({ trx, now }) => {
        const id = await insertQuestionnaire(trx, {
          municipality_id: municipalityId,
          plan_id: planId,
          title: spec.title,
          welcome: spec.welcome ?? '',
          thanks: spec.thanks ?? '',
          state: spec.state ?? 'draft',
          opens_at: spec.opensAt ?? null,
          closes_at: spec.closesAt ?? null,
          access: spec.access ?? 'open',
          results_public: spec.resultsPublic === false ? 0 : 1,
          is_demo: spec.isDemo ? 1 : 0,
          copied_from_id: null,
          published_at: spec.state && spec.state !== 'draft' ? now : null,
          closed_at: spec.state === 'closed' ? now : null,
          created_at: now,
          updated_at: now,
        });
        if (spec.privacy) await insertPrivacy(trx, municipalityId, id, spec.privacy, now);
        const questions = new Map<string, { id: number; options: Map<string, number> }>();
        const resolve = (c: SpecCondition | undefined): string | null => {
          if (!c) return null;
          const q = questions.get(c.question);
          if (!q) throw new Error(`condition refers to an unknown or later question: ${c.question}`);
          const optionIds = c.options.map((label) => {
            const o = q.options.get(label);
            if (o === undefined) throw new Error(`condition refers to an unknown option: ${label}`);
            return o;
          });
          return JSON.stringify({ questionId: q.id, optionIds });
        };
        for (const [si, section] of spec.sections.entries()) {
          const sectionId = await insertSection(trx, {
            municipality_id: municipalityId,
            questionnaire_id: id,
            position: si + 1,
            title: section.title,
            description: section.description ?? '',
            field_id: section.fieldId ?? null,
            condition_json: resolve(section.condition),
          });
          for (const [qi, question] of section.questions.entries()) {
            const questionId = await insertQuestion(trx, {
              municipality_id: municipalityId,
              questionnaire_id: id,
              section_id: sectionId,
              position: qi + 1,
              type: question.type,
              text: question.text,
              help: question.help ?? '',
              required: question.required && !question.demographic ? 1 : 0,
              demographic: question.demographic ?? null,
              config_json: JSON.stringify(question.config ?? {}),
              condition_json: resolve(question.condition),
            });
            const options = new Map<string, number>();
            const add = async (role: 'option' | 'row' | 'column', list: Array<string | { label: string; other?: boolean }> | undefined) => {
              for (const [oi, o] of (list ?? []).entries()) {
                const label = typeof o === 'string' ? o : o.label;
                const optionId = await insertOption(trx, {
                  municipality_id: municipalityId,
                  question_id: questionId,
                  role,
                  position: oi + 1,
                  label,
                  is_other: typeof o === 'object' && o.other ? 1 : 0,
                });
                options.set(role === 'option' ? label : `${role}:${label}`, optionId);
              }
            };
            await add('option', question.options);
            await add('row', question.rows);
            await add('column', question.columns);
            if (question.key) questions.set(question.key, { id: questionId, options });
          }
        }
        return id;
      },
      outer,
    );
  }

  /**
   * Stores one response, once: a second submit with the same key finds the first and stores nothing.
   * Returns the response's id and whether it was a repeat. Concurrent submits are committed together (group
   * commit, response.writer.ts); the promise resolves only once this response is on disk.
   */
  submit(municipalityId: number, questionnaireId: number, input: SubmitInput): Promise<{ responseId: number; duplicate: boolean }> {
    return this.writer.write(municipalityId, questionnaireId, input);
  }
}
