// The municipality's own settings, its people and its audit log (municipality admin).
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, redirectWithFlash, render, requirePermission, stashOnce, takeOnce, type Ctx } from '../../platform/http/kit.js';
import { paths } from './municipalities.paths.js';
import { InvalidInputError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { EntityFormPage, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import type { FormState } from '../../platform/views/page.js';
import { municipalitySettingsSchema } from './municipality.schema.js';
import { inviteSchema, type InviteResult } from '../accounts/index.js';
import { AuditPage, UsersPage, type AuditPageModel } from './municipality.view.js';
import { settingsFields } from './municipality.fields.js';
import type { RouteContext } from '../../platform/module.js';

const AUDIT_PAGE_SIZE = 50;

/** A calendar day as YYYY-MM-DD that exists (not 2025-02-30). */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The routes of this file as a sub-app; the services arrive once, here. */
export function municipalityRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;


  function memberFields(c: Ctx): FormFieldSpec[] {
    const t = c.get('t');
    return [
      { name: 'name', label: t('users.name'), kind: 'text' },
      { name: 'email', label: t('users.email'), kind: 'email' },
      { name: 'role', label: t('users.role'), kind: 'select', empty: t('users.chooseRole'), options: [{ value: 'editor', label: t('roles.editor') }, { value: 'admin', label: t('roles.admin') }] },
    ];
  }

  function registerMunicipalityAdminRoutes(app: Hono<AppEnv>) {
    const showSettings = (c: Ctx, form: FormState, status: 200 | 400) =>
      render(
        c,
        <EntityFormPage ctx={pageContext(c)} title={c.get('t')('settings.title')} crumbs={[{ href: paths.admin(c.get('municipality').slug), label: c.get('t')('admin.overview.title') }]}
          action={paths.adminSettings(c.get('municipality').slug)} fields={settingsFields(c)} form={form} submitLabel={c.get('t')('form.save')} cancelHref={paths.admin(c.get('municipality').slug)} />,
        status,
      );
    app.get(paths.adminSettings.pattern, (c) => {
      requirePermission(c, 'municipality.edit');
      const m = c.get('municipality');
      return showSettings(c, { values: { name: m.name, office_name: m.office_name, contact_person: m.contact_person, contact_email: m.contact_email, contact_phone: m.contact_phone, contact_address: m.contact_address }, errors: {} }, 200);
    });
    app.post(paths.adminSettings.pattern, async (c) => {
      const by = requirePermission(c, 'municipality.edit');
      const v = validate(municipalitySettingsSchema, await readForm(c));
      if (!v.ok) return showSettings(c, v.form, 400);
      await services.municipalities.updateSettings(c.get('municipality'), v.data, by);
      return redirectWithFlash(c, paths.adminSettings(c.get('municipality').slug), c.get('t')('settings.saved'));
    });

    const showUsers = async (c: Ctx, form: FormState, status: 200 | 400, invited?: InviteResult & { email: string }) => {
      const mid = c.get('municipality').id;
      return render(c, <UsersPage ctx={pageContext(c)} members={await services.accounts.listMembers(mid)} openJoins={await services.accounts.openJoins(mid)} form={form} fields={memberFields(c)} invited={invited} />, status);
    };
    app.get(paths.adminUsers.pattern, (c) => {
      requirePermission(c, 'users.manage');
      // The link of an invitation just made without SMTP, handed over once (see the POST below).
      const kept = takeOnce(c) as (InviteResult & { email: string }) | undefined;
      const invited = kept && typeof kept.link === 'string' && typeof kept.email === 'string' ? { kind: kept.kind === 'join' ? 'join' as const : 'invite' as const, link: kept.link, email: kept.email } : undefined;
      return showUsers(c, { values: {}, errors: {} }, 200, invited);
    });
    // The form's address opened directly (a bookmark, an old tab): the page with the form.
    app.get(paths.adminUserNew.pattern, (c) => {
      requirePermission(c, 'users.manage');
      return c.redirect(paths.adminUsers(c.get('municipality').slug), 303);
    });
    app.post(paths.adminUserNew.pattern, async (c) => {
      const by = requirePermission(c, 'users.manage');
      const values = await readForm(c);
      const v = validate(inviteSchema, values);
      if (!v.ok) return showUsers(c, v.form, 400);
      try {
        // An invitation by mail, then the people page (a reload sends nothing twice). Without SMTP its link is
        // handed over once on that page, sealed in a cookie for it alone, never in the address.
        const invited = await services.accounts.invite(c.get('municipality'), v.data, by, c.get('lang'));
        const location = paths.adminUsers(c.get('municipality').slug);
        const t = c.get('t');
        if (!invited.link) return redirectWithFlash(c, location, t(invited.kind === 'join' ? 'accounts.members.joinInvited' : 'accounts.members.invited', { email: v.data.email }));
        if (stashOnce(c, location, { ...invited, email: v.data.email })) return c.redirect(location, 303);
        return showUsers(c, { values: {}, errors: {} }, 200, { ...invited, email: v.data.email });
      } catch (e) {
        if (e instanceof InvalidInputError) return showUsers(c, { values, errors: e.errors }, 400);
        throw e;
      }
    });

    app.get(paths.adminAudit.pattern, async (c) => {
      requirePermission(c, 'audit.read');
      const mid = c.get('municipality').id;
      const raw = c.req.query();
      const query = { person: raw.person ?? '', art: raw.art ?? '', von: (raw.von ?? '').trim(), bis: (raw.bis ?? '').trim() };
      const errors: AuditPageModel['errors'] = {};
      for (const key of ['von', 'bis'] as const) if (query[key] && !isDay(query[key])) errors[key] = 'audit.dateInvalid';
      const filter = { person: query.person || undefined, entityType: query.art || undefined, from: errors.von ? undefined : query.von || undefined, to: errors.bis ? undefined : query.bis || undefined };
      const requested = /^[1-9]\d{0,5}$/.test(raw.seite ?? '') ? Number(raw.seite) : 1;
      const first = await services.audit.searchLog(mid, filter, AUDIT_PAGE_SIZE, (requested - 1) * AUDIT_PAGE_SIZE);
      const pages = Math.max(1, Math.ceil(first.total / AUDIT_PAGE_SIZE));
      // A page past the end shows the last one.
      const page = Math.min(requested, pages);
      const { rows, total } = page === requested ? first : await services.audit.searchLog(mid, filter, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE);
      const choices = await services.audit.choices(mid);
      const model: AuditPageModel = { entries: rows, total, page, pages, query, errors, ...choices };
      return render(c, <AuditPage ctx={pageContext(c)} model={model} />, Object.keys(errors).length ? 400 : 200);
    });
  }

  const app = new Hono<AppEnv>();
  registerMunicipalityAdminRoutes(app);
  return app;
}
