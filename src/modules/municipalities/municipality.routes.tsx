// The municipality's own settings, its people and its audit log (municipality admin).
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { paths } from './municipalities.paths.js';
import { InvalidInputError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { EntityFormPage, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import type { FormState } from '../../platform/views/page.js';
import { municipalitySettingsSchema } from './municipality.schema.js';
import { inviteSchema, type InviteResult } from '../accounts/index.js';
import { AuditPage, UsersPage } from './municipality.view.js';
import { settingsFields } from './municipality.fields.js';
import type { RouteContext } from '../../platform/module.js';

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
      return showUsers(c, { values: {}, errors: {} }, 200);
    });
    app.post(paths.adminUserNew.pattern, async (c) => {
      const by = requirePermission(c, 'users.manage');
      const values = await readForm(c);
      const v = validate(inviteSchema, values);
      if (!v.ok) return showUsers(c, v.form, 400);
      try {
        // An invitation by mail; without SMTP its link is shown on this response only, never sent by redirect.
        const invited = await services.accounts.invite(c.get('municipality'), v.data, by, c.get('lang'));
        return showUsers(c, { values: {}, errors: {} }, 200, { ...invited, email: v.data.email });
      } catch (e) {
        if (e instanceof InvalidInputError) return showUsers(c, { values, errors: e.errors }, 400);
        throw e;
      }
    });

    app.get(paths.adminAudit.pattern, async (c) => {
      requirePermission(c, 'audit.read');
      const entries = await services.audit.list(c.get('municipality').id);
      return render(c, <AuditPage ctx={pageContext(c)} entries={entries} />);
    });
  }

  const app = new Hono<AppEnv>();
  registerMunicipalityAdminRoutes(app);
  return app;
}
