// The pages of accounts: one's own account (change the password, or choose one after a one-time password),
// "forgot password", choosing a password through a mailed link, a dead link, accepting a join invitation,
// and an admin's pages to change a person's role or remove them.
import { paths } from './accounts.paths.js';
import { Csrf, ErrorSummary, Select, SubmitButton, TextField } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import type { T } from '../../platform/i18n/i18n.js';

function PasswordFields({ t, form, current }: { t: T; form: FormState; current?: string }) {
  const errorsOnly = { values: {}, errors: form.errors };
  return (
    <>
      {current ? <TextField t={t} form={errorsOnly} name="current_password" label={current} type="password" autocomplete="current-password" /> : null}
      <TextField t={t} form={errorsOnly} name="password" label={t('accounts.change.new')} hint={t('accounts.rules')} type="password" autocomplete="new-password" />
      <TextField t={t} form={errorsOnly} name="password_confirm" label={t('accounts.change.confirm')} type="password" autocomplete="new-password" />
    </>
  );
}

const passwordLabels = (t: T, current?: string) => ({
  ...(current ? { current_password: current } : {}),
  password: t('accounts.change.new'),
  password_confirm: t('accounts.change.confirm'),
});

export function AccountPage({ ctx, form, mustChange }: { ctx: PageContext; form: FormState; mustChange: boolean }) {
  const { t } = ctx;
  const user = ctx.user!;
  const current = mustChange ? t('accounts.mustChange.current') : t('accounts.change.current');
  const title = mustChange ? t('accounts.mustChange.title') : t('accounts.title');
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t('accounts.signedInAs', { name: user.name, email: user.email })}</p>
        {mustChange ? (
          <div class="kern-alert kern-alert--warning" role="status">
            <div class="kern-alert__body"><p class="kern-body">{t('accounts.mustChange.body')}</p></div>
          </div>
        ) : null}
        <section aria-labelledby="change-password">
          <h2 class="kern-heading-medium" id="change-password">{t('accounts.change.title')}</h2>
          <form method="post" action={paths.account()} class="form" novalidate>
            <ErrorSummary t={t} form={form} labels={passwordLabels(t, current)} />
            <Csrf token={ctx.csrfToken} />
            <PasswordFields t={t} form={form} current={current} />
            <SubmitButton label={t('accounts.change.button')} />
          </form>
        </section>
      </div>
    </Layout>
  );
}

export function ForgotPasswordPage({ ctx, form, outcome, mailOff }: { ctx: PageContext; form: FormState; outcome: 'form' | 'sent' | 'limited'; mailOff: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.forgot.title')}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{t('accounts.forgot.title')}</h1>
        {outcome === 'sent' ? (
          <div class="kern-alert kern-alert--success" role="status">
            <div class="kern-alert__body"><p class="kern-body">{t('accounts.forgot.sent')}</p></div>
          </div>
        ) : null}
        {outcome === 'limited' ? (
          <div class="kern-alert kern-alert--danger" role="alert">
            <div class="kern-alert__body"><p class="kern-body">{t('accounts.forgot.limited')}</p></div>
          </div>
        ) : null}
        {mailOff ? <p class="kern-body">{t('accounts.forgot.mailOff')}</p> : null}
        {outcome === 'form' ? (
          <>
            <p class="kern-body">{t('accounts.forgot.intro')}</p>
            <form method="post" action={paths.forgotPassword()} class="form" novalidate>
              <ErrorSummary t={t} form={form} labels={{ email: t('auth.email') }} />
              <Csrf token={ctx.csrfToken} />
              <TextField t={t} form={form} name="email" label={t('auth.email')} type="email" autocomplete="username" />
              <SubmitButton label={t('accounts.forgot.button')} />
            </form>
          </>
        ) : null}
        <p class="kern-body"><a class="kern-link" href={paths.signIn()}>{t('accounts.forgot.back')}</a></p>
      </div>
    </Layout>
  );
}

