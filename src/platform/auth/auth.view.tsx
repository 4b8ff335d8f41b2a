import { platformPaths as paths } from '../http/paths.js';
import { Csrf, ErrorSummary, SubmitButton, TextField } from '../views/components.js';
import { Layout } from '../views/layout.js';
import type { FormState, PageContext } from '../views/page.js';

export function SignInPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const labels = { email: t('auth.email'), password: t('auth.password') };
  return (
    <Layout ctx={ctx} title={t('auth.signInTitle')}>
      <h1 class="kern-heading-large">{t('auth.signInTitle')}</h1>
      <form method="post" action={paths.signIn()} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={labels} />
        <Csrf token={ctx.csrfToken} />
        <input type="hidden" name="next" value={form.values.next ?? ''} />
        <TextField t={t} form={form} name="email" label={labels.email} type="email" autocomplete="username" />
        <TextField t={t} form={{ values: {}, errors: form.errors }} name="password" label={labels.password} type="password" autocomplete="current-password" />
        <SubmitButton label={t('auth.signInButton')} />
      </form>
      <p class="kern-body"><a class="kern-link" href={paths.forgotPassword()}>{t('layout.forgotPassword')}</a></p>
    </Layout>
  );
}

/** The one-time password of an account just created, shown once; an existing account gets none. */
export function OneTimePassword({ ctx, email, password }: { ctx: PageContext; email: string; password: string | null }) {
  const { t } = ctx;
  return (
    <div class="kern-alert kern-alert--success" role="status">
      <div class="kern-alert__header"><span class="kern-title">{t('users.created', { email })}</span></div>
      <div class="kern-alert__body">
        {password ? (
          <>
            <p class="kern-body">{t('users.oneTimePassword')}</p>
            <p><code class="one-time-secret">{password}</code></p>
          </>
        ) : (
          <p class="kern-body">{t('users.existingAccount')}</p>
        )}
      </div>
    </div>
  );
}
