import { paths } from './municipalities.paths.js';
import { FieldsForm, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { formatDate } from '../../platform/views/format.js';
import { OneTimePassword } from '../../platform/auth/auth.view.js';


export function UsersPage(props: {
  ctx: PageContext;
  members: Array<{ id: number; name: string; email: string; role: string }>;
  form: FormState;
  fields: FormFieldSpec[];
  created?: { email: string; password: string | null };
}) {
  const { ctx } = props;
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('users.title')} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{t('users.title')}</h1>
        {props.created ? <OneTimePassword ctx={ctx} email={props.created.email} password={props.created.password} /> : null}
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-sr-only">{t('users.title')}</caption>
            <thead class="kern-table__header"><tr><th scope="col">{t('users.name')}</th><th scope="col">{t('users.email')}</th><th scope="col">{t('users.role')}</th></tr></thead>
            <tbody class="kern-table__body">
              {props.members.map((m) => <tr><td>{m.name}</td><td>{m.email}</td><td>{t(`roles.${m.role}`)}</td></tr>)}
            </tbody>
          </table>
        </div>
        <section aria-labelledby="add-user">
          <h2 class="kern-heading-medium" id="add-user">{t('users.add')}</h2>
          <FieldsForm ctx={ctx} action={paths.adminUserNew(slug)} form={props.form} fields={props.fields} submitLabel={t('users.addButton')} />
        </section>
      </div>
    </Layout>
  );
}

export function AuditPage({ ctx, entries }: { ctx: PageContext; entries: Array<{ id: number; at: string; user_name: string; action: string; entity_type: string; entity_id: number | null; before_json: string | null; after_json: string | null }> }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('audit.title')} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
      <h1 class="kern-heading-large">{t('audit.title')}</h1>
      <p class="kern-body">{t('audit.intro')}</p>
      <div class="kern-table-responsive">
        <table class="kern-table kern-table--small">
          <caption class="kern-sr-only">{t('audit.title')}</caption>
          <thead class="kern-table__header">
            <tr><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.who')}</th><th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.before')}</th><th scope="col">{t('audit.after')}</th></tr>
          </thead>
          <tbody class="kern-table__body">
            {entries.map((e) => (
              <tr>
                <td>{formatDate(e.at, lang)}</td>
                <td>{e.user_name}</td>
                <td>{e.action} {e.entity_id !== null ? `#${e.entity_id}` : ''}</td>
                <td><code>{e.before_json ?? ''}</code></td>
                <td><code>{e.after_json ?? ''}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function MunicipalitiesPage(props: {
  ctx: PageContext;
  municipalities: Array<{ slug: string; name: string; is_demo: number }>;
  form: FormState;
  fields: FormFieldSpec[];
  created?: { email: string; password: string | null; slug: string };
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('instance.title')} area="instance">
      <div class="stack-lg">
        <h1 class="kern-heading-large">{t('instance.title')}</h1>
        {props.created ? <OneTimePassword ctx={ctx} email={props.created.email} password={props.created.password} /> : null}
        <ul class="kern-list kern-list--bullet">
          {props.municipalities.map((m) => (
            <li>
              <a class="kern-link" href={paths.admin(m.slug)}>{m.name}</a> <span class="meta">(/{m.slug}{m.is_demo ? `, ${t('instance.demo')}` : ''})</span>
            </li>
          ))}
        </ul>
        <section aria-labelledby="new-municipality">
          <h2 class="kern-heading-medium" id="new-municipality">{t('instance.new')}</h2>
          <FieldsForm ctx={ctx} action={paths.instanceMunicipalityNew()} form={props.form} fields={props.fields} submitLabel={t('form.create')} />
        </section>
      </div>
    </Layout>
  );
}
