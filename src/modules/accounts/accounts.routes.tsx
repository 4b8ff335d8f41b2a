// The routes of accounts. Outside any municipality: one's own account, "forgot password", the links of
// invitation and reset mails. Inside the admin area: a person's role and their removal (users.manage).
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { clientAddress, TrustedProxies } from '../../platform/auth/client.address.js';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, redirectWithFlash, render, requirePermission, requireUser, type Ctx } from '../../platform/http/kit.js';
import { InvalidInputError, UnauthenticatedError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import type { RouteContext } from '../../platform/module.js';
import { paths } from './accounts.paths.js';
import { changePasswordSchema, forgotPasswordSchema, newPasswordSchema, roleSchema } from './accounts.schema.js';
import { AccountPage, DeadLinkPage, ForgotPasswordPage, JoinPage, RemovePage, RolePage, SetPasswordPage } from './accounts.view.js';

/** The platform's session cookie (src/app.tsx): a password change keeps the session it was made in. */
const SESSION_COOKIE = 'teilhabe_session';

export function accountRoutes(context: RouteContext): Hono<AppEnv> {
  const { accounts, auth } = context.services;
  // The client a reset request is counted for: X-Forwarded-For only from the configured proxies (as sign-in).
  const proxies = new TrustedProxies(context.config.trustedProxies);
  const clientOf = (c: Ctx) => clientAddress(c, proxies);
  const app = new Hono<AppEnv>();
  const empty = { values: {}, errors: {} };

  // ---- one's own account -------------------------------------------------------------------------------
  app.get(paths.account.pattern, (c) => {
    const user = requireUser(c);
    return render(c, <AccountPage ctx={pageContext(c)} form={empty} mustChange={user.mustChangePassword} />);
  });
  app.post(paths.account.pattern, async (c) => {
    const user = requireUser(c);
    const v = validate(changePasswordSchema, await readForm(c));
    const show = (errors: Record<string, string>) => render(c, <AccountPage ctx={pageContext(c)} form={{ values: {}, errors }} mustChange={user.mustChangePassword} />, 400);
    if (!v.ok) return show(v.form.errors);
    try {
      await accounts.changePassword(user, v.data.current_password, v.data.password, getCookie(c, SESSION_COOKIE));
    } catch (e) {
      if (e instanceof InvalidInputError) return show(e.errors);
      throw e;
    }
    const t = c.get('t');
    if (!user.mustChangePassword) return redirectWithFlash(c, paths.account(), t('accounts.change.done'));
    // After the one-time password: on to where the person works.
    const slug = await auth.firstMunicipalitySlugOf(user.id);
    return redirectWithFlash(c, slug ? paths.admin(slug) : user.isInstanceAdmin ? paths.instanceAdmin() : paths.home(), t('accounts.change.done'));
  });

  // ---- forgot password ---------------------------------------------------------------------------------
  app.get(paths.forgotPassword.pattern, (c) =>
    render(c, <ForgotPasswordPage ctx={pageContext(c)} form={empty} outcome="form" mailOff={!accounts.mailConfigured} />),
  );
  app.post(paths.forgotPassword.pattern, async (c) => {
    const values = await readForm(c);
    const v = validate(forgotPasswordSchema, values);
    if (!v.ok) return render(c, <ForgotPasswordPage ctx={pageContext(c)} form={v.form} outcome="form" mailOff={!accounts.mailConfigured} />, 400);
    // The same answer whether or not the address has an account.
    const outcome = await accounts.requestReset(v.data.email, clientOf(c), c.get('lang'));
    if (outcome === 'limited') return render(c, <ForgotPasswordPage ctx={pageContext(c)} form={empty} outcome="limited" mailOff={false} />, 429);
    return render(c, <ForgotPasswordPage ctx={pageContext(c)} form={empty} outcome="sent" mailOff={!accounts.mailConfigured} />);
  });

  // ---- the link of an invitation or reset mail ---------------------------------------------------------
  app.get(paths.setPassword.pattern, async (c) => {
    const { token } = paths.setPassword.params(c);
    const t = await accounts.liveToken(token, ['invite', 'reset']);
    if (!t) return render(c, <DeadLinkPage ctx={pageContext(c)} />, 404);
    // The link is in the address bar: no cache keeps the page.
    c.header('cache-control', 'no-store');
    return render(c, <SetPasswordPage ctx={pageContext(c)} form={empty} purpose={t.purpose === 'invite' ? 'invite' : 'reset'} email={t.email} action={paths.setPassword(token)} />);
  });
  app.post(paths.setPassword.pattern, async (c) => {
    const { token } = paths.setPassword.params(c);
    const t = await accounts.liveToken(token, ['invite', 'reset']);
    if (!t) return render(c, <DeadLinkPage ctx={pageContext(c)} />, 404);
    const v = validate(newPasswordSchema, await readForm(c));
    if (!v.ok) return render(c, <SetPasswordPage ctx={pageContext(c)} form={{ values: {}, errors: v.form.errors }} purpose={t.purpose === 'invite' ? 'invite' : 'reset'} email={t.email} action={paths.setPassword(token)} />, 400);
    if (!(await accounts.setPasswordWithToken(token, v.data.password))) return render(c, <DeadLinkPage ctx={pageContext(c)} />, 404);
    return redirectWithFlash(c, paths.signIn(), c.get('t')('accounts.set.saved'));
  });

  // ---- accepting an invitation to join another municipality --------------------------------------------
  app.get(paths.join.pattern, async (c) => {
    const { token } = paths.join.params(c);
    const t = await accounts.liveToken(token, ['join']);
    if (!t) return render(c, <DeadLinkPage ctx={pageContext(c)} />, 404);
    const user = c.get('user');
    // Not signed in: sign in first, and come back here.
    if (!user) throw new UnauthenticatedError();
    return render(c, <JoinPage ctx={pageContext(c)} municipality={t.municipality_name ?? ''} role={t.role ?? 'editor'} action={paths.join(token)} otherAccount={t.user_id !== user.id} />);
  });
  app.post(paths.join.pattern, async (c) => {
    const { token } = paths.join.params(c);
    const user = requireUser(c);
    const result = await accounts.acceptJoin(token, user);
    if (result === 'dead') return render(c, <DeadLinkPage ctx={pageContext(c)} />, 404);
    if (result === 'otherAccount') return render(c, <JoinPage ctx={pageContext(c)} municipality="" role="editor" action={paths.join(token)} otherAccount />, 403);
    return redirectWithFlash(c, paths.admin(result.slug), c.get('t')('accounts.join.done', { municipality: result.name }));
  });

  return app;
}

/** The admin's pages for one person of the municipality: their role, their removal. */
export function memberRoutes(context: RouteContext): Hono<AppEnv> {
  const { accounts } = context.services;
  const app = new Hono<AppEnv>();

  app.get(paths.adminMemberRole.pattern, async (c) => {
    requirePermission(c, 'users.manage');
    const member = await accounts.member(c.get('municipality'), paths.adminMemberRole.params(c).userId);
    return render(c, <RolePage ctx={pageContext(c)} member={member} form={{ values: { role: member.role }, errors: member.lastAdmin ? { role: 'accounts.errors.lastAdminRole' } : {} }} />);
  });
  app.post(paths.adminMemberRole.pattern, async (c) => {
    const by = requirePermission(c, 'users.manage');
    const m = c.get('municipality');
    const member = await accounts.member(m, paths.adminMemberRole.params(c).userId);
    const values = await readForm(c);
    const v = validate(roleSchema, values);
    if (!v.ok) return render(c, <RolePage ctx={pageContext(c)} member={member} form={v.form} />, 400);
    try {
      await accounts.changeRole(m, member.id, v.data.role, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return render(c, <RolePage ctx={pageContext(c)} member={member} form={{ values, errors: e.errors }} />, 400);
      throw e;
    }
    const t = c.get('t');
    return redirectWithFlash(c, paths.adminUsers(m.slug), t('accounts.role.saved', { name: member.name, role: t(`roles.${v.data.role}`) }));
  });

  app.get(paths.adminMemberRemove.pattern, async (c) => {
    requirePermission(c, 'users.manage');
    const member = await accounts.member(c.get('municipality'), paths.adminMemberRemove.params(c).userId);
    return render(c, <RemovePage ctx={pageContext(c)} member={member} error={member.lastAdmin ? 'accounts.errors.lastAdminRemove' : null} />);
  });
  app.post(paths.adminMemberRemove.pattern, async (c) => {
    const by = requirePermission(c, 'users.manage');
    const m = c.get('municipality');
    const member = await accounts.member(m, paths.adminMemberRemove.params(c).userId);
    try {
      await accounts.removeMember(m, member.id, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return render(c, <RemovePage ctx={pageContext(c)} member={member} error={e.errors._form ?? 'accounts.errors.lastAdminRemove'} />, 400);
      throw e;
    }
    return redirectWithFlash(c, paths.adminUsers(m.slug), c.get('t')('accounts.remove.done', { name: member.name, municipality: m.name }));
  });

  return app;
}
