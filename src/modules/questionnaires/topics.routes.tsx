// Coding free text: a question's free-text answers (filter, assign to a topic, remove from one), the
// questionnaire's topics (list, new) and one topic (rename, link to goals and measures, remove answers, delete
// after confirming).
// Each state change: CSRF (app), permission, validation (400 with the page again, nothing written), service,
// redirect with a message.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { idParam, readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import { ConfirmDeletePage } from '../../platform/views/entity-form.view.js';
import { emptyForm, type FormState } from '../../platform/views/page.js';
import { allQuestions } from './questionnaire.model.js';
import { paths } from './questionnaires.paths.js';
import { hasFreeText } from './results.model.js';
import { assignSchema, linkSchema, topicSchema } from './results.schema.js';
import type { FreeTextFilter } from './results.service.js';
import { FreeTextPage, TopicPage, TopicsPage } from './topics.view.js';

const key = (k: string) => `questionnaires.results.${k}`;

/** A refused write's field errors, or the error itself when it is not one. */
function refusal(e: unknown): FormState['errors'] {
  if (e instanceof InvalidInputError) return e.errors;
  throw e;
}

export function topicsRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const topics = services.questionnaireTopics;

  function filterOf(c: Ctx): FreeTextFilter {
    const topic = c.req.query('thema');
    const topicId = topic ? idParam(topic) : null;
    if (topic && topicId === null) throw new NotFoundError('topic');
    return { search: (c.req.query('suche') ?? '').slice(0, 200), uncoded: c.req.query('ohne-thema') === '1', topicId };
  }

  async function freeTextPage(c: Ctx, form: FormState, status: 200 | 400) {
    const { id, questionId } = paths.adminFreeText.params(c);
    const filter = filterOf(c);
    const view = await services.questionnaireResults.freeTexts(mid(c), id, questionId, filter);
    if (filter.topicId && !view.topics.some((tp) => tp.id === filter.topicId)) throw new NotFoundError('topic');
    return render(c, <FreeTextPage ctx={pageContext(c)} vm={{ view, filter, form }} />, status);
  }

  app.get(paths.adminFreeText.pattern, (c) => {
    requirePermission(c, 'questionnaires.manage');
    return freeTextPage(c, emptyForm(), 200);
  });

  app.post(paths.adminFreeText.pattern, async (c) => {
    const by = requirePermission(c, 'questionnaires.manage');
    const { id, questionId } = paths.adminFreeText.params(c);
    const t = c.get('t');
    await services.questionnaireResults.freeTexts(mid(c), id, questionId);
    const back = paths.adminFreeText(slugOf(c), id, questionId);
    const values = await readForm(c);
    if (values.action === 'remove') {
      const answerId = idParam(values.answer_id);
      const topicId = idParam(values.topic_id);
      if (answerId === null || topicId === null) throw new NotFoundError('answer of topic');
      await topics.unassign(mid(c), id, topicId, answerId, by);
      return redirectWithFlash(c, back, t(key('freeText.removed')));
    }
    const v = validate(assignSchema, values);
    if (!v.ok) return freeTextPage(c, v.form, 400);
    try {
      const target = v.data.topic_id !== null ? { topicId: v.data.topic_id } : { name: v.data.name };
      const topicId = await topics.assign(mid(c), id, questionId, v.data.answer_ids, target, by);
      const topic = (await topics.list(mid(c), id)).find((tp) => tp.id === topicId);
      return redirectWithFlash(c, back, t(key('freeText.assigned'), { count: v.data.answer_ids.length, topic: topic?.name ?? '' }));
    } catch (e) {
      return freeTextPage(c, { values, errors: refusal(e) }, 400);
    }
  });

  async function topicsPage(c: Ctx, form: FormState, status: 200 | 400) {
    const id = paths.adminTopics.params(c).id;
    const def = await services.questionnaires.definition(mid(c), id);
    if (!def) throw new NotFoundError('questionnaire');
    const vm = {
      questionnaire: def.questionnaire,
      topics: await topics.list(mid(c), id),
      freeTextQuestions: allQuestions(def).filter(hasFreeText).map((q) => ({ id: q.id, text: q.text })),
      form,
    };
    return render(c, <TopicsPage ctx={pageContext(c)} vm={vm} />, status);
  }

  app.get(paths.adminTopics.pattern, (c) => {
    requirePermission(c, 'questionnaires.manage');
    return topicsPage(c, emptyForm(), 200);
  });

  app.post(paths.adminTopics.pattern, async (c) => {
    const by = requirePermission(c, 'questionnaires.manage');
    const id = paths.adminTopics.params(c).id;
    if (!(await services.questionnaires.get(mid(c), id))) throw new NotFoundError('questionnaire');
    const values = await readForm(c);
    const v = validate(topicSchema, values);
    if (!v.ok) return topicsPage(c, v.form, 400);
    try {
      const topicId = await topics.create(mid(c), id, v.data, by);
      return redirectWithFlash(c, paths.adminTopic(slugOf(c), id, topicId), c.get('t')(key('topics.created')));
    } catch (e) {
      return topicsPage(c, { values, errors: refusal(e) }, 400);
    }
  });

  async function topicPage(c: Ctx, forms: { form?: FormState; linkForm?: FormState }, status: 200 | 400) {
    const { id, topicId } = paths.adminTopic.params(c);
    const questionnaire = await services.questionnaires.get(mid(c), id);
    if (!questionnaire) throw new NotFoundError('questionnaire');
    const topic = await topics.get(mid(c), id, topicId);
    const vm = {
      questionnaire, topic,
      targets: [...(await topics.targets(mid(c), id)).values()],
      form: forms.form ?? emptyForm({ name: topic.name, description: topic.description }),
      linkForm: forms.linkForm ?? emptyForm(),
    };
    return render(c, <TopicPage ctx={pageContext(c)} vm={vm} />, status);
  }

  app.get(paths.adminTopic.pattern, (c) => {
    requirePermission(c, 'questionnaires.manage');
    return topicPage(c, {}, 200);
  });

  app.post(paths.adminTopic.pattern, async (c) => {
    const by = requirePermission(c, 'questionnaires.manage');
    const { id, topicId } = paths.adminTopic.params(c);
    const t = c.get('t');
    await topics.get(mid(c), id, topicId);
    const here = paths.adminTopic(slugOf(c), id, topicId);
    const values = await readForm(c);
    switch (values.action) {
      case 'link': {
        const v = validate(linkSchema, values);
        if (!v.ok) return topicPage(c, { linkForm: v.form }, 400);
        try {
          await topics.link(mid(c), id, topicId, v.data.target, by);
        } catch (e) {
          return topicPage(c, { linkForm: { values, errors: refusal(e) } }, 400);
        }
        return redirectWithFlash(c, here, t(key('topic.linked')));
      }
      case 'unlink': {
        const linkId = idParam(values.link_id);
        if (linkId === null) throw new NotFoundError('topic link');
        await topics.unlink(mid(c), id, topicId, linkId, by);
        return redirectWithFlash(c, here, t(key('topic.unlinked')));
      }
      case 'remove': {
        const answerId = idParam(values.answer_id);
        if (answerId === null) throw new NotFoundError('answer of topic');
        await topics.unassign(mid(c), id, topicId, answerId, by);
        return redirectWithFlash(c, here, t(key('freeText.removed')));
      }
      default: {
        const v = validate(topicSchema, values);
        if (!v.ok) return topicPage(c, { form: v.form }, 400);
        try {
          await topics.update(mid(c), id, topicId, v.data, by);
        } catch (e) {
          return topicPage(c, { form: { values, errors: refusal(e) } }, 400);
        }
        return redirectWithFlash(c, here, t(key('topic.saved')));
      }
    }
  });

  // Deleting a topic undoes its coding: it is confirmed on a page of its own.
  async function topicToDelete(c: Ctx) {
    const { id, topicId } = paths.adminTopicDelete.params(c);
    const questionnaire = await services.questionnaires.get(mid(c), id);
    if (!questionnaire) throw new NotFoundError('questionnaire');
    return { questionnaire, topic: await topics.get(mid(c), id, topicId) };
  }

  app.get(paths.adminTopicDelete.pattern, async (c) => {
    requirePermission(c, 'questionnaires.manage');
    const { questionnaire: q, topic } = await topicToDelete(c);
    const t = c.get('t');
    const slug = slugOf(c);
    return render(
      c,
      <ConfirmDeletePage
        ctx={pageContext(c)}
        title={t(key('topic.delete'))}
        crumbs={[
          { href: paths.adminResults(slug, q.id), label: t(key('title')) },
          { href: paths.adminTopics(slug, q.id), label: t(key('topics.title')) },
          { href: paths.adminTopic(slug, q.id, topic.id), label: topic.name },
        ]}
        what={topic.name}
        action={paths.adminTopicDelete(slug, q.id, topic.id)}
        cancelHref={paths.adminTopic(slug, q.id, topic.id)}
        consequence={t(key('topic.deleteConsequence'))}
      />,
    );
  });

  app.post(paths.adminTopicDelete.pattern, async (c) => {
    const by = requirePermission(c, 'questionnaires.manage');
    const { questionnaire: q, topic } = await topicToDelete(c);
    await topics.delete(mid(c), q.id, topic.id, by);
    return redirectWithFlash(c, paths.adminTopics(slugOf(c), q.id), c.get('t')(key('topic.deleted')));
  });

  return app;
}
