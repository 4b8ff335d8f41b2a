import type { Hono } from 'hono';
import type { AppEnv } from '../../app.env.js';
import { crudRoutes } from '../../crud.routes.js';
import { pageContext, render, requirePermission, type Ctx } from '../../http.kit.js';
import { paths, pattern } from '../../paths.js';
import { Layout } from '../../platform/views/layout.js';
import { STATUS_CATEGORIES } from '../plan/status.js';
import { wordingSchema } from './wording.schema.js';

const slugOf = (c: Ctx) => c.get('municipality').slug;
const svc = (c: Ctx) => c.get('deps').services;

export function registerWordingRoutes(app: Hono<AppEnv>) {
  app.get(pattern(paths.adminWordings, 'slug'), async (c) => {
    requirePermission(c, 'wordings.edit');
    const t = c.get('t');
    const slug = slugOf(c);
    const wordings = await svc(c).wordings.list(c.get('municipality').id);
    return render(
      c,
      <Layout ctx={pageContext(c)} title={t('wording.title')} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
        <h1 class="kern-heading-large">{t('wording.title')}</h1>
        <p class="kern-body">{t('wording.intro')}</p>
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-sr-only">{t('wording.title')}</caption>
            <thead class="kern-table__header">
              <tr><th scope="col">{t('wording.label')}</th><th scope="col">{t('wording.category')}</th><th scope="col">{t('form.actions')}</th></tr>
            </thead>
            <tbody class="kern-table__body">
              {wordings.map((w) => (
                <tr>
                  <td>{w.label}</td>
                  <td>{t(`status.${w.category}`)}</td>
                  <td>
                    <a class="kern-link" href={paths.adminWording(slug, w.id)}>{t('form.edit')}<span class="kern-sr-only"> {w.label}</span></a>{' '}
                    <a class="kern-link" href={paths.adminWordingDelete(slug, w.id)}>{t('form.delete')}<span class="kern-sr-only"> {w.label}</span></a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="actions"><a class="kern-btn kern-btn--primary" href={paths.adminWordingNew(slug)}><span class="kern-label">{t('wording.new')}</span></a></p>
      </Layout>,
    );
  });

  const crumbs = (c: Ctx) => [
    { href: paths.admin(slugOf(c)), label: c.get('t')('admin.overview.title') },
    { href: paths.adminWordings(slugOf(c)), label: c.get('t')('wording.title') },
  ];
  type Row = Awaited<ReturnType<ReturnType<typeof svc>['wordings']['get']>>;
  crudRoutes<typeof wordingSchema, Row, null>(app, {
    entity: 'wording',
    permission: 'wordings.edit',
    schema: wordingSchema,
    fields: (c) => [
      { name: 'label', label: c.get('t')('wording.label'), kind: 'text', hint: c.get('t')('wording.labelHint') },
      { name: 'category', label: c.get('t')('wording.category'), kind: 'select', empty: c.get('t')('wording.chooseCategory'),
        options: STATUS_CATEGORIES.map((s) => ({ value: s, label: c.get('t')(`status.${s}`) })) },
    ],
    newPattern: pattern(paths.adminWordingNew, 'slug'),
    newPath: (c) => paths.adminWordingNew(slugOf(c)),
    loadParent: async () => null,
    parentCrumbs: crumbs,
    parentBack: (c) => paths.adminWordings(slugOf(c)),
    create: (c, m, _p, data, by) => svc(c).wordings.create(m, data, by),
    itemPattern: pattern(paths.adminWording, 'slug', 'id'),
    itemPath: (c, id) => paths.adminWording(slugOf(c), id),
    load: (c, m, id) => svc(c).wordings.get(m, id),
    values: (w) => ({ label: w.label, category: w.category }),
    crumbs,
    back: (c) => paths.adminWordings(slugOf(c)),
    label: (_c, w) => w.label,
    update: (c, m, id, data, by) => svc(c).wordings.update(m, id, data, by),
    deletePattern: pattern(paths.adminWordingDelete, 'slug', 'id'),
    deletePath: (c, id) => paths.adminWordingDelete(slugOf(c), id),
    delete: (c, m, id, by) => svc(c).wordings.delete(m, id, by),
  });
}
