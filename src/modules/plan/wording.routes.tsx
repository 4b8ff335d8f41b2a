import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { crudRoutes } from '../../platform/http/crud.routes.js';
import { pageContext, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { paths } from './plan.paths.js';
import { DataTable } from '../../platform/views/data-table.js';
import { Layout } from '../../platform/views/layout.js';
import { STATUS_CATEGORIES } from './status.js';
import { wordingSchema } from './wording.schema.js';
import type { RouteContext, Services } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function wordingRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;

  const slugOf = (c: Ctx) => c.get('municipality').slug;

  function registerWordingRoutes(app: Hono<AppEnv>) {
    app.get(paths.adminWordings.pattern, async (c) => {
      requirePermission(c, 'wordings.edit');
      const t = c.get('t');
      const slug = slugOf(c);
      const wordings = await services.wordings.list(c.get('municipality').id);
      return render(
        c,
        <Layout ctx={pageContext(c)} title={t('wording.title')} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
          <h1 class="kern-heading-large">{t('wording.title')}</h1>
          <p class="kern-body">{t('wording.intro')}</p>
          <DataTable
            caption={t('wording.title')}
            columns={[{ label: t('wording.label') }, { label: t('wording.category') }, { label: t('form.actions') }]}
            rows={wordings.map((w) => [
              w.label,
              t(`status.${w.category}`),
              <>
                <a class="kern-link" href={paths.adminWording(slug, w.id)}>{t('form.edit')}<span class="kern-sr-only"> {w.label}</span></a>{' '}
                <a class="kern-link" href={paths.adminWordingDelete(slug, w.id)}>{t('form.delete')}<span class="kern-sr-only"> {w.label}</span></a>
              </>,
            ])}
          />
          <p class="actions"><a class="kern-btn kern-btn--primary" href={paths.adminWordingNew(slug)}><span class="kern-label">{t('wording.new')}</span></a></p>
        </Layout>,
      );
    });

    const crumbs = (c: Ctx) => [
      { href: paths.admin(slugOf(c)), label: c.get('t')('admin.overview.title') },
      { href: paths.adminWordings(slugOf(c)), label: c.get('t')('wording.title') },
    ];
    type Row = Awaited<ReturnType<Services['wordings']['get']>>;
    crudRoutes<typeof wordingSchema, Row, null>(app, {
      entity: 'wording',
      permission: 'wordings.edit',
      schema: wordingSchema,
      fields: async (c, { row }) => {
        // Editing: how many measures a category change moves, said before saving.
        const carriers = row ? await services.wordings.carrierCount(c.get('municipality').id, row.id) : 0;
        return [
          { name: 'label', label: c.get('t')('wording.label'), kind: 'text', hint: c.get('t')('wording.labelHint') },
          { name: 'category', label: c.get('t')('wording.category'), kind: 'select', empty: c.get('t')('wording.chooseCategory'),
            options: STATUS_CATEGORIES.map((s) => ({ value: s, label: c.get('t')(`status.${s}`) })),
            hint: carriers > 0 ? c.get('t')('wording.carriers', { count: carriers }) : undefined },
        ];
      },
      newPattern: paths.adminWordingNew.pattern,
      newPath: (c) => paths.adminWordingNew(slugOf(c)),
      loadParent: async () => null,
      parentCrumbs: crumbs,
      parentBack: (c) => paths.adminWordings(slugOf(c)),
      create: (c, m, _p, data, by) => services.wordings.create(m, data, by),
      itemPattern: paths.adminWording.pattern,
      itemPath: (c, id) => paths.adminWording(slugOf(c), id),
      load: (c, m, id) => services.wordings.get(m, id),
      values: (w) => ({ label: w.label, category: w.category }),
      crumbs,
      back: (c) => paths.adminWordings(slugOf(c)),
      label: (_c, w) => w.label,
      update: (c, m, id, data, by) => services.wordings.update(m, id, data, by),
      deletePattern: paths.adminWordingDelete.pattern,
      deletePath: (c, id) => paths.adminWordingDelete(slugOf(c), id),
      delete: (c, m, id, by) => services.wordings.delete(m, id, by),
    });
  }

  const app = new Hono<AppEnv>();
  registerWordingRoutes(app);
  return app;
}
