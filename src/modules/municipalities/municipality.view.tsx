import { paths } from './municipalities.paths.js';
import { FieldsForm, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import { DataTable } from '../../platform/views/data-table.js';
import { describeEntry, type AuditRow } from './audit.presenter.js';
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

export interface AuditPageModel {
  entries: AuditRow[];
  total: number;
  page: number;
  pages: number;
  /** the filter as typed (kept in the form), and the messages of values that are not dates */
  query: { person: string; art: string; von: string; bis: string };
  errors: Partial<Record<'von' | 'bis', string>>;
  people: string[];
  entityTypes: string[];
}

export function AuditPage({ ctx, model }: { ctx: PageContext; model: AuditPageModel }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const { query, errors } = model;
  const filtered = Object.values(query).some(Boolean);
  const pageHref = (page: number) => {
    const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    if (page > 1) q.set('seite', String(page));
    const s = q.toString();
    return `${paths.adminAudit(slug)}${s ? `?${s}` : ''}`;
  };
  const select = (name: 'person' | 'art', label: string, empty: string, options: Array<{ value: string; label: string }>) => (
    <div class="kern-form-input">
      <label class="kern-label" for={`audit-${name}`}>{label}</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={`audit-${name}`} name={name}>
          <option value="">{empty}</option>
          {options.map((o) => <option value={o.value} selected={o.value === query[name]}>{o.label}</option>)}
        </select>
      </div>
    </div>
  );
  const date = (name: 'von' | 'bis', label: string) => (
    <div class={`kern-form-input${errors[name] ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={`audit-${name}`}>{label}</label>
      <div class="kern-hint" id={`audit-${name}-hint`}>{t('audit.dateHint')}</div>
      {errors[name] ? <p class="kern-error" id={`audit-${name}-error`}><span class="kern-body">{t(errors[name])}</span></p> : null}
      <input class={`kern-form-input__input date-input${errors[name] ? ' kern-form-input__input--error' : ''}`} id={`audit-${name}`} name={name} type="text" inputmode="numeric" autocomplete="off" value={query[name]}
        aria-describedby={`audit-${name}-hint${errors[name] ? ` audit-${name}-error` : ''}`} aria-invalid={errors[name] ? 'true' : undefined} />
    </div>
  );
  return (
    <Layout ctx={ctx} title={t('audit.title')} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
      <div class="stack">
        <h1 class="kern-heading-large">{t('audit.title')}</h1>
        <p class="kern-body">{t('audit.intro')}</p>
        <form method="get" action={paths.adminAudit(slug)} class="filter-form" role="search" aria-labelledby="audit-filter-title">
          <h2 class="kern-heading-medium" id="audit-filter-title">{t('audit.filterTitle')}</h2>
          <div class="filter-form__fields">
            {select('person', t('audit.person'), t('audit.allPeople'), model.people.map((p) => ({ value: p, label: p })))}
            {select('art', t('audit.entity'), t('audit.allEntities'), model.entityTypes.map((e) => ({ value: e, label: t(`audit.entityNames.${e}`, { defaultValue: e }) })))}
            {date('von', t('audit.from'))}
            {date('bis', t('audit.to'))}
          </div>
          <div class="actions">
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t('audit.apply')}</span></button>
            {filtered ? <a class="kern-link" href={paths.adminAudit(slug)}>{t('audit.reset')}</a> : null}
          </div>
        </form>
        <p class="kern-body" role="status">{model.total === 0 ? t('audit.noEntries') : t('audit.count', { count: model.total, page: model.page, pages: model.pages })}</p>
        <ol class="audit-list">
          {model.entries.map((e) => {
            const d = describeEntry(t, e);
            return (
              <li class="audit-entry">
                <p class="kern-body kern-body--bold">{d.sentence}</p>
                <p class="meta">
                  <time datetime={e.at}>{formatDate(e.at, lang)}</time> · {t(`audit.entityNames.${e.entity_type}`, { defaultValue: e.entity_type })}
                </p>
                {d.changes.length > 0 ? (
                  <table class="kern-table kern-table--small audit-changes">
                    <caption class="kern-sr-only">{t('audit.changes')}</caption>
                    <thead class="kern-table__header">
                      <tr>
                        <th scope="col">{t('audit.field')}</th>
                        <th scope="col">{t('audit.before')}</th>
                        <th scope="col">{t('audit.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.changes.map((ch) => (
                        <tr>
                          <th scope="row">{ch.label}</th>
                          <td>{ch.before}</td>
                          <td>{ch.after}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </li>
            );
          })}
        </ol>
        {model.pages > 1 ? (
          <nav aria-label={t('audit.pages')} class="actions">
            {model.page > 1 ? <a class="kern-link" href={pageHref(model.page - 1)} rel="prev">{t('audit.newer')}</a> : null}
            {model.page < model.pages ? <a class="kern-link" href={pageHref(model.page + 1)} rel="next">{t('audit.older')}</a> : null}
          </nav>
        ) : null}
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
