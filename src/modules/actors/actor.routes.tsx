import type { Hono } from 'hono';
import type { AppEnv } from '../../app.env.js';
import { crudRoutes } from '../../crud.routes.js';
import { pageContext, render, requirePermission, type Ctx } from '../../http.kit.js';
import { paths, pattern } from '../../paths.js';
import { actorSchema } from './actor.schema.js';
import { ActorsPage } from './actor.view.js';

const slugOf = (c: Ctx) => c.get('municipality').slug;
const svc = (c: Ctx) => c.get('deps').services;

export function registerActorRoutes(app: Hono<AppEnv>) {
  app.get(pattern(paths.adminActors, 'slug'), async (c) => {
    requirePermission(c, 'actors.edit');
    const actors = await svc(c).actors.list(c.get('municipality').id);
    return render(c, <ActorsPage ctx={pageContext(c)} actors={actors} planTitle="" admin={true} />);
  });

  const crumbs = (c: Ctx) => [
    { href: paths.admin(slugOf(c)), label: c.get('t')('admin.overview.title') },
    { href: paths.adminActors(slugOf(c)), label: c.get('t')('actor.directory') },
  ];
  type Row = Awaited<ReturnType<ReturnType<typeof svc>['actors']['get']>>;
  crudRoutes<typeof actorSchema, Row, null>(app, {
    entity: 'actor',
    permission: 'actors.edit',
    schema: actorSchema,
    fields: async (c, { row }) => {
      const t = c.get('t');
      const all = await svc(c).actors.list(c.get('municipality').id);
      return [
        { name: 'name', label: t('actor.name'), kind: 'text' },
        { name: 'parent_id', label: t('actor.parent'), kind: 'select', optional: true, empty: t('actor.noParent'), hint: t('actor.parentHint'),
          options: all.filter((a) => a.id !== row?.id).map((a) => ({ value: String(a.id), label: a.name })) },
        { name: 'description', label: t('actor.description'), kind: 'textarea', optional: true },
        { name: 'contact_email', label: t('actor.email'), kind: 'email', optional: true },
        { name: 'website', label: t('actor.website'), kind: 'url', optional: true, hint: t('actor.websiteHint') },
      ];
    },
    newPattern: pattern(paths.adminActorNew, 'slug'),
    newPath: (c) => paths.adminActorNew(slugOf(c)),
    loadParent: async () => null,
    parentCrumbs: crumbs,
    parentBack: (c) => paths.adminActors(slugOf(c)),
    create: (c, m, _p, data, by) => svc(c).actors.create(m, data, by),
    itemPattern: pattern(paths.adminActor, 'slug', 'id'),
    itemPath: (c, id) => paths.adminActor(slugOf(c), id),
    load: (c, m, id) => svc(c).actors.get(m, id),
    values: (a) => ({ name: a.name, parent_id: String(a.parent_id ?? ''), description: a.description, contact_email: a.contact_email, website: a.website }),
    crumbs,
    back: (c) => paths.adminActors(slugOf(c)),
    label: (_c, a) => a.name,
    update: (c, m, id, data, by) => svc(c).actors.update(m, id, data, by),
    deletePattern: pattern(paths.adminActorDelete, 'slug', 'id'),
    deletePath: (c, id) => paths.adminActorDelete(slugOf(c), id),
    delete: (c, m, id, by) => svc(c).actors.delete(m, id, by),
    deleteConsequence: (c) => c.get('t')('actor.deleteConsequence'),
  });
}
