// Topics: the officer codes free-text answers into topics and links each topic to the goals and measures of the
// questionnaire's plan that it led to. Every change is one audited write. Residents see a topic's count and links
// (never the answers) once the questionnaire has closed with public results.
import type { Kysely } from 'kysely';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import type { Writer } from '../../platform/module.js';
import { allMeasures, type PlanService, type PlanTree } from '../plan/index.js';
import { allQuestions, isClosedAt, type QuestionnaireHead } from './questionnaire.model.js';
import { findQuestionnaire, loadDefinition } from './questionnaire.repository.js';
import { freeTextIdsOf } from './results.repository.js';
import {
  answersOfTopic,
  assignAnswers,
  deleteLink,
  deleteTopic,
  findTopic,
  topicsByIds,
  findTopicByName,
  goalsWithTopics,
  insertLink,
  insertTopic,
  linksOfTopics,
  listTopics,
  topicsLinkedTo,
  unassignAnswer,
  updateTopic,
  type TopicRow,
} from './topics.repository.js';

export interface TopicInput {
  name: string;
  description: string;
}

/** A goal or measure of the plan, as a topic's link shows it. */
export interface PlanTarget {
  kind: 'goal' | 'measure';
  id: number;
  /** the goal's or measure's number as the plan writes it, if any */
  number: string | null;
  text: string;
  fieldId: number;
  fieldTitle: string;
}

export interface TopicLink extends PlanTarget {
  linkId: number;
}

export interface TopicSummary extends TopicRow {
  links: TopicLink[];
}

export interface TopicDetail extends TopicSummary {
  answers: Array<{ id: number; questionId: number; questionText: string; text: string; submittedOn: string }>;
}

/** A line on a measure's or goal's page: which questionnaire's topic led here, with how many responses. */
export interface TopicMention {
  questionnaire: QuestionnaireHead;
  topicId: number;
  topicName: string;
  responses: number;
  /** may the public see it (closed, results public) */
  isPublic: boolean;
}

/** Every goal and measure of a plan a topic can be linked to ("goal:12", "measure:34"). */
export function planTargets(tree: PlanTree): Map<string, PlanTarget> {
  const targets = new Map<string, PlanTarget>();
  for (const field of tree.fields) {
    for (const goal of field.goals) targets.set(`goal:${goal.id}`, { kind: 'goal', id: goal.id, number: goal.number, text: goal.text, fieldId: field.id, fieldTitle: field.title });
  }
  const fields = new Map(tree.fields.map((f) => [f.id, f]));
  for (const m of allMeasures(tree)) {
    const field = fields.get(m.field_id);
    targets.set(`measure:${m.id}`, { kind: 'measure', id: m.id, number: m.number, text: m.text, fieldId: field?.id ?? 0, fieldTitle: field?.title ?? '' });
  }
  return targets;
}

