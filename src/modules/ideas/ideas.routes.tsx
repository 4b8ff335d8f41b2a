// The routes of residents' comments and ideas: the public pages and forms (honeypot, a limit per client), the
// report button, the e-mail confirmation link, and the moderators' queue and settings (ideas.moderate). Every
// query names the request's municipality: a moderator of another one finds nothing (404).
import { Hono } from 'hono';
import { clientAddress, TrustedProxies } from '../../platform/auth/client.address.js';
import type { AppEnv } from '../../platform/http/env.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import type { FormState } from '../../platform/views/page.js';
import { ideasPaths as paths, SUBJECT_WORDS } from './ideas.paths.js';
import { answerSchema, commentSchema, hideSchema, ideaSchema, linkSchema, draftMeasureSchema, settingsSchema } from './ideas.schema.js';
import type { SubjectType } from './ideas.service.js';
import { CommentsPage, FieldIdeasPage, IdeaPage, IdeasPage, QueuePage, SettingsPage } from './ideas.view.js';
import { planPaths } from '../plan/index.js';

const TYPE_OF: Record<string, SubjectType> = Object.fromEntries(Object.entries(SUBJECT_WORDS).map(([type, word]) => [word, type as SubjectType]));

export function ideasRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;
  const ideas = services.ideas;
  const proxies = new TrustedProxies(context.config.trustedProxies);
  // Comments and ideas a client may send per hour, and reports: the platform's limit, kept in the database.
  const LIMIT = { perClient: 5, windowMinutes: 60 };
  const REPORT_LIMIT = { perClient: 10, windowMinutes: 60 };
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const empty: FormState = { values: {}, errors: {} };

  /** Checks, limits and keeps a comment or idea; the answer is the flash message or the form again. */
  async function submit(c: Ctx, kind: 'comment' | 'idea', subject: Awaited<ReturnType<typeof ideas.publicSubject>>, show: (form: FormState, status: 400 | 429) => Promise<Response>, back: string) {
    const values = await readForm(c);
    const v = validate(kind === 'idea' ? ideaSchema : commentSchema, values);
    if (!v.ok) return show(v.form, 400);
    if (!(await services.auth.hitRateLimit(`ideas:client:${clientAddress(c, proxies)}`, LIMIT.perClient, LIMIT.windowMinutes))) return show({ values, errors: { _form: 'ideas.errors.tooMany' } }, 429);
    const result = await ideas.submit(mid(c), kind, subject, v.data, c.get('lang'));
    if (result.kind === 'blocked') return show({ values, errors: { body: 'ideas.errors.blocked' } }, 400);
    const t = c.get('t');
    const state = result.kind === 'kept' ? result.state : (await ideas.settings(mid(c))).moderation === 'post' ? 'published' : 'pending';
    const confirm = result.kind === 'kept' ? result.confirm : v.data.email !== '';
    return redirectWithFlash(c, back, [t(`ideas.flash.${state}`), confirm ? t('ideas.flash.confirm') : ''].filter(Boolean).join(' '));
  }

  // ---- public --------------------------------------------------------------------------------------------
  // One pattern per subject word ("massnahme", "ziel", "handlungsfeld"), so the other addresses under /mitreden stay free.
  const commentsGet = async (c: Ctx) => {
    const { subject: word, id } = paths.commentsRoute.params(c);
    const subject = await ideas.publicSubject(mid(c), TYPE_OF[word], id);
    const settings = await ideas.settings(mid(c));
    return render(c, <CommentsPage ctx={pageContext(c)} subject={subject} comments={await ideas.publishedOn(mid(c), 'comment', subject.type, subject.id)} form={empty} retentionDays={settings.emailRetentionDays} moderation={settings.moderation} />);
  };
  const commentsPost = async (c: Ctx) => {
    const { subject: word, id } = paths.commentsRoute.params(c);
    const subject = await ideas.publicSubject(mid(c), TYPE_OF[word], id);
    const settings = await ideas.settings(mid(c));
    const comments = await ideas.publishedOn(mid(c), 'comment', subject.type, subject.id);
    return submit(c, 'comment', subject, (form, status) => render(c, <CommentsPage ctx={pageContext(c)} subject={subject} comments={comments} form={form} retentionDays={settings.emailRetentionDays} moderation={settings.moderation} />, status), paths.comments(slugOf(c), subject.type, subject.id));
  };
  for (const pattern of paths.commentsRoute.patterns) {
    app.get(pattern, commentsGet);
    app.post(pattern, commentsPost);
  }

  app.get(paths.ideas.pattern, async (c) => {
    const plan = await services.plans.findCurrentPublishedPlan(mid(c));
    const tree = plan ? await services.plans.tree(mid(c), plan.id) : null;
    const counts = await ideas.publishedIdeaCounts(mid(c), tree?.fields.map((f) => f.id) ?? []);
    return render(c, <IdeasPage ctx={pageContext(c)} fields={(tree?.fields ?? []).map((f) => ({ id: f.id, title: f.title, ideas: counts.get(f.id) ?? 0 }))} />);
  });
  const fieldPage = async (c: Ctx, form: FormState, status: 200 | 400 | 429) => {
    const field = await ideas.publicSubject(mid(c), 'field', paths.fieldIdeas.params(c).id);
    const settings = await ideas.settings(mid(c));
    return render(c, <FieldIdeasPage ctx={pageContext(c)} field={field} ideas={await ideas.publishedOn(mid(c), 'idea', 'field', field.id)} form={form} retentionDays={settings.emailRetentionDays} moderation={settings.moderation} />, status);
  };
  app.get(paths.fieldIdeas.pattern, (c) => fieldPage(c, empty, 200));
  app.post(paths.fieldIdeas.pattern, async (c) => {
    const field = await ideas.publicSubject(mid(c), 'field', paths.fieldIdeas.params(c).id);
    return submit(c, 'idea', field, (form, status) => fieldPage(c, form, status), paths.fieldIdeas(slugOf(c), field.id));
  });
  app.get(paths.idea.pattern, async (c) => {
    const { idea, field, measure, preparing } = await ideas.publicIdea(mid(c), paths.idea.params(c).id);
    return render(c, <IdeaPage ctx={pageContext(c)} idea={idea} field={field} measure={measure} preparing={preparing} />);
  });

  app.post(paths.report.pattern, async (c) => {
    const { id } = paths.report.params(c);
    const post = await ideas.get(mid(c), id);
    const back = post.kind === 'idea' ? paths.fieldIdeas(slugOf(c), post.subject_id) : paths.comments(slugOf(c), post.subject_type, post.subject_id);
    const t = c.get('t');
    if (!(await services.auth.hitRateLimit(`ideas-report:client:${clientAddress(c, proxies)}`, REPORT_LIMIT.perClient, REPORT_LIMIT.windowMinutes))) return redirectWithFlash(c, back, t('ideas.errors.tooMany'));
    if (post.state === 'published') await ideas.report(mid(c), id);
    else if (post.state !== 'pending') throw new NotFoundError('resident_post');
    return redirectWithFlash(c, back, t('ideas.flash.reported'));
  });

  app.get(paths.confirm.pattern, async (c) => {
    const ok = await ideas.confirmEmail(mid(c), paths.confirm.params(c).token);
    if (!ok) throw new NotFoundError('confirmation');
    return redirectWithFlash(c, paths.ideas(slugOf(c)), c.get('t')('ideas.flash.emailConfirmed'));
  });

  // ---- the moderators -------------------------------------------------------------------------------------
  const queuePage = async (c: Ctx, status: 200 | 400 = 200) => {
    c.header('cache-control', 'no-store');
    const [q, targets] = await Promise.all([ideas.queue(mid(c)), ideas.draftTargets(mid(c))]);
    return render(c, <QueuePage ctx={pageContext(c)} waiting={q.waiting} recent={q.recent} targets={targets} />, status);
  };
  app.get(paths.adminQueue.pattern, (c) => {
    requirePermission(c, 'ideas.moderate');
    return queuePage(c);
  });
  const back = (c: Ctx, message: string) => redirectWithFlash(c, paths.adminQueue(slugOf(c)), c.get('t')(message));
  app.post(paths.adminApprove.pattern, async (c) => {
    const by = requirePermission(c, 'ideas.moderate');
    await ideas.approve(mid(c), paths.adminApprove.params(c).id, by);
    return back(c, 'ideas.flash.approved');
  });
  app.post(paths.adminHide.pattern, async (c) => {
    const by = requirePermission(c, 'ideas.moderate');
    const { id } = paths.adminHide.params(c);
    await ideas.get(mid(c), id);
    const v = validate(hideSchema, await readForm(c));
    if (!v.ok) return back(c, 'ideas.errors.reasonRequired');
    await ideas.hide(mid(c), id, v.data.reason, by);
    return back(c, 'ideas.flash.hidden');
  });
  app.post(paths.adminAnswer.pattern, async (c) => {
    const by = requirePermission(c, 'ideas.moderate');
    const { id } = paths.adminAnswer.params(c);
    await ideas.get(mid(c), id);
    const v = validate(answerSchema, await readForm(c));
    if (!v.ok) return back(c, 'ideas.errors.answerRequired');
    await ideas.answer(mid(c), id, v.data.answer, by);
    return back(c, 'ideas.flash.answered');
  });
  app.post(paths.adminToMeasure.pattern, async (c) => {
    const by = requirePermission(c, 'ideas.moderate');
    requirePermission(c, 'plan.edit');
    const { id } = paths.adminToMeasure.params(c);
    await ideas.get(mid(c), id);
    const v = validate(draftMeasureSchema, await readForm(c));
    if (!v.ok) return back(c, 'ideas.errors.notInPreparation');
    let measureId: number;
    try {
      measureId = await ideas.toDraftMeasure(mid(c), id, v.data.field_id, by);
    } catch (e) {
      if (e instanceof InvalidInputError || e instanceof NotFoundError) return back(c, 'ideas.errors.notInPreparation');
      throw e;
    }
    return redirectWithFlash(c, planPaths.adminMeasure(slugOf(c), measureId), c.get('t')('ideas.flash.measureCreated'));
  });
  app.post(paths.adminAttach.pattern, async (c) => {
    const by = requirePermission(c, 'ideas.moderate');
    const { id } = paths.adminAttach.params(c);
    await ideas.get(mid(c), id);
    const v = validate(linkSchema, await readForm(c));
    if (!v.ok) return back(c, 'ideas.errors.measureRequired');
    try {
      await ideas.attachToMeasure(mid(c), id, v.data.measure_number, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return back(c, 'ideas.errors.measureUnknown');
      throw e;
    }
    return back(c, 'ideas.flash.attached');
  });

  const settingsPage = (c: Ctx, form: FormState, status: 200 | 400) => render(c, <SettingsPage ctx={pageContext(c)} form={form} />, status);
  app.get(paths.adminSettings.pattern, async (c) => {
    requirePermission(c, 'ideas.moderate');
    const s = await ideas.settings(mid(c));
    return settingsPage(c, { values: { moderation: s.moderation, blocked_words: s.blockedWords.join('\n'), email_retention_days: String(s.emailRetentionDays) }, errors: {} }, 200);
  });
  app.post(paths.adminSettings.pattern, async (c) => {
    const by = requirePermission(c, 'ideas.moderate');
    const values = await readForm(c);
    const v = validate(settingsSchema, values);
    if (!v.ok) return settingsPage(c, v.form, 400);
    await ideas.saveSettings(mid(c), v.data, by);
    return redirectWithFlash(c, paths.adminQueue(slugOf(c)), c.get('t')('ideas.flash.settingsSaved'));
  });

  return app;
}
