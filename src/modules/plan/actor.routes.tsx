import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { crudRoutes } from '../../platform/http/crud.routes.js';
import { pageContext, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { paths } from './plan.paths.js';
import { actorSchema } from './actor.schema.js';
import { ActorsPage } from './actor.view.js';
import type { RouteContext, Services } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function actorRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;

  const slugOf = (c: Ctx) => c.get('municipality').slug;

  function registerActorRoutes(app: Hono<AppEnv>) {
    app.get(paths.adminActors.pattern, async (c) => {
      requirePermission(c, 'actors.edit');
      const actors = await services.actors.list(c.get('municipality').id);
      return render(c, <ActorsPage ctx={pageContext(c)} actors={actors} planTitle="" admin={true} />);
    });

    const crumbs = (c: Ctx) => [
      { href: paths.admin(slugOf(c)), label: c.get('t')('admin.overview.title') },
      { href: paths.adminActors(slugOf(c)), label: c.get('t')('actor.directory') },
    ];
    type Row = Awaited<ReturnType<Services['actors']['get']>>;
    crudRoutes<typeof actorSchema, Row, null>(app, {
      entity: 'actor',
      permission: 'actors.edit',
      schema: actorSchema,
      fields: async (c, { row }) => {
        const t = c.get('t');
        const all = await services.actors.list(c.get('municipality').id);
        return [
          { name: 'name', label: t('actor.name'), kind: 'text' },
          { name: 'parent_id', label: t('actor.parent'), kind: 'select', optional: true, empty: t('actor.noParent'), hint: t('actor.parentHint'),
            options: all.filter((a) => a.id !== row?.id).map((a) => ({ value: String(a.id), label: a.name })) },
          { name: 'description', label: t('actor.description'), kind: 'textarea', optional: true },
          { name: 'contact_email', label: t('actor.email'), kind: 'email', optional: true },
          { name: 'website', label: t('actor.website'), kind: 'url', optional: true, hint: t('actor.websiteHint') },
        ];
      },
      newPattern: paths.adminActorNew.pattern,
      newPath: (c) => paths.adminActorNew(slugOf(c)),
      loadParent: async () => null,
      parentCrumbs: crumbs,
      parentBack: (c) => paths.adminActors(slugOf(c)),
      create: (c, m, _p, data, by) => services.actors.create(m, data, by),
      itemPattern: paths.adminActor.pattern,
      itemPath: (c, id) => paths.adminActor(slugOf(c), id),
      load: (c, m, id) => services.actors.get(m, id),
      values: (a) => ({ name: a.name, parent_id: String(a.parent_id ?? ''), description: a.description, contact_email: a.contact_email, website: a.website }),
      crumbs,
      back: (c) => paths.adminActors(slugOf(c)),
      label: (_c, a) => a.name,
      update: (c, m, id, data, by) => services.actors.update(m, id, data, by),
      deletePattern: paths.adminActorDelete.pattern,
      deletePath: (c, id) => paths.adminActorDelete(slugOf(c), id),
      delete: (c, m, id, by) => services.actors.delete(m, id, by),
      deleteConsequence: (c) => c.get('t')('actor.deleteConsequence'),
    });
  }

  const app = new Hono<AppEnv>();
  registerActorRoutes(app);
  return app;
}
