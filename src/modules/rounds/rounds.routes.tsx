// Routes of the update rounds: the officer's pages under /verwaltung/sachstand, the personal link
// at /:slug/sachstand/:token (no account; CSRF as everywhere), the representatives, and the page where a
// representative changes the measures of their actor.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, redirectWithFlash, render, requirePermission, requireUser, stashOnce, takeOnce, type Ctx } from '../../platform/http/kit.js';
import { paths } from './rounds.paths.js';
import type { Writer } from '../../platform/audit/audit.js';
import { can } from '../../platform/auth/permissions.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { idOf } from '../../platform/http/route.js';
import { readForm, validate } from '../../platform/http/form.js';
import { EntityFormPage, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import type { FormState } from '../../platform/views/page.js';
import { LinkPage, LinkRefusedPage, OwnMeasuresPage, initialValues } from './link.view.js';
import { emailField, parseContactEmails, representativeSchema, returnChangeSchema, startRoundSchema } from './rounds.schema.js';
import type { IssuedLink } from './rounds.service.js';
import { RepresentativesPage, RoundPage, RoundsPage } from './rounds.view.js';
import type { RouteContext } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function roundsRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, config, clock, slots } = context;

  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const empty = (): FormState => ({ values: {}, errors: {} });


  /** Refusals of a personal link: 404 unknown, 403 revoked, 410 expired or closed, each a page in the layout. */
  const REFUSED_STATUS = { unknown: 404, revoked: 403, expired: 410, closed: 410 } as const;

  async function refuse(c: Ctx, kind: keyof typeof REFUSED_STATUS) {
    const html = '<!doctype html>' + (await (<LinkRefusedPage ctx={pageContext(c)} kind={kind} contact={c.get('municipality')} />).toString());
    return c.html(html, REFUSED_STATUS[kind]);
  }

  function startFields(c: Ctx, plans: Array<{ id: number; title: string }>): FormFieldSpec[] {
    const t = c.get('t');
    if (plans.length === 0) return [];
    const { roundLinkGraceDays } = config;
    return [
      { name: 'plan_id', label: t('rounds.fields.plan'), kind: 'select', empty: t('rounds.choosePlan'), options: plans.map((p) => ({ value: String(p.id), label: p.title })) },
      { name: 'title', label: t('rounds.fields.title'), kind: 'text', hint: t('rounds.fields.titleHint') },
      { name: 'deadline', label: t('rounds.fields.deadline'), kind: 'date', hint: t('rounds.fields.deadlineHint', { days: roundLinkGraceDays }) },
    ];
  }

  function repFields(c: Ctx, actors: Array<{ id: number; name: string; parent_name: string | null }>): FormFieldSpec[] {
    const t = c.get('t');
    return [
      { name: 'name', label: t('users.name'), kind: 'text' },
      { name: 'email', label: t('users.email'), kind: 'email' },
      { name: 'actor_id', label: t('rounds.reps.actor'), kind: 'select', empty: t('rounds.reps.chooseActor'), options: actors.map((a) => ({ value: String(a.id), label: a.parent_name ? `${a.name} (${a.parent_name})` : a.name })) },
    ];
  }

  function registerRoundsRoutes(app: Hono<AppEnv>): void {
    // ---- the officer ---------------------------------------------------------------------------------------

    const showRounds = async (c: Ctx, form: FormState, status: 200 | 400) => {
      const user = requireUser(c);
      const plans = await services.rounds.startablePlans(mid(c));
      return render(
        c,
        <RoundsPage
          ctx={pageContext(c)} rounds={await services.rounds.list(mid(c))} canStart={true} fields={startFields(c, plans)} form={form} plans={plans}
          mailConfigured={services.rounds.mailConfigured} canManageUsers={can(c.get('role'), user.isInstanceAdmin, 'users.manage')}
        />,
        status,
      );
    };
    app.get(paths.adminRounds.pattern, (c) => {
      requirePermission(c, 'plan.edit');
      const year = clock().getUTCFullYear();
      return showRounds(c, { values: { title: c.get('t')('rounds.defaultTitle', { year }) }, errors: {} }, 200);
    });
    // The form's address opened directly (a bookmark, an old tab): the page with the form.
    app.get(paths.adminRoundNew.pattern, (c) => {
      requirePermission(c, 'plan.edit');
      return c.redirect(paths.adminRounds(slugOf(c)), 303);
    });
    app.post(paths.adminRoundNew.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const values = await readForm(c);
      const v = validate(startRoundSchema, values);
      if (!v.ok) return showRounds(c, v.form, 400);
      try {
        const { roundId, links, queued } = await services.rounds.start(c.get('municipality'), v.data, by);
        const message = c.get('t')('rounds.started', { count: queued });
        const location = paths.adminRound(slugOf(c), roundId);
        // The round's page; the links to hand over (no mail went out) go with it once, sealed, never in the address.
        if (links.length === 0 || stashOnce(c, location, links)) return redirectWithFlash(c, location, message);
        // Too many links for a cookie: they exist only in this response, so the page is shown here.
        c.set('flash', message);
        return showRound(c, roundId, { links });
      } catch (e) {
        if (e instanceof InvalidInputError) return showRounds(c, { values, errors: e.errors }, 400);
        throw e;
      }
    });

    const showRound = async (c: Ctx, roundId: number, extra: { links?: IssuedLink[]; returnForm?: { changeId: number; form: FormState } } = {}, status: 200 | 400 = 200) => {
      const o = await services.rounds.overview(mid(c), roundId);
      return render(c, <RoundPage ctx={pageContext(c)} {...o} plan={{ id: o.plan.id, title: o.plan.title }} {...extra} />, status);
    };
    app.get(paths.adminRound.pattern, (c) => {
      requirePermission(c, 'plan.edit');
      const kept = takeOnce(c);
      const links = Array.isArray(kept) ? (kept as IssuedLink[]) : undefined;
      return showRound(c, paths.adminRound.params(c).id, links ? { links } : {});
    });

    /** A rule of the round (closed already …) shows as a message on the round page; nothing changes. */
    const roundAction = (route: string, act: (c: Ctx, by: Writer, roundId: number) => Promise<Response>) =>
      app.post(route, async (c) => {
        const by = requirePermission(c, 'plan.edit');
        const roundId = idOf(c, 'id');
        try {
          return await act(c, by, roundId);
        } catch (e) {
          if (e instanceof InvalidInputError) return redirectWithFlash(c, paths.adminRound(slugOf(c), roundId), c.get('t')(Object.values(e.errors)[0] ?? 'errors.choiceInvalid'));
          throw e;
        }
      });

    roundAction(paths.adminRoundRemind.pattern, async (c, by, roundId) => {
      const { queued, links } = await services.rounds.remind(c.get('municipality'), roundId, by);
      if (links.length > 0) return showRound(c, roundId, { links });
      return redirectWithFlash(c, paths.adminRound(slugOf(c), roundId), c.get('t')('rounds.reminded', { count: queued }));
    });
    roundAction(paths.adminRoundClose.pattern, async (c, by, roundId) => {
      await services.rounds.close(mid(c), roundId, by);
      return redirectWithFlash(c, paths.adminRound(slugOf(c), roundId), c.get('t')('rounds.closed'));
    });
    roundAction(paths.adminRoundRevoke.pattern, async (c, by, roundId) => {
      await services.rounds.revoke(mid(c), roundId, idOf(c, 'participantId'), by);
      return redirectWithFlash(c, paths.adminRound(slugOf(c), roundId), c.get('t')('rounds.revoked'));
    });
    roundAction(paths.adminRoundNewLink.pattern, async (c, by, roundId) => {
      const link = await services.rounds.newLink(c.get('municipality'), roundId, idOf(c, 'participantId'), by);
      return showRound(c, roundId, { links: [link] });
    });

    app.post(paths.adminRoundAccept.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const roundId = paths.adminRoundAccept.params(c).id;
      const done = await services.rounds.accept(mid(c), roundId, paths.adminRoundAccept.params(c).changeId, by);
      return redirectWithFlash(c, paths.adminRound(slugOf(c), roundId), c.get('t')(done ? 'rounds.review.accepted' : 'rounds.review.alreadyReviewed'));
    });
    app.post(paths.adminRoundReturn.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const roundId = paths.adminRoundReturn.params(c).id;
      const changeId = paths.adminRoundReturn.params(c).changeId;
      await services.rounds.get(mid(c), roundId);
      const values = await readForm(c);
      const name = `comment_${changeId}`;
      const v = validate(returnChangeSchema, { comment: values[name] ?? '' });
      if (!v.ok) return showRound(c, roundId, { returnForm: { changeId, form: { values, errors: { [name]: v.form.errors.comment } } } }, 400);
      const done = await services.rounds.returnChange(mid(c), roundId, changeId, v.data.comment, by);
      return redirectWithFlash(c, paths.adminRound(slugOf(c), roundId), c.get('t')(done ? 'rounds.review.returnedDone' : 'rounds.review.alreadyReviewed'));
    });

    // ---- contact e-mails of a plan's lead actors, all on one page ------------------------------------------

    const showEmails = async (c: Ctx, planId: number, form: ((actors: Array<{ id: number; contact_email: string }>) => FormState), status: 200 | 400) => {
      const t = c.get('t');
      const plan = await services.plans.getPlan(mid(c), planId);
      const actors = await services.rounds.leadActors(mid(c), plan.id);
      return render(
        c,
        <EntityFormPage
          ctx={pageContext(c)} title={t('rounds.emails.title')} intro={t(actors.length ? 'rounds.emails.intro' : 'rounds.emails.none', { plan: plan.title })}
          crumbs={[{ href: paths.admin(slugOf(c)), label: t('admin.overview.title') }, { href: paths.adminRounds(slugOf(c)), label: t('rounds.title') }]}
          action={paths.adminRoundEmails(slugOf(c), plan.id)}
          fields={actors.map((a) => ({ name: emailField(a.id), label: a.name, kind: 'email' as const, optional: true, hint: t('rounds.emails.leads', { count: Number(a.measures) }) }))}
          form={form(actors)} submitLabel={t('form.save')} cancelHref={paths.adminRounds(slugOf(c))}
        />,
        status,
      );
    };
    app.get(paths.adminRoundEmails.pattern, (c) => {
      requirePermission(c, 'actors.edit');
      return showEmails(c, idOf(c, 'id'), (actors) => ({ values: Object.fromEntries(actors.map((a) => [emailField(a.id), a.contact_email])), errors: {} }), 200);
    });
    app.post(paths.adminRoundEmails.pattern, async (c) => {
      const by = requirePermission(c, 'actors.edit');
      const plan = await services.plans.getPlan(mid(c), idOf(c, 'id'));
      const actors = await services.rounds.leadActors(mid(c), plan.id);
      const values = await readForm(c);
      const parsed = parseContactEmails(actors.map((a) => a.id), values);
      if (!parsed.ok) return showEmails(c, plan.id, () => ({ values, errors: parsed.errors }), 400);
      const count = await services.actors.setContactEmails(mid(c), parsed.emails, by);
      return redirectWithFlash(c, paths.adminRounds(slugOf(c)), c.get('t')('rounds.emails.saved', { count }));
    });

    // ---- representatives ---------------------------------------------------------------------------------

    const showReps = async (c: Ctx, form: FormState, status: 200 | 400, created?: { email: string; password: string | null }) =>
      render(
        c,
        <RepresentativesPage ctx={pageContext(c)} reps={await services.representatives.list(mid(c))} fields={repFields(c, await services.actors.list(mid(c)))} form={form} created={created} />,
        status,
      );
    app.get(paths.adminRepresentatives.pattern, (c) => {
      requirePermission(c, 'users.manage');
      return showReps(c, empty(), 200);
    });
    app.post(paths.adminRepresentatives.pattern, async (c) => {
      const by = requirePermission(c, 'users.manage');
      const values = await readForm(c);
      const v = validate(representativeSchema, values);
      if (!v.ok) return showReps(c, v.form, 400);
      try {
        const { password } = await services.representatives.add(mid(c), v.data, by);
        // The one-time password is shown on this response only, never stored in clear or sent by redirect.
        return showReps(c, empty(), 200, { email: v.data.email, password });
      } catch (e) {
        if (e instanceof InvalidInputError) return showReps(c, { values, errors: e.errors }, 400);
        throw e;
      }
    });
    app.post(paths.adminRepresentativeRemove.pattern, async (c) => {
      const by = requirePermission(c, 'users.manage');
      await services.representatives.remove(mid(c), paths.adminRepresentativeRemove.params(c).id, by);
      return redirectWithFlash(c, paths.adminRepresentatives(slugOf(c)), c.get('t')('rounds.reps.removed'));
    });

    // ---- a representative's own measures -----------------------------------------------------------------

    const showOwn = async (c: Ctx, form: FormState | null, status: 200 | 400) => {
      const user = requireUser(c);
      const actor = await services.representatives.actorOf(mid(c), user.id);
      const groups = actor ? await services.representatives.ownMeasures(mid(c), actor.id) : [];
      const withLatest = groups.map((g) => ({ plan: g.plan, measures: g.measures.map((m) => ({ ...m, latest: null })) }));
      const state = form ?? { values: initialValues(withLatest.flatMap((g) => g.measures)), errors: {} };
      const extra = actor ? await slots.sections('actor.own', c, { actorId: actor.id }) : [];
      return render(c, <OwnMeasuresPage ctx={pageContext(c)} actorName={actor?.name ?? null} groups={withLatest} form={state} extra={extra} />, status);
    };
    app.get(paths.adminOwnMeasures.pattern, (c) => {
      requirePermission(c, 'status.change_own');
      return showOwn(c, null, 200);
    });
    app.post(paths.adminOwnMeasures.pattern, async (c) => {
      requirePermission(c, 'status.change_own');
      const user = requireUser(c);
      const actor = await services.representatives.actorOf(mid(c), user.id);
      if (!actor) throw new NotFoundError('represented actor');
      const values = await readForm(c);
      const result = await services.representatives.changeOwn(mid(c), actor, user, values);
      if (!result.ok) return showOwn(c, { values, errors: result.errors }, 400);
      return redirectWithFlash(c, paths.adminOwnMeasures(slugOf(c)), c.get('t')('rounds.own.saved', { count: result.count }));
    });

    // ---- the personal link (no account) --------------------------------------------------------------------

    const showLink = async (c: Ctx, token: string, form: FormState | null, status: 200 | 400) => {
      const access = await services.rounds.access(mid(c), token);
      if (access.status !== 'ok') return refuse(c, access.status);
      const page = await services.rounds.linkPage(mid(c), access);
      c.header('cache-control', 'no-store');
      c.header('x-robots-tag', 'noindex');
      return render(
        c,
        <LinkPage
          ctx={pageContext(c)} action={paths.roundLink(slugOf(c), token)} actorName={access.actorName}
          round={{ title: access.roundTitle, deadline: access.deadline, expiresAt: access.expiresAt }} plan={page.plan}
          measures={page.measures} wordings={page.wordings} contact={c.get('municipality')}
          form={form ?? { values: initialValues(page.measures), errors: {} }}
          extra={await slots.sections('actor.own', c, { actorId: access.actorId })}
        />,
        status,
      );
    };
    app.get(paths.roundLink.pattern, (c) => showLink(c, paths.roundLink.params(c).token, null, 200));
    app.post(paths.roundLink.pattern, async (c) => {
      const token = paths.roundLink.params(c).token;
      const access = await services.rounds.access(mid(c), token);
      if (access.status !== 'ok') return refuse(c, access.status);
      // An anonymous form: a link submits at most this often, whoever holds it.
      if (!(await services.auth.hitRateLimit(`round:${access.tokenHash}`, 30, config.loginWindowMinutes))) {
        return render(c, <LinkRefusedPage ctx={pageContext(c)} kind="tooMany" contact={c.get('municipality')} />, 429);
      }
      const values = await readForm(c);
      const result = await services.rounds.submitViaLink(mid(c), access, values);
      if (!result.ok) return showLink(c, token, { values, errors: result.errors }, 400);
      return redirectWithFlash(c, paths.roundLink(slugOf(c), token), c.get('t')('rounds.link.thanks', { count: result.count }));
    });
  }

  const app = new Hono<AppEnv>();
  registerRoundsRoutes(app);
  return app;
}
