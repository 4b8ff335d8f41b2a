// The pages of single sign-on: a municipality's sign-in page (its provider's button, the password way), a refused
// return (why, in plain words), and the officer's settings of the provider with the address to register there.
import { Checkbox, Csrf, ErrorSummary, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { paths } from './sso.paths.js';

const k = 'sso';

export function SignInChoicePage({ ctx, label }: { ctx: PageContext; label: string | null }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.signIn.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{title}</h1>
        {label !== null ? (
          <section class="stack" aria-labelledby="sso-dienstkonto">
            <h2 class="kern-heading-medium" id="sso-dienstkonto">{t(`${k}.signIn.staff`)}</h2>
            <p class="kern-body">{t(`${k}.signIn.staffHint`)}</p>
            <p class="kern-body">
              <a class="kern-btn kern-btn--primary" href={paths.start(slug)}><span class="kern-label">{label || t(`${k}.signIn.button`)}</span></a>
            </p>
          </section>
        ) : null}
        <section class="stack" aria-labelledby="sso-passwort">
          <h2 class="kern-heading-medium" id="sso-passwort">{t(`${k}.signIn.password`)}</h2>
          <p class="kern-body"><a class="kern-link" href={`${paths.signIn()}?next=${encodeURIComponent(paths.admin(slug))}`}>{t(`${k}.signIn.passwordLink`)}</a></p>
        </section>
      </div>
    </Layout>
  );
}

export function RefusedPage({ ctx, reason }: { ctx: PageContext; reason: string }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.refused.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(`${k}.refused.${reason}`)}</p>
        <p class="kern-body"><a class="kern-link" href={paths.municipalitySignIn(slug)}>{t(`${k}.refused.again`)}</a></p>
      </div>
    </Layout>
  );
}

export function ssoLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    enabled: t(`${k}.settings.enabled`), label: t(`${k}.settings.label`), issuer: t(`${k}.settings.issuer`), client_id: t(`${k}.settings.clientId`),
    client_secret: t(`${k}.settings.clientSecret`), role_claim: t(`${k}.settings.roleClaim`), admin_values: t(`${k}.settings.adminValues`),
    editor_values: t(`${k}.settings.editorValues`), create_accounts: t(`${k}.settings.createAccounts`),
  };
}

export function SettingsPage({ ctx, form, redirectUri, secretSet }: { ctx: PageContext; form: FormState; redirectUri: string; secretSet: boolean }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.settings.title`);
  const labels = ssoLabels(ctx);
  return (
    <Layout ctx={ctx} title={title} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t(`${k}.settings.intro`)}</p>
          <dl class="facts">
            <dt>{t(`${k}.settings.redirectUri`)}</dt>
            <dd><code>{redirectUri}</code></dd>
            <dt>{t(`${k}.settings.signInPage`)}</dt>
            <dd><a class="kern-link" href={paths.municipalitySignIn(slug)}>{paths.municipalitySignIn(slug)}</a></dd>
          </dl>
        </div>
        <form method="post" action={paths.adminSettings(slug)} class="form stack" novalidate>
          <ErrorSummary t={t} form={form} labels={labels} />
          <Csrf token={ctx.csrfToken} />
          <Checkbox t={t} form={form} name="enabled" label={labels.enabled} />
          <TextField t={t} form={form} name="label" label={labels.label} optional hint={t(`${k}.settings.labelHint`)} maxLength={120} />
          <TextField t={t} form={form} name="issuer" label={labels.issuer} type="url" hint={t(`${k}.settings.issuerHint`)} maxLength={500} />
          <TextField t={t} form={form} name="client_id" label={labels.client_id} maxLength={300} />
          <TextField t={t} form={form} name="client_secret" label={labels.client_secret} type="password" autocomplete="new-password" optional hint={secretSet ? t(`${k}.settings.secretKept`) : t(`${k}.settings.secretHint`)} maxLength={500} />
          <TextField t={t} form={form} name="role_claim" label={labels.role_claim} hint={t(`${k}.settings.roleClaimHint`)} maxLength={100} />
          <TextArea t={t} form={form} name="admin_values" label={labels.admin_values} optional hint={t(`${k}.settings.valuesHint`)} rows={3} maxLength={2000} />
          <TextArea t={t} form={form} name="editor_values" label={labels.editor_values} optional hint={t(`${k}.settings.valuesHint`)} rows={3} maxLength={2000} />
          <Checkbox t={t} form={form} name="create_accounts" label={labels.create_accounts} />
          <SubmitButton label={t('form.save')} />
        </form>
      </div>
    </Layout>
  );
}
