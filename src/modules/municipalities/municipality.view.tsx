import { paths } from './municipalities.paths.js';
import { FieldsForm, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import { DataTable } from '../../platform/views/data-table.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { formatDate } from '../../platform/views/format.js';
import { OneTimePassword } from '../../platform/auth/auth.view.js';
import { accountsPaths } from '../accounts/index.js';


export function UsersPage(props: {
  ctx: PageContext;
  members: Array<{ id: number; name: string; email: string; role: string; invited: boolean }>;
  openJoins: Array<{ id: number; name: string; email: string; role: string | null; expires_at: string }>;
  form: FormState;
  fields: FormFieldSpec[];
  invited?: { kind: 'invite' | 'join'; link: string | null; email: string };
}) {
  const { ctx, invited } = props;
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('users.title')} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{t('users.title')}</h1>
        {invited ? (
          <div class="kern-alert kern-alert--success" role="status">
            <div class="kern-alert__body">
              {invited.link ? (
                <>
                  <p class="kern-body kern-body--bold">{t('accounts.members.linkTitle')}</p>
                  <p class="kern-body">{t('accounts.members.linkBody', { email: invited.email })}</p>
                  <p><code class="one-time-secret">{invited.link}</code></p>
                </>
              ) : (
                <p class="kern-body">{t(invited.kind === 'join' ? 'accounts.members.joinInvited' : 'accounts.members.invited', { email: invited.email })}</p>
              )}
            </div>
          </div>
        ) : null}
        <DataTable
          caption={t('users.title')}
          columns={[{ label: t('users.name') }, { label: t('users.email') }, { label: t('users.role') }, { label: t('accounts.members.status') }, { label: t('accounts.members.actions') }]}
          rows={props.members.map((m) => [
            m.name,
            m.email,
            t(`roles.${m.role}`),
            m.invited ? t('accounts.members.pending') : t('accounts.members.active'),
            <ul class="inline-list">
              {/* The name in the link's accessible name (aria-label, not a hidden span: an absolutely placed span
                  would widen the page beyond the table's scroll box at 320 px). */}
              <li><a class="kern-link" href={accountsPaths.adminMemberRole(slug, m.id)} aria-label={`${t('accounts.members.changeRole')} ${m.name}`}>{t('accounts.members.changeRole')}</a></li>
              <li><a class="kern-link" href={accountsPaths.adminMemberRemove(slug, m.id)} aria-label={`${t('accounts.members.remove')} ${m.name}`}>{t('accounts.members.remove')}</a></li>
            </ul>,
          ])}
        />
        {props.openJoins.length ? (
          <section aria-labelledby="open-joins">
            <h2 class="kern-heading-medium" id="open-joins">{t('accounts.members.openJoins')}</h2>
            <ul class="kern-list kern-list--bullet">
              {props.openJoins.map((j) => (
                <li>{t('accounts.members.joinUntil', { name: j.name, email: j.email, role: t(`roles.${j.role ?? 'editor'}`), date: formatDate(j.expires_at.slice(0, 10), lang) })}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="add-user">
          <h2 class="kern-heading-medium" id="add-user">{t('accounts.members.invite')}</h2>
          <p class="kern-body">{t('accounts.members.inviteIntro')}</p>
          <FieldsForm ctx={ctx} action={paths.adminUserNew(slug)} form={props.form} fields={props.fields} submitLabel={t('accounts.members.inviteButton')} />
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
