// The officer's pages (open data settings with the embed codes; personal tokens: made, shown once, revoked)
// and the embed views, whose Content-Security-Policy lets exactly the municipality's listed origins frame them.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, requireUser, type Ctx } from '../../platform/http/kit.js';
import type { EmbedView, RouteContext } from '../../platform/module.js';
import type { FormState } from '../../platform/views/page.js';
import { EmbedPage } from './embed.view.js';
import { licenceOf, tokenRolesFor } from './opendata.model.js';
import { opendataPaths as paths } from './opendata.paths.js';
import { settingsSchema, tokenSchema } from './opendata.schema.js';
import { OpenDataPage, SettingsPage, TokensPage } from './opendata.view.js';

/** The policy of an embed view: the app's own, with frame-ancestors naming the allowed origins (none: 'none'). */
export function embedPolicy(origins: string[]): string {
  const ancestors = origins.length ? origins.join(' ') : "'none'";
  return `default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors ${ancestors}; base-uri 'none'; object-src 'none'`;
}

export function opendataRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, config } = context;
  const od = services.opendata;
  const app = new Hono<AppEnv>();
  const embeds = new Map<string, EmbedView>(context.api.flatMap((a) => Object.entries(a.embeds ?? {})));
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const publicUrl = config.publicUrl.replace(/\/$/, '');

  app.get(paths.embed.pattern, async (c) => {
    const { view } = paths.embed.params(c);
    const embed = embeds.get(view);
    if (!embed) throw new NotFoundError('embed');
    const settings = await od.settings(mid(c));
    const content = await embed.render(c);
    if (content === null) throw new NotFoundError('embed content');
    c.header('content-security-policy', embedPolicy(settings.embedOrigins));
    // not in shared caches: the answer may set the visitor's own cookies (language, CSRF token)
    c.header('cache-control', 'private, max-age=300');
    const t = c.get('t');
    return render(c, <EmbedPage ctx={pageContext(c)} title={t(embed.label)} settings={settings} source={`${publicUrl}${embed.page(slugOf(c))}`}>{content}</EmbedPage>);
  });

  app.get(paths.openData.pattern, async (c) => {
    const m = c.get('municipality');
    const settings = await od.settings(m.id);
    const { items } = await od.publicPlans(m.id, { limit: 100, offset: 0 });
    const ct = await services.content.load(m.id, c.get('lang'), items.map((p) => ({ entityType: 'plan', entityId: p.id, field: 'title', source: p.title })));
    c.set('content', ct);
    const plans = items.map((p) => ({ id: p.id, title: ct.text('plan', p.id, 'title', p.title), titleAttrs: ct.attrs('plan', p.id, 'title'), state: p.state, updatedAt: p.updated_at }));
    return render(c, <OpenDataPage ctx={pageContext(c)} licence={licenceOf(settings.licence)} attribution={settings.attribution} plans={plans} publicUrl={publicUrl} />);
  });

  const showSettings = async (c: Ctx, form: FormState | null, status: 200 | 400 = 200) => {
    const settings = await od.settings(mid(c));
    const values = form ?? { values: { licence: settings.licence, attribution: settings.attribution, embed_origins: settings.embedOrigins.join('\n'), contributor_id: settings.contributorId, regional_key: settings.regionalKey }, errors: {} };
    const views = [...embeds.entries()].map(([name, e]) => ({ name, label: c.get('t')(e.label), url: `${publicUrl}${paths.embed(slugOf(c), name)}` }));
    return render(c, <SettingsPage ctx={pageContext(c)} form={values} embeds={views} publicUrl={publicUrl} />, status);
  };

  app.get(paths.adminSettings.pattern, async (c) => {
    requirePermission(c, 'municipality.edit');
    return showSettings(c, null);
  });

  app.post(paths.adminSettings.pattern, async (c) => {
    const by = requirePermission(c, 'municipality.edit');
    const values = await readForm(c);
    const v = validate(settingsSchema, values);
    if (!v.ok) return showSettings(c, v.form, 400);
    await od.saveSettings(mid(c), v.data, by);
    return redirectWithFlash(c, paths.adminSettings(slugOf(c)), c.get('t')('opendata.settings.saved'));
  });

  const rolesOf = (c: Ctx) => tokenRolesFor(c.get('role'), requireUser(c).isInstanceAdmin);
  const showTokens = async (c: Ctx, form: FormState, created: string | null, status: 200 | 400 = 200) => {
    const user = requireUser(c);
    const tokens = await od.listTokens(mid(c), user.id);
    return render(c, <TokensPage ctx={pageContext(c)} form={form} roles={rolesOf(c)} tokens={tokens} created={created} now={context.clock().toISOString()} apiBase={`${publicUrl}/api/v1/${slugOf(c)}`} />, status);
  };
  const mayMakeTokens = (c: Ctx) => {
    if (!rolesOf(c).length) throw new ForbiddenError();
  };

  app.get(paths.adminTokens.pattern, async (c) => {
    mayMakeTokens(c);
    return showTokens(c, { values: { days: '90' }, errors: {} }, null);
  });

  app.post(paths.adminTokens.pattern, async (c) => {
    mayMakeTokens(c);
    const user = requireUser(c);
    const values = await readForm(c);
    const v = validate(tokenSchema, values);
    if (!v.ok) return showTokens(c, v.form, null, 400);
    if (!rolesOf(c).includes(v.data.role as never)) return showTokens(c, { values, errors: { role: 'errors.choiceInvalid' } }, null, 400);
    const { token } = await od.createToken(mid(c), { userId: user.id, role: c.get('role'), isInstanceAdmin: user.isInstanceAdmin }, { name: v.data.name, role: v.data.role as 'admin' | 'editor', days: v.data.days }, { userId: user.id, name: user.name });
    // shown once, on this answer only (admin pages are never stored: no-store)
    return showTokens(c, { values: { days: '90' }, errors: {} }, token);
  });

  app.post(paths.adminTokenRevoke.pattern, async (c) => {
    mayMakeTokens(c);
    const user = requireUser(c);
    const { id } = paths.adminTokenRevoke.params(c);
    await od.revokeToken(mid(c), id, { userId: user.id, mayManageAll: false }, { userId: user.id, name: user.name });
    return redirectWithFlash(c, paths.adminTokens(slugOf(c)), c.get('t')('opendata.tokens.revoked'));
  });

  return app;
}
