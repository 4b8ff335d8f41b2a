// The routes of single sign-on. The flow's secrets (PKCE verifier, state, nonce) travel in a sealed cookie of
// ten minutes for this municipality only; the return checks them and signs the person in through the platform.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http/env.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { sealJson, unsealJson } from '../../platform/http/seal.js';
import type { RouteContext } from '../../platform/module.js';
import type { FormState } from '../../platform/views/page.js';
import { paths } from './sso.paths.js';
import { settingsSchema } from './sso.schema.js';
import type { Flow } from './sso.service.js';
import { RefusedPage, SettingsPage, SignInChoicePage } from './sso.view.js';

const FLOW_COOKIE = 'teilhabe_sso';
const FLOW_PURPOSE = 'sso-flow';
const FLOW_SECONDS = 600;

export function ssoRoutes(context: RouteContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const sso = context.services.sso;
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const key = (c: Ctx) => c.get('flashCookie').key;

  app.get(paths.municipalitySignIn.pattern, async (c) => {
    const p = await sso.enabledProvider(mid(c));
    return render(c, <SignInChoicePage ctx={pageContext(c)} label={p ? p.label : null} />);
  });

  app.get(paths.start.pattern, async (c) => {
    if (!(await sso.enabledProvider(mid(c)))) throw new NotFoundError('sso');
    let started;
    try {
      started = await sso.start(mid(c), slugOf(c));
    } catch {
      return render(c, <RefusedPage ctx={pageContext(c)} reason="unreachable" />, 500);
    }
    setCookie(c, FLOW_COOKIE, sealJson(key(c), FLOW_PURPOSE, started.flow), { path: `/${slugOf(c)}/anmelden`, httpOnly: true, sameSite: 'Lax', secure: c.get('flashCookie').secure, maxAge: FLOW_SECONDS });
    c.header('cache-control', 'no-store');
    return c.redirect(started.url, 302);
  });

  app.get(paths.callback.pattern, async (c) => {
    const raw = getCookie(c, FLOW_COOKIE);
    deleteCookie(c, FLOW_COOKIE, { path: `/${slugOf(c)}/anmelden` });
    c.header('cache-control', 'no-store');
    const flow = raw ? (unsealJson(key(c), FLOW_PURPOSE, raw, 4096) as Flow | null) : null;
    if (!flow) return render(c, <RefusedPage ctx={pageContext(c)} reason="failed" />, 400);
    const query = new URL(c.req.url).search;
    const result = await sso.finish(mid(c), slugOf(c), query, flow);
    if (!result.ok) return render(c, <RefusedPage ctx={pageContext(c)} reason={result.reason} />, result.reason === 'failed' ? 400 : 403);
    await context.startSession(c, result.userId);
    return redirectWithFlash(c, paths.admin(slugOf(c)), c.get('t')('auth.signedIn', { name: result.name }));
  });

  const settingsPage = async (c: Ctx, form: FormState | null, status: 200 | 400) => {
    const p = await sso.provider(mid(c));
    const values: Record<string, string> = p
      ? { enabled: p.enabled ? '1' : '', label: p.label, issuer: p.issuer, client_id: p.client_id, client_secret: '', role_claim: p.role_claim, admin_values: p.admin_values, editor_values: p.editor_values, create_accounts: p.create_accounts ? '1' : '' }
      : { role_claim: 'groups' };
    c.header('cache-control', 'no-store');
    return render(c, <SettingsPage ctx={pageContext(c)} form={form ?? { values, errors: {} }} redirectUri={sso.redirectUri(slugOf(c))} secretSet={!!p?.client_secret} />, status);
  };
  app.get(paths.adminSettings.pattern, (c) => {
    requirePermission(c, 'users.manage');
    return settingsPage(c, null, 200);
  });
  app.post(paths.adminSettings.pattern, async (c) => {
    const by = requirePermission(c, 'users.manage');
    const values = await readForm(c);
    const v = validate(settingsSchema, values);
    // the secret is never sent back into the form
    if (!v.ok) return settingsPage(c, { values: { ...values, client_secret: '' }, errors: v.form.errors }, 400);
    await sso.saveSettings(mid(c), v.data, by);
    return redirectWithFlash(c, paths.adminSettings(slugOf(c)), c.get('t')('sso.flash.saved'));
  });

  return app;
}
