import type { Hono } from 'hono';
import type { Config } from '../config.js';
import type { AuthService } from './auth.service.js';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { pageContext, redirectWithFlash, render, type Ctx } from '../http/kit.js';
import { platformPaths as paths } from '../http/paths.js';
import { readForm, validate } from '../http/form.js';
import { SignInPage } from './auth.view.js';
import { clientAddress, type TrustedProxies } from './client.address.js';
import type { SignInLimits } from './signin.limits.js';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'errors.emailRequired').email('errors.emailInvalid'),
  password: z.string().min(1, 'errors.passwordRequired'),
  next: z.string().default(''),
});

/** Only local paths are followed after sign-in, never another site. */
const safeNext = (next: string | undefined) => (next && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : null);

export interface CookieOptions {
  cookieBase: { path: string; httpOnly: boolean; sameSite: 'Lax'; secure: boolean };
  sessionCookie: string;
  csrfCookie: string;
}

/** The sign-in's limits, and the proxies whose X-Forwarded-For names the client. */
export interface SignInGuards {
  signIn: SignInLimits;
  proxies: TrustedProxies;
}

export function registerAuthRoutes(app: Hono<AppEnv>, cookies: CookieOptions, auth: AuthService, config: Config, limits: SignInGuards) {
  app.get(paths.signIn(), (c) => {
    const next = safeNext(c.req.query('next')) ?? '';
    return render(c, <SignInPage ctx={pageContext(c)} form={{ values: { email: '', next }, errors: {} }} />);
  });

  app.post(paths.signIn(), async (c) => {
    const values = await readForm(c);
    const v = validate(signInSchema, values);
    const keep = { email: values.email ?? '', next: values.next ?? '' };
    if (!v.ok) return render(c, <SignInPage ctx={pageContext(c)} form={{ values: keep, errors: v.form.errors }} />, 400);
    const client = clientAddress(c, limits.proxies);
    const verdict = await limits.signIn.attempt(v.data.email, client);
    // Every answer does the same work (one lookup, one password check), limited or not, known address or not.
    const user = await auth.authenticate(v.data.email, v.data.password);
    if (!verdict.allowed) {
      const wait = verdict.waitSeconds < 60 ? c.get('t')('errors.waitSeconds', { count: verdict.waitSeconds }) : c.get('t')('errors.waitMinutes', { count: Math.ceil(verdict.waitSeconds / 60) });
      c.header('retry-after', String(verdict.waitSeconds));
      return render(c, <SignInPage ctx={pageContext(c)} form={{ values: keep, errors: { email: wait } }} />, 429);
    }
    if (!user) return render(c, <SignInPage ctx={pageContext(c)} form={{ values: keep, errors: { email: 'errors.signInFailed' } }} />, 400);
    await limits.signIn.succeeded(v.data.email, client);
    await startSession(c as Ctx, cookies, auth, config, user.id);
    // A one-time password is replaced before anything else.
    if (user.mustChangePassword) return redirectWithFlash(c as Ctx, paths.account(), c.get('t')('auth.signedIn', { name: user.name }));
    return redirectWithFlash(c as Ctx, safeNext(v.data.next) ?? (await landingFor(auth, user.id, user.isInstanceAdmin)), c.get('t')('auth.signedIn', { name: user.name }));
  });

  app.post(paths.signOut(), async (c) => {
    const token = getCookie(c, cookies.sessionCookie);
    if (token) await auth.deleteSession(token);
    deleteCookie(c, cookies.sessionCookie, { path: '/' });
    return redirectWithFlash(c as Ctx, paths.home(), c.get('t')('auth.signedOut'));
  });
}

/**
 * Signs a person in on this response: a new session (any earlier one of this browser ends) and a new CSRF token.
 * Password sign-in and single sign-on (a module) both end here.
 */
export async function startSession(c: Ctx, cookies: CookieOptions, auth: AuthService, config: Config, userId: number): Promise<void> {
  const old = getCookie(c, cookies.sessionCookie);
  if (old) await auth.deleteSession(old);
  const session = await auth.createSession(userId);
  setCookie(c, cookies.sessionCookie, session.token, { ...cookies.cookieBase, maxAge: config.sessionTtlHours * 3600 });
  deleteCookie(c, cookies.csrfCookie, { path: '/' });
}

/** Where a person lands after signing in: their municipality's admin area, or the instance admin. */
async function landingFor(auth: AuthService, userId: number, isInstanceAdmin: boolean): Promise<string> {
  const first = await auth.firstMunicipalitySlugOf(userId);
  if (first) return paths.admin(first);
  return isInstanceAdmin ? paths.instanceAdmin() : paths.home();
}
