import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../../app.env.js';
import { pageContext, redirectWithFlash, render, type Ctx } from '../../http.kit.js';
import { paths } from '../../paths.js';
import { readForm, validate } from '../http/form.js';
import { SignInPage } from './auth.view.js';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'errors.emailRequired').email('errors.emailInvalid'),
  password: z.string().min(1, 'errors.passwordRequired'),
  next: z.string().default(''),
});

/** Only local paths are followed after sign-in, never another site. */
const safeNext = (next: string | undefined) => (next && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : null);

interface CookieOptions {
  cookieBase: { path: string; httpOnly: boolean; sameSite: 'Lax'; secure: boolean };
  sessionCookie: string;
  csrfCookie: string;
}

export function registerAuthRoutes(app: Hono<AppEnv>, cookies: CookieOptions) {
  app.get(paths.signIn(), (c) => {
    const next = safeNext(c.req.query('next')) ?? '';
    return render(c, <SignInPage ctx={pageContext(c)} form={{ values: { email: '', next }, errors: {} }} />);
  });

  app.post(paths.signIn(), async (c) => {
    const { services, config } = c.get('deps');
    const values = await readForm(c);
    const v = validate(signInSchema, values);
    const keep = { email: values.email ?? '', next: values.next ?? '' };
    if (!v.ok) return render(c, <SignInPage ctx={pageContext(c)} form={{ values: keep, errors: v.form.errors }} />, 400);
    const ip = c.req.header('x-forwarded-for')?.split(',')[0].trim() || 'local';
    const key = `signin:${v.data.email.toLowerCase()}:${ip}`;
    if (!(await services.auth.hitRateLimit(key, config.loginMaxAttempts, config.loginWindowMinutes))) {
      return render(c, <SignInPage ctx={pageContext(c)} form={{ values: keep, errors: { email: 'errors.tooManyAttempts' } }} />, 429);
    }
    const user = await services.auth.authenticate(v.data.email, v.data.password);
    if (!user) return render(c, <SignInPage ctx={pageContext(c)} form={{ values: keep, errors: { email: 'errors.signInFailed' } }} />, 400);
    await services.auth.clearRateLimit(key);
    const old = getCookie(c, cookies.sessionCookie);
    if (old) await services.auth.deleteSession(old);
    const session = await services.auth.createSession(user.id);
    setCookie(c, cookies.sessionCookie, session.token, { ...cookies.cookieBase, maxAge: config.sessionTtlHours * 3600 });
    deleteCookie(c, cookies.csrfCookie, { path: '/' });
    c.set('t', c.get('t'));
    return redirectWithFlash(c as Ctx, safeNext(v.data.next) ?? (await landingFor(c as Ctx, user.id, user.isInstanceAdmin)), c.get('t')('auth.signedIn', { name: user.name }));
  });

  app.post(paths.signOut(), async (c) => {
    const token = getCookie(c, cookies.sessionCookie);
    if (token) await c.get('deps').services.auth.deleteSession(token);
    deleteCookie(c, cookies.sessionCookie, { path: '/' });
    return redirectWithFlash(c as Ctx, paths.home(), c.get('t')('auth.signedOut'));
  });
}

/** Where a person lands after signing in: their municipality's admin area, or the instance admin. */
async function landingFor(c: Ctx, userId: number, isInstanceAdmin: boolean): Promise<string> {
  const { db } = c.get('deps');
  const first = await db.kysely
    .selectFrom('memberships')
    .innerJoin('municipalities', 'municipalities.id', 'memberships.municipality_id')
    .select('municipalities.slug')
    .where('memberships.user_id', '=', userId)
    .orderBy('municipalities.name')
    .executeTakeFirst();
  if (first) return paths.admin(first.slug);
  return isInstanceAdmin ? paths.instanceAdmin() : paths.home();
}
