// The officer's pages of open data: the settings (licence, attribution, embed origins, GovData ids) with the
// addresses of the API, the catalogue and the embed codes; the personal tokens (made, shown once, revoked).
import { ActionButton, Csrf, ErrorSummary, Select, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate } from '../../platform/views/format.js';
import { InLang } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { LICENCE_CODES, LICENCES, TOKEN_DAYS, type TokenRole } from './opendata.model.js';
import { opendataPaths as paths } from './opendata.paths.js';
import { platformPaths } from '../../platform/http/paths.js';

const k = 'opendata';

export function SettingsPage({ ctx, form, embeds, publicUrl }: { ctx: PageContext; form: FormState; embeds: Array<{ name: string; label: string; url: string }>; publicUrl: string }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.settings.title`);
  const labels = { licence: t(`${k}.settings.licence`), attribution: t(`${k}.settings.attribution`), embed_origins: t(`${k}.settings.origins`), contributor_id: t(`${k}.settings.contributor`), regional_key: t(`${k}.settings.regionalKey`) };
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: platformPaths.admin(slug), label: t('admin.overview.title') }]} area="admin">
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(`${k}.settings.intro`)}</p>
        <ErrorSummary t={t} form={form} labels={labels} />
        <form method="post" action={paths.adminSettings(slug)} class="stack" novalidate>
          <Csrf token={ctx.csrfToken} />
          <Select t={t} form={form} name="licence" label={labels.licence} hint={t(`${k}.settings.licenceHint`)} options={LICENCE_CODES.map((code) => ({ value: code, label: LICENCES[code].name }))} />
          <TextField t={t} form={form} name="attribution" label={labels.attribution} hint={t(`${k}.settings.attributionHint`)} optional maxLength={300} />
          <TextArea t={t} form={form} name="embed_origins" label={labels.embed_origins} hint={t(`${k}.settings.originsHint`)} optional rows={3} />
          <TextField t={t} form={form} name="contributor_id" label={labels.contributor_id} hint={t(`${k}.settings.contributorHint`)} optional />
          <TextField t={t} form={form} name="regional_key" label={labels.regional_key} hint={t(`${k}.settings.regionalKeyHint`)} optional inputmode="numeric" width="short" />
          <div>
            <SubmitButton label={t(`${k}.settings.save`)} />
          </div>
        </form>

        <h2 class="kern-heading-medium">{t(`${k}.settings.addresses`)}</h2>
        <ul class="kern-body opendata-addresses">
          <li><a class="kern-link" href={paths.openapi()}>{t(`${k}.settings.openapi`)}</a> <code>{`${publicUrl}${paths.openapi()}`}</code></li>
          <li><a class="kern-link" href={paths.apiRoot(slug)}>{t(`${k}.settings.apiRoot`)}</a> <code>{`${publicUrl}${paths.apiRoot(slug)}`}</code></li>
          <li><a class="kern-link" href={paths.catalogue(slug, 'ttl')}>{t(`${k}.settings.catalogue`)}</a> <code>{`${publicUrl}${paths.catalogue(slug, 'ttl')}`}</code></li>
          <li><a class="kern-link" href={paths.adminTokens(slug)}>{t(`${k}.tokens.title`)}</a></li>
        </ul>

        <h2 class="kern-heading-medium">{t(`${k}.settings.embeds`)}</h2>
        <p class="kern-body">{t(`${k}.settings.embedsIntro`)}</p>
        {embeds.map((e) => (
          <section class="stack" aria-labelledby={`embed-${e.name}`}>
            <h3 class="kern-heading-small" id={`embed-${e.name}`}>{e.label}</h3>
            <p class="kern-body"><a class="kern-link" href={e.url}>{t(`${k}.settings.preview`)}</a></p>
            <pre class="embed-code"><code>{`<iframe src="${e.url}?lang=de" title="${e.label}" width="100%" height="600" loading="lazy"></iframe>`}</code></pre>
          </section>
        ))}
      </div>
    </Layout>
  );
}

type TokenRow = { id: number; name: string; role: string; prefix: string; created_at: string; expires_at: string; revoked_at: string | null; last_used_at: string | null };

export function TokensPage({ ctx, form, roles, tokens, created, now, apiBase }: { ctx: PageContext; form: FormState; roles: TokenRole[]; tokens: TokenRow[]; created: string | null; now: string; apiBase: string }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.tokens.title`);
  const labels = { name: t(`${k}.tokens.name`), role: t(`${k}.tokens.role`), days: t(`${k}.tokens.days`) };
  const stateOf = (r: TokenRow) => (r.revoked_at ? t(`${k}.tokens.state.revoked`) : r.expires_at <= now ? t(`${k}.tokens.state.expired`) : t(`${k}.tokens.state.active`));
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: platformPaths.admin(slug), label: t('admin.overview.title') }]} area="admin">
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(`${k}.tokens.intro`)}</p>
        {created ? (
          <div class="kern-alert kern-alert--success" role="status">
            <div class="kern-alert__header">
              <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
              <span class="kern-title">{t(`${k}.tokens.createdTitle`)}</span>
            </div>
            <div class="kern-alert__body stack">
              <p class="kern-body">{t(`${k}.tokens.createdOnce`)}</p>
              <p class="kern-body"><code class="token-value" id="new-token">{created}</code></p>
              <pre class="embed-code"><code>{`curl -X POST -H "Authorization: Bearer ${created}" -H "Content-Type: application/json" \\\n  -d '${JSON.stringify({ label: t(`${k}.tokens.exampleLabel`) })}' ${apiBase}/measures/1/status`}</code></pre>
            </div>
          </div>
        ) : null}
        <h2 class="kern-heading-medium">{t(`${k}.tokens.new`)}</h2>
        <ErrorSummary t={t} form={form} labels={labels} />
        <form method="post" action={paths.adminTokens(slug)} class="stack" novalidate>
          <Csrf token={ctx.csrfToken} />
          <TextField t={t} form={form} name="name" label={labels.name} hint={t(`${k}.tokens.nameHint`)} maxLength={80} />
          <Select t={t} form={form} name="role" label={labels.role} hint={t(`${k}.tokens.roleHint`)} options={roles.map((r) => ({ value: r, label: t(`${k}.tokens.roles.${r}`) }))} />
          <Select t={t} form={form} name="days" label={labels.days} options={TOKEN_DAYS.map((d) => ({ value: String(d), label: t(`${k}.tokens.dayCount`, { count: d }) }))} />
          <div>
            <SubmitButton label={t(`${k}.tokens.create`)} />
          </div>
        </form>
        <h2 class="kern-heading-medium">{t(`${k}.tokens.list`)}</h2>
        <DataTable
          caption={t(`${k}.tokens.list`)}
          empty={t(`${k}.tokens.none`)}
          columns={[{ label: labels.name }, { label: t(`${k}.tokens.prefix`) }, { label: labels.role }, { label: t(`${k}.tokens.expires`) }, { label: t(`${k}.tokens.lastUsed`) }, { label: t(`${k}.tokens.stateLabel`) }, { label: t(`${k}.tokens.actions`) }]}
          rows={tokens.map((r) => [
            r.name, <code>{`${r.prefix}…`}</code>, t(`${k}.tokens.roles.${r.role}`), formatDate(r.expires_at, lang), r.last_used_at ? formatDate(r.last_used_at, lang) : '–', stateOf(r),
            r.revoked_at ? '' : <ActionButton action={paths.adminTokenRevoke(slug, r.id)} csrfToken={ctx.csrfToken} label={t(`${k}.tokens.revoke`)} srLabel={r.name} size="x-small" />,
          ])}
          rowHeaders
        />
      </div>
    </Layout>
  );
}

