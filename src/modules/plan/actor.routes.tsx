import { Hono } from 'hono';
import { LANGUAGE_NAMES, LANGUAGES } from '../../platform/i18n/i18n.js';
import type { AppEnv } from '../../platform/http/env.js';
import { crudRoutes } from '../../platform/http/crud.routes.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { idParam, readForm } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { FieldErrors } from '../../platform/views/page.js';
import { paths } from './plan.paths.js';
import { actorSchema } from './actor.schema.js';
import { ActorNameTakenError } from './actor.service.js';
import { ActorMergeChooserPage, ActorMergeConfirmPage, ActorsPage, ActorUsageList, UnusedActorsPage } from './actor.view.js';
import type { RouteContext, Services } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function actorRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;

  const slugOf = (c: Ctx) => c.get('municipality').slug;

  const mid = (c: Ctx) => c.get('municipality').id;
  // The actor whose name a refused form wanted, per request: the form's name field then links to it.
  const nameTaken = new WeakMap<Ctx, { id: number; name: string }>();
  const guardName = async <R,>(c: Ctx, fn: () => Promise<R>): Promise<R> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ActorNameTakenError) nameTaken.set(c, e.existing);
      throw e;
    }
  };

  function registerActorRoutes(app: Hono<AppEnv>) {
    app.get(paths.adminActors.pattern, async (c) => {
      requirePermission(c, 'actors.edit');
      const actors = await services.actors.list(mid(c));
      const duplicates = await services.actors.duplicateNameIds(mid(c));
      const unused = await services.actors.unused(mid(c));
      return render(c, <ActorsPage ctx={pageContext(c)} actors={actors} planTitle="" admin={true} duplicates={duplicates} unusedCount={unused.length} />);
    });

    // ---- merge two actors: choose, see what follows, confirm ----
    const mergeChooser = async (c: Ctx, values: Record<string, string>, errors: FieldErrors, status: 200 | 400) => {
      const actors = await services.actors.list(mid(c));
      return render(c, <ActorMergeChooserPage ctx={pageContext(c)} actors={actors} form={{ values, errors }} />, status);
    };
    app.get(paths.adminActorsMerge.pattern, async (c) => {
      requirePermission(c, 'actors.edit');
      const values = { behalten: c.req.query('behalten') ?? '', aufnehmen: c.req.query('aufnehmen') ?? '' };
      if (c.req.query('aendern') || (values.behalten === '' && values.aufnehmen === '') || (values.aufnehmen === '' && idParam(values.behalten) !== null)) {
        return mergeChooser(c, values, {}, 200);
      }
      const keepId = idParam(values.behalten);
      const goneId = idParam(values.aufnehmen);
      const errors: FieldErrors = {};
      if (keepId === null) errors.behalten = 'actor.merge.chooseKeep';
      if (goneId === null) errors.aufnehmen = 'actor.merge.chooseInto';
      else if (goneId === keepId) errors.aufnehmen = 'actor.mergeSame';
      if (Object.keys(errors).length) return mergeChooser(c, values, errors, 400);
      // Ids of no actor of this municipality are unknown pages, as everywhere.
      const keep = await services.actors.get(mid(c), keepId!);
      const gone = await services.actors.get(mid(c), goneId!);
      return render(c, <ActorMergeConfirmPage ctx={pageContext(c)} keep={keep} gone={gone} usage={await services.actors.usage(mid(c), gone.id)} />);
    });
    app.post(paths.adminActorsMerge.pattern, async (c) => {
      const by = requirePermission(c, 'actors.edit');
      const form = await readForm(c);
      const keepId = idParam(form.keep_id);
      const goneId = idParam(form.merge_id);
      const values = { behalten: form.keep_id ?? '', aufnehmen: form.merge_id ?? '' };
      if (keepId === null || goneId === null) return mergeChooser(c, values, { ...(keepId === null ? { behalten: 'actor.merge.chooseKeep' } : {}), ...(goneId === null ? { aufnehmen: 'actor.merge.chooseInto' } : {}) }, 400);
      if (keepId === goneId) return mergeChooser(c, values, { aufnehmen: 'actor.mergeSame' }, 400);
      await services.actors.get(mid(c), keepId);
      await services.actors.get(mid(c), goneId);
      const done = await services.actors.merge(mid(c), keepId, goneId, by);
      return redirectWithFlash(c, paths.adminActors(slugOf(c)), c.get('t')('actor.merge.done', { gone: done.merged, keep: done.kept }));
    });

    // ---- actors no plan uses ----
    app.get(paths.adminActorsUnused.pattern, async (c) => {
      requirePermission(c, 'actors.edit');
      return render(c, <UnusedActorsPage ctx={pageContext(c)} actors={await services.actors.unused(mid(c))} confirm={false} />);
    });
    app.get(paths.adminActorsUnusedDelete.pattern, async (c) => {
      requirePermission(c, 'actors.edit');
      return render(c, <UnusedActorsPage ctx={pageContext(c)} actors={await services.actors.unused(mid(c))} confirm={true} />);
    });
    app.post(paths.adminActorsUnusedDelete.pattern, async (c) => {
      const by = requirePermission(c, 'actors.edit');
      const ids = ((await readForm(c)).actor_id ?? '').split(',').filter(Boolean).map((v) => idParam(v));
      if (ids.length === 0 || ids.some((id) => id === null)) throw new NotFoundError('actors');
      // Only those listed on the confirmation page, and only while still unused.
      const count = await services.actors.deleteUnused(mid(c), ids as number[], by);
      return redirectWithFlash(c, paths.adminActors(slugOf(c)), c.get('t')('actor.unused.deleted', { count }));
    });

    const crumbs = (c: Ctx) => [
      { href: paths.admin(slugOf(c)), label: c.get('t')('admin.overview.title') },
      { href: paths.adminActors(slugOf(c)), label: c.get('t')('actor.directory') },
    ];
    const nameLink = (c: Ctx) => {
      const existing = nameTaken.get(c);
      return existing ? { href: paths.adminActor(slugOf(c), existing.id), label: c.get('t')('actor.openExisting', { name: existing.name }) } : undefined;
    };
    type Row = Awaited<ReturnType<Services['actors']['get']>>;
    crudRoutes<typeof actorSchema, Row, null>(app, {
      entity: 'actor',
      permission: 'actors.edit',
      schema: actorSchema,
      fields: async (c, { row }) => {
        const t = c.get('t');
        const all = await services.actors.list(c.get('municipality').id);
        return [
          { name: 'name', label: t('actor.name'), kind: 'text', errorLink: nameLink(c) },
          { name: 'parent_id', label: t('actor.parent'), kind: 'select', optional: true, empty: t('actor.noParent'), hint: t('actor.parentHint'),
            options: all.filter((a) => a.id !== row?.id).map((a) => ({ value: String(a.id), label: a.name })) },
          { name: 'description', label: t('actor.description'), kind: 'textarea', optional: true },
          { name: 'contact_email', label: t('actor.email'), kind: 'email', optional: true },
          { name: 'website', label: t('actor.website'), kind: 'url', optional: true, hint: t('actor.websiteHint') },
          { name: 'lang', label: t('actor.lang'), kind: 'select', hint: t('actor.langHint'), options: LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })) },
        ];
      },
      newPattern: paths.adminActorNew.pattern,
      newPath: (c) => paths.adminActorNew(slugOf(c)),
      loadParent: async () => null,
      parentCrumbs: crumbs,
      parentBack: (c) => paths.adminActors(slugOf(c)),
      create: (c, m, _p, data, by) => guardName(c, () => services.actors.create(m, data, by)),
      itemPattern: paths.adminActor.pattern,
      itemPath: (c, id) => paths.adminActor(slugOf(c), id),
      load: (c, m, id) => services.actors.get(m, id),
      values: (a) => ({ name: a.name, parent_id: String(a.parent_id ?? ''), description: a.description, contact_email: a.contact_email, website: a.website, lang: a.lang }),
      crumbs,
      back: (c) => paths.adminActors(slugOf(c)),
      label: (_c, a) => a.name,
      update: (c, m, id, data, by) => guardName(c, () => services.actors.update(m, id, data, by)),
      deletePattern: paths.adminActorDelete.pattern,
      deletePath: (c, id) => paths.adminActorDelete(slugOf(c), id),
      delete: (c, m, id, by) => services.actors.delete(m, id, by),
      deleteConsequence: (c) => c.get('t')('actor.deleteTouches'),
      deleteDetails: async (c, a) => <ActorUsageList ctx={pageContext(c)} usage={await services.actors.usage(mid(c), a.id)} childrenKey="actor.deleteChildren" />,
    });
  }

  const app = new Hono<AppEnv>();
  registerActorRoutes(app);
  return app;
}