export class TopicService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly plans: PlanService,
  ) {}

  private async questionnaire(municipalityId: number, questionnaireId: number): Promise<QuestionnaireHead> {
    const q = await findQuestionnaire(this.db, municipalityId, questionnaireId);
    if (!q) throw new NotFoundError('questionnaire');
    return q;
  }

  async targets(municipalityId: number, questionnaireId: number): Promise<Map<string, PlanTarget>> {
    const q = await this.questionnaire(municipalityId, questionnaireId);
    return planTargets(await this.plans.tree(municipalityId, q.planId));
  }

  /** The questionnaire's topics with their counts and links. */
  async list(municipalityId: number, questionnaireId: number): Promise<TopicSummary[]> {
    const [q, topics] = await Promise.all([this.questionnaire(municipalityId, questionnaireId), listTopics(this.db, municipalityId, questionnaireId)]);
    const links = topics.length ? await linksOfTopics(this.db, municipalityId, topics.map((t) => t.id)) : [];
    // the plan is read only for the goals and measures a topic links to
    const targets = links.length ? planTargets(await this.plans.tree(municipalityId, q.planId)) : new Map<string, PlanTarget>();
    return topics.map((t) => ({
      ...t,
      links: links
        .filter((l) => l.topicId === t.id)
        .map((l) => ({ linkId: l.id, target: targets.get(l.goalId ? `goal:${l.goalId}` : `measure:${l.measureId}`) }))
        .filter((l): l is { linkId: number; target: PlanTarget } => !!l.target)
        .map((l) => ({ ...l.target, linkId: l.linkId })),
    }));
  }

  async get(municipalityId: number, questionnaireId: number, topicId: number): Promise<TopicDetail> {
    const topic = (await this.list(municipalityId, questionnaireId)).find((t) => t.id === topicId);
    if (!topic) throw new NotFoundError('topic');
    const def = (await loadDefinition(this.db, municipalityId, questionnaireId))!;
    const questions = new Map(allQuestions(def).map((q) => [q.id, q.text]));
    const answers = (await answersOfTopic(this.db, municipalityId, topicId)).map((a) => ({ ...a, questionText: questions.get(a.questionId) ?? '' }));
    return { ...topic, answers };
  }

  async create(municipalityId: number, questionnaireId: number, input: TopicInput, by: Writer): Promise<number> {
    await this.questionnaire(municipalityId, questionnaireId);
    if (await findTopicByName(this.db, municipalityId, questionnaireId, input.name)) throw new InvalidInputError({ name: 'questionnaires.results.topicExists' });
    return this.audit.write(municipalityId, by, (id: number) => ({ action: 'questionnaire.topic.create', entityType: 'questionnaire_topic', entityId: id, after: input }), ({ trx, now }) =>
      insertTopic(trx, municipalityId, questionnaireId, input, now),
    );
  }

  async update(municipalityId: number, questionnaireId: number, topicId: number, input: TopicInput, by: Writer): Promise<void> {
    const before = await this.topic(municipalityId, questionnaireId, topicId);
    const same = await findTopicByName(this.db, municipalityId, questionnaireId, input.name);
    if (same && same !== topicId) throw new InvalidInputError({ name: 'questionnaires.results.topicExists' });
    await this.audit.write(
      municipalityId, by,
      { action: 'questionnaire.topic.update', entityType: 'questionnaire_topic', entityId: topicId, before: { name: before.name, description: before.description }, after: input },
      ({ trx }) => updateTopic(trx, municipalityId, topicId, input),
    );
  }

  async delete(municipalityId: number, questionnaireId: number, topicId: number, by: Writer): Promise<void> {
    const before = await this.topic(municipalityId, questionnaireId, topicId);
    await this.audit.write(municipalityId, by, { action: 'questionnaire.topic.delete', entityType: 'questionnaire_topic', entityId: topicId, before: { name: before.name } }, ({ trx }) =>
      deleteTopic(trx, municipalityId, topicId),
    );
  }

  private async topic(municipalityId: number, questionnaireId: number, topicId: number): Promise<TopicRow> {
    const t = await findTopic(this.db, municipalityId, questionnaireId, topicId);
    if (!t) throw new NotFoundError('topic');
    return t;
  }

  /**
   * Codes free-text answers of a question into a topic: an existing one, or a new one by name (a name that
   * exists means that topic). Answers of other questions or questionnaires are refused. Returns the topic's id.
   */
  async assign(municipalityId: number, questionnaireId: number, questionId: number, answerIds: number[], target: { topicId: number } | { name: string }, by: Writer): Promise<number> {
    await this.questionnaire(municipalityId, questionnaireId);
    const ids = await freeTextIdsOf(this.db, municipalityId, questionnaireId, questionId, answerIds);
    if (ids.length !== new Set(answerIds).size || ids.length === 0) throw new InvalidInputError({ answer_ids: 'questionnaires.results.chooseAnswers' });
    if ('topicId' in target) await this.topic(municipalityId, questionnaireId, target.topicId);
    const existing = 'name' in target ? await findTopicByName(this.db, municipalityId, questionnaireId, target.name) : target.topicId;
    return this.audit.write(
      municipalityId, by,
      (topicId: number) => ({ action: 'questionnaire.topic.assign', entityType: 'questionnaire_topic', entityId: topicId, after: { answerIds: ids, ...('name' in target ? { name: target.name } : {}) } }),
      async ({ trx, now }) => {
        const topicId = existing ?? (await insertTopic(trx, municipalityId, questionnaireId, { name: 'name' in target ? target.name : '', description: '' }, now));
        await assignAnswers(trx, municipalityId, topicId, ids);
        return topicId;
      },
    );
  }

  async unassign(municipalityId: number, questionnaireId: number, topicId: number, answerId: number, by: Writer): Promise<void> {
    await this.topic(municipalityId, questionnaireId, topicId);
    await this.audit.write(municipalityId, by, { action: 'questionnaire.topic.unassign', entityType: 'questionnaire_topic', entityId: topicId, before: { answerId } }, async ({ trx }) => {
      if ((await unassignAnswer(trx, municipalityId, topicId, answerId)) === 0) throw new NotFoundError('answer of topic');
    });
  }

  /** Links a topic to a goal or measure of the questionnaire's plan ("goal:12" / "measure:34"). */
  async link(municipalityId: number, questionnaireId: number, topicId: number, targetKey: string, by: Writer): Promise<void> {
    await this.topic(municipalityId, questionnaireId, topicId);
    const target = (await this.targets(municipalityId, questionnaireId)).get(targetKey);
    if (!target) throw new InvalidInputError({ target: 'questionnaires.results.chooseTarget' });
    await this.audit.write(municipalityId, by, { action: 'questionnaire.topic.link', entityType: 'questionnaire_topic', entityId: topicId, after: { [target.kind]: target.id } }, ({ trx }) =>
      insertLink(trx, municipalityId, topicId, target.kind === 'goal' ? { goalId: target.id } : { measureId: target.id }),
    );
  }

  async unlink(municipalityId: number, questionnaireId: number, topicId: number, linkId: number, by: Writer): Promise<void> {
    await this.topic(municipalityId, questionnaireId, topicId);
    await this.audit.write(municipalityId, by, { action: 'questionnaire.topic.unlink', entityType: 'questionnaire_topic', entityId: topicId, before: { linkId } }, async ({ trx }) => {
      if ((await deleteLink(trx, municipalityId, topicId, linkId)) === 0) throw new NotFoundError('topic link');
    });
  }

  /** The topics that led to a measure or goal, each with its questionnaire and count; `isPublic` says who may see it. */
  /** The goals any topic is linked to: a field's page asks once, then only for those. */
  goalsWithTopics(municipalityId: number): Promise<Set<number>> {
    return goalsWithTopics(this.db, municipalityId);
  }

  async mentions(municipalityId: number, target: { goalId: number } | { measureId: number }): Promise<TopicMention[]> {
    const linked = await topicsLinkedTo(this.db, municipalityId, target);
    if (linked.length === 0) return [];
    const now = this.clock();
    const topics = await topicsByIds(this.db, municipalityId, linked.map((l) => l.topicId));
    const heads = new Map<number, QuestionnaireHead | undefined>();
    for (const id of new Set(linked.map((l) => l.questionnaireId))) heads.set(id, await findQuestionnaire(this.db, municipalityId, id));
    const out: TopicMention[] = [];
    for (const l of linked) {
      const questionnaire = heads.get(l.questionnaireId);
      const topic = topics.get(l.topicId);
      if (!questionnaire || !topic) continue;
      out.push({ questionnaire, topicId: l.topicId, topicName: l.topicName, responses: topic.responses, isPublic: questionnaire.resultsPublic && isClosedAt(questionnaire, now) });
    }
    return out;
  }
}