type PublicPlan = { id: number; title: string; titleAttrs: { lang?: string; dir?: string }; state: string; updatedAt: string };

/** The public page of open data: the licence, the downloads per plan, and where the API and the metadata are. */
export function OpenDataPage({ ctx, licence, attribution, plans, publicUrl }: { ctx: PageContext; licence: { name: string; url: string; short: string; attribution: boolean }; attribution: string; plans: PublicPlan[]; publicUrl: string }) {
  const { t, lang } = ctx;
  const m = ctx.municipality!;
  const title = t(`${k}.public.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(`${k}.public.intro`, { name: m.name })}</p>
        <h2 class="kern-heading-medium">{t(`${k}.public.licence`)}</h2>
        <p class="kern-body">
          <a class="kern-link" href={licence.url} rel="license" lang="de">{licence.name}</a>
        </p>
        {licence.attribution ? <p class="kern-body">{t(`${k}.public.attribution`)} <q lang="de">{attribution || m.name}</q></p> : null}
        <h2 class="kern-heading-medium">{t(`${k}.public.downloads`)}</h2>
        {plans.length === 0 ? <p class="kern-body">{t(`${k}.public.none`)}</p> : (
          <ul class="kern-body stack">
            {plans.map((p) => (
              <li>
                <InLang attrs={p.titleAttrs}>{p.title}</InLang> ({t(`${k}.public.updated`, { date: formatDate(p.updatedAt, lang) })}):{' '}
                <a class="kern-link" href={paths.planData(m.slug, p.id, 'json')} download>{t(`${k}.public.json`)}</a>,{' '}
                <a class="kern-link" href={paths.planData(m.slug, p.id, 'csv')} download>{t(`${k}.public.csv`)}</a>
              </li>
            ))}
          </ul>
        )}
        <h2 class="kern-heading-medium">{t(`${k}.public.machines`)}</h2>
        <ul class="kern-body opendata-addresses">
          <li>{t(`${k}.settings.openapi`)}: <a class="kern-link" href={paths.openapi()}><code>{`${publicUrl}${paths.openapi()}`}</code></a></li>
          <li>{t(`${k}.settings.apiRoot`)}: <a class="kern-link" href={paths.apiRoot(m.slug)}><code>{`${publicUrl}${paths.apiRoot(m.slug)}`}</code></a></li>
          <li>{t(`${k}.settings.catalogue`)}: <a class="kern-link" href={paths.catalogue(m.slug, 'ttl')}><code>{`${publicUrl}${paths.catalogue(m.slug, 'ttl')}`}</code></a></li>
        </ul>
      </div>
    </Layout>
  );
}
