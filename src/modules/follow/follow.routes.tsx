// The routes of following: the public form per subject (honeypot, the platform's limit per client), the personal
// links from the mails (one click on the link unsubscribes at once), and the officer's counts.
import { Hono } from 'hono';
import { clientAddress, TrustedProxies } from '../../platform/auth/client.address.js';
import type { AppEnv } from '../../platform/http/env.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import type { FormState } from '../../platform/views/page.js';
import type { SubjectType } from './follow.model.js';
import { paths, SUBJECT_WORDS } from './follow.paths.js';
import { followSchema } from './follow.schema.js';
import { AdminFollowPage, FollowPage, MessagePage, subjectName } from './follow.view.js';

const TYPE_OF_WORD = Object.fromEntries(Object.entries(SUBJECT_WORDS).map(([type, word]) => [word, type])) as Record<string, SubjectType>;

export function followRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;
  const follow = services.follow;
  const proxies = new TrustedProxies(context.config.trustedProxies);
  // requests to follow a client may send per hour: the platform's limit, kept in the database
  const LIMIT = { perClient: 10, windowMinutes: 60 };
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const k = 'follow';

  const subjectOf = async (c: Ctx) => {
    const { subject: word, id } = paths.follow.params(c);
    const found = await follow.subject(mid(c), TYPE_OF_WORD[word], id);
    if (!found) throw new NotFoundError('subject');
    return found;
  };

  // one route per subject word, so that the personal links (/folgen/bestaetigen/…) are not taken for a subject
  for (const pattern of paths.follow.patterns) {
    app.get(pattern, async (c) => {
      const subject = await subjectOf(c);
      return render(c, <FollowPage ctx={pageContext(c)} subject={subject} back={follow.subjectPath(slugOf(c), subject)} form={{ values: {}, errors: {} }} />);
    });
    app.post(pattern, (c) => request(c));
  }

  const request = async (c: Ctx) => {
    const subject = await subjectOf(c);
    const values = await readForm(c);
    const show = (form: FormState, status: 400 | 429) => render(c, <FollowPage ctx={pageContext(c)} subject={subject} back={follow.subjectPath(slugOf(c), subject)} form={form} />, status);
    const v = validate(followSchema, values);
    if (!v.ok) return show(v.form, 400);
    if (!(await services.auth.hitRateLimit(`follow:client:${clientAddress(c, proxies)}`, LIMIT.perClient, LIMIT.windowMinutes))) return show({ values, errors: { _form: `${k}.errors.tooMany` } }, 429);
    await follow.request(mid(c), subject, { email: v.data.email, frequency: v.data.frequency, website: v.data.website.trim() }, c.get('lang'));
    return c.redirect(paths.requested(slugOf(c), SUBJECT_WORDS[subject.type], subject.id), 303);
  };

  for (const pattern of paths.requested.patterns) app.get(pattern, async (c) => {
    const { subject: word, id } = paths.requested.params(c);
    const subject = await follow.subject(mid(c), TYPE_OF_WORD[word], id);
    if (!subject) throw new NotFoundError('subject');
    const t = c.get('t');
    const message = follow.mailConfigured ? t(`${k}.requested.message`) : t(`${k}.requested.noMail`);
    return render(c, <MessagePage ctx={pageContext(c)} title={t(`${k}.requested.title`)} message={message} back={{ href: follow.subjectPath(slugOf(c), subject), label: t(`${k}.back`, { subject: subjectName(t, subject) }) }} />);
  });

  app.get(paths.confirm.pattern, async (c) => {
    const t = c.get('t');
    const { result, subject } = await follow.confirm(mid(c), paths.confirm.params(c).token);
    const back = subject ? { href: follow.subjectPath(slugOf(c), subject), label: t(`${k}.back`, { subject: subjectName(t, subject) }) } : { href: paths.municipality(slugOf(c)), label: t(`${k}.home`) };
    return render(c, <MessagePage ctx={pageContext(c)} title={t(`${k}.confirmed.${result}.title`)} message={t(`${k}.confirmed.${result}.message`)} back={back} />, result === 'unknown' ? 404 : 200);
  });

  const unsubscribe = async (c: Ctx) => {
    const t = c.get('t');
    const { ended, subject } = await follow.unsubscribe(mid(c), paths.unsubscribe.params(c).token);
    const back = subject ? { href: follow.subjectPath(slugOf(c), subject), label: t(`${k}.back`, { subject: subjectName(t, subject) }) } : { href: paths.municipality(slugOf(c)), label: t(`${k}.home`) };
    const key = ended ? 'ended' : 'unknown';
    return render(c, <MessagePage ctx={pageContext(c)} title={t(`${k}.unsubscribed.${key}.title`)} message={t(`${k}.unsubscribed.${key}.message`)} back={back} />);
  };
  // one click: the link in the mail (and the List-Unsubscribe header's) ends the subscription at once
  app.get(paths.unsubscribe.pattern, unsubscribe);

  app.get(paths.adminFollow.pattern, async (c) => {
    requirePermission(c, 'participation.manage');
    return render(c, <AdminFollowPage ctx={pageContext(c)} counts={await follow.counts(mid(c))} />);
  });

  return app;
}
