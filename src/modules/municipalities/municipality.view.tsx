import { paths } from './municipalities.paths.js';
import { FieldsForm, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import { DataTable } from '../../platform/views/data-table.js';
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
        <DataTable
          caption={t('users.title')}
          columns={[{ label: t('users.name') }, { label: t('users.email') }, { label: t('users.role') }]}
          rows={props.members.map((m) => [m.name, m.email, t(`roles.${m.role}`)])}
        />
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
      <DataTable
        caption={t('audit.title')}
        small
        columns={[{ label: t('audit.when') }, { label: t('audit.who') }, { label: t('audit.what') }, { label: t('audit.before') }, { label: t('audit.after') }]}
        rows={entries.map((e) => [
          formatDate(e.at, lang),
          e.user_name,
          <>{e.action} {e.entity_id !== null ? `#${e.entity_id}` : ''}</>,
          <code>{e.before_json ?? ''}</code>,
          <code>{e.after_json ?? ''}</code>,
        ])}
      />
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
