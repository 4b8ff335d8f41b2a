// The results of a questionnaire: its figures (all responses or a demographic group's, small groups withheld),
// the free-text answers of a question as the officer filters them, and the rows the exports are made from.
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { allQuestions, isClosedAt, type Definition, type QOption, type Question } from './questionnaire.model.js';
import { loadDefinition } from './questionnaire.repository.js';
import { computeResults, demographicGroups, findGroup, hasFreeText, responsesInGroup, type Results, type ResponseRow, type StoredAnswer } from './results.model.js';
import { listAnswers, listFreeTexts, listResponses } from './results.repository.js';
import { listTopics, topicsOfAnswers, type TopicRow } from './topics.repository.js';

export interface GroupChoice {
  question: Question;
  groups: Array<{ option: QOption; size: number }>;
}

export interface ResultsView {
  def: Definition;
  results: Results;
  /** the demographic questions a result can be filtered by */
  groupChoices: GroupChoice[];
  /** the group shown, if one was asked for */
  group: { question: Question; option: QOption; size: number } | null;
}

export interface FreeTextFilter {
  search?: string;
  uncoded?: boolean;
  topicId?: number | null;
}

export interface FreeTextView {
  def: Definition;
  question: Question;
  topics: TopicRow[];
  /** all free-text answers of the question */
  total: number;
  answers: Array<{ id: number; text: string; submittedOn: string; source: string; topicIds: number[] }>;
}

export interface ExportData {
  def: Definition;
  responses: ResponseRow[];
  answers: StoredAnswer[];
}

export class ResultsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  private async definition(municipalityId: number, questionnaireId: number): Promise<Definition> {
    const def = await loadDefinition(this.db, municipalityId, questionnaireId);
    if (!def) throw new NotFoundError('questionnaire');
    return def;
  }

  /** The definition and every stored row of a questionnaire (for the exports). */
  async exportData(municipalityId: number, questionnaireId: number): Promise<ExportData> {
    // the definition and the rows side by side: rows of an unknown questionnaire are none, and are not used
    const [def, responses, answers] = await Promise.all([
      this.definition(municipalityId, questionnaireId),
      listResponses(this.db, municipalityId, questionnaireId),
      listAnswers(this.db, municipalityId, questionnaireId),
    ]);
    return { def, responses, answers };
  }

  /**
   * The figures for the officer (`suppressSmall` only for a group) or the public (always withheld where small).
   * `groupOptionId`: an option of a demographic question; another id is unknown.
   */
  async results(municipalityId: number, questionnaireId: number, options: { groupOptionId?: number | null; audience: 'admin' | 'public' }): Promise<ResultsView> {
    return this.resultsOf(await this.exportData(municipalityId, questionnaireId), options);
  }

  private resultsOf({ def, responses, answers }: ExportData, options: { groupOptionId?: number | null; audience: 'admin' | 'public' }): ResultsView {
    const groupChoices = demographicGroups(def, answers);
    let shown = responses;
    let group: ResultsView['group'] = null;
    if (options.groupOptionId) {
      const found = findGroup(def, options.groupOptionId);
      if (!found) throw new NotFoundError('group');
      const members = responsesInGroup(answers, found.option.id);
      shown = responses.filter((r) => members.has(r.id));
      group = { ...found, size: shown.length };
    }
    const results = computeResults(def, shown, answers, { suppressSmall: options.audience === 'public' || group !== null });
    return { def, results, groupChoices, group };
  }

  /** The public results exist once the questionnaire has closed and only if its results are public. */
  async publicResults(municipalityId: number, questionnaireId: number, groupOptionId: number | null): Promise<ResultsView> {
    const data = await this.exportData(municipalityId, questionnaireId);
    if (!this.isPublic(data.def)) throw new NotFoundError('questionnaire results');
    return this.resultsOf(data, { groupOptionId, audience: 'public' });
  }

  isPublic(def: Definition): boolean {
    return def.questionnaire.resultsPublic && isClosedAt(def.questionnaire, this.clock());
  }

  /** The free-text answers of a question, filtered by words, by "not yet coded" and by topic. */
  async freeTexts(municipalityId: number, questionnaireId: number, questionId: number, filter: FreeTextFilter = {}): Promise<FreeTextView> {
    const def = await this.definition(municipalityId, questionnaireId);
    const question = allQuestions(def).find((q) => q.id === questionId);
    if (!question || !hasFreeText(question)) throw new NotFoundError('question');
    const [rows, topics] = await Promise.all([listFreeTexts(this.db, municipalityId, questionnaireId, questionId), listTopics(this.db, municipalityId, questionnaireId)]);
    const coded = await topicsOfAnswers(this.db, municipalityId, rows.map((r) => r.id));
    const topicsOf = new Map<number, number[]>();
    for (const c of coded) topicsOf.set(c.answerId, [...(topicsOf.get(c.answerId) ?? []), c.topicId]);
    const words = (filter.search ?? '').trim().toLocaleLowerCase('de').split(/\s+/).filter(Boolean);
    const answers = rows
      .map((r) => ({ id: r.id, text: r.text, submittedOn: r.submittedOn, source: r.source, topicIds: topicsOf.get(r.id) ?? [] }))
      .filter((a) => words.every((w) => a.text.toLocaleLowerCase('de').includes(w)))
      .filter((a) => !filter.uncoded || a.topicIds.length === 0)
      .filter((a) => !filter.topicId || a.topicIds.includes(filter.topicId));
    return { def, question, topics, total: rows.length, answers };
  }
}