export function SetPasswordPage({ ctx, form, purpose, email, action }: { ctx: PageContext; form: FormState; purpose: 'invite' | 'reset'; email: string; action: string }) {
  const { t } = ctx;
  const title = purpose === 'invite' ? t('accounts.set.inviteTitle') : t('accounts.set.resetTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('accounts.set.account', { email })}</p>
      <form method="post" action={action} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={passwordLabels(t)} />
        <Csrf token={ctx.csrfToken} />
        <PasswordFields t={t} form={form} />
        <SubmitButton label={t('accounts.set.button')} />
      </form>
    </Layout>
  );
}

export function DeadLinkPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.dead.title')}>
      <h1 class="kern-heading-large">{t('accounts.dead.title')}</h1>
      <p class="kern-body">{t('accounts.dead.body')}</p>
      <p class="kern-body"><a class="kern-link" href={paths.forgotPassword()}>{t('accounts.dead.reset')}</a></p>
      <p class="kern-body">{t('accounts.dead.invite')}</p>
    </Layout>
  );
}

export function JoinPage({ ctx, municipality, role, action, otherAccount }: { ctx: PageContext; municipality: string; role: string; action: string; otherAccount: boolean }) {
  const { t } = ctx;
  const title = t('accounts.join.title', { municipality });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      {otherAccount ? (
        <p class="kern-body">{t('accounts.join.otherAccount')}</p>
      ) : (
        <>
          <p class="kern-body">{t('accounts.join.body', { municipality, role: t(`roles.${role}`) })}</p>
          <form method="post" action={action} class="actions">
            <Csrf token={ctx.csrfToken} />
            <SubmitButton label={t('accounts.join.button')} />
          </form>
        </>
      )}
    </Layout>
  );
}

interface MemberView {
  id: number;
  name: string;
  email: string;
  role: string;
}

export function RolePage({ ctx, member, form }: { ctx: PageContext; member: MemberView; form: FormState }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t('accounts.role.title', { name: member.name });
  const crumbs = [{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminUsers(slug), label: t('users.title') }];
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={crumbs}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('accounts.role.intro', { name: member.name, email: member.email, role: t(`roles.${member.role}`) })}</p>
      <ul class="kern-list kern-list--bullet">
        <li>{t('accounts.role.admin')}</li>
        <li>{t('accounts.role.editor')}</li>
      </ul>
      <form method="post" action={paths.adminMemberRole(slug, member.id)} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={{ role: t('users.role') }} />
        <Csrf token={ctx.csrfToken} />
        <Select t={t} form={form} name="role" label={t('users.role')} options={[{ value: 'editor', label: t('roles.editor') }, { value: 'admin', label: t('roles.admin') }]} />
        <div class="actions">
          <SubmitButton label={t('accounts.role.button')} />
          <a class="kern-link" href={paths.adminUsers(slug)}>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function RemovePage({ ctx, member, error }: { ctx: PageContext; member: MemberView; error: string | null }) {
  const { t } = ctx;
  const m = ctx.municipality!;
  const title = t('accounts.remove.title', { name: member.name });
  const crumbs = [{ href: paths.admin(m.slug), label: t('admin.overview.title') }, { href: paths.adminUsers(m.slug), label: t('users.title') }];
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={crumbs}>
      <h1 class="kern-heading-large">{title}</h1>
      {error ? (
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__body"><p class="kern-body">{t(error)}</p></div>
        </div>
      ) : (
        <p class="kern-body">{t('accounts.remove.consequence', { name: member.name, email: member.email, municipality: m.name })}</p>
      )}
      <form method="post" action={paths.adminMemberRemove(m.slug, member.id)} class="actions">
        <Csrf token={ctx.csrfToken} />
        {error ? null : (
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t('accounts.remove.button')}</span>
          </button>
        )}
        <a class="kern-link" href={paths.adminUsers(m.slug)}>{t('form.cancel')}</a>
      </form>
    </Layout>
  );
}
