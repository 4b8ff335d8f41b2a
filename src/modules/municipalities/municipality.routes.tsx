// The municipality's own settings, its people and its audit log (municipality admin).
import type { Hono } from 'hono';
import type { AppEnv } from '../../app.env.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../http.kit.js';
import { paths, pattern } from '../../paths.js';
import { listAudit } from '../../platform/audit/audit.js';
import { InvalidInputError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { EntityFormPage, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import type { FormState } from '../../platform/views/page.js';
import { addMemberSchema, municipalitySettingsSchema } from './municipality.schema.js';
import { AuditPage, UsersPage } from './municipality.view.js';

const svc = (c: Ctx) => c.get('deps').services;

export function settingsFields(c: Ctx): FormFieldSpec[] {
  const t = c.get('t');
  return [
    { name: 'name', label: t('settings.name'), kind: 'text' },
    { name: 'office_name', label: t('settings.officeName'), kind: 'text', optional: true, hint: t('settings.officeHint') },
    { name: 'contact_person', label: t('settings.contactPerson'), kind: 'text', optional: true },
    { name: 'contact_email', label: t('settings.contactEmail'), kind: 'email', optional: true },
    { name: 'contact_phone', label: t('settings.contactPhone'), kind: 'text', optional: true },
    { name: 'contact_address', label: t('settings.contactAddress'), kind: 'textarea', optional: true },
  ];
}

function memberFields(c: Ctx): FormFieldSpec[] {
  const t = c.get('t');
  return [
    { name: 'name', label: t('users.name'), kind: 'text' },
    { name: 'email', label: t('users.email'), kind: 'email' },
    { name: 'role', label: t('users.role'), kind: 'select', empty: t('users.chooseRole'), options: [{ value: 'editor', label: t('roles.editor') }, { value: 'admin', label: t('roles.admin') }] },
  ];
}

export function registerMunicipalityAdminRoutes(app: Hono<AppEnv>) {
  const showSettings = (c: Ctx, form: FormState, status: 200 | 400) =>
    render(
      c,
      <EntityFormPage ctx={pageContext(c)} title={c.get('t')('settings.title')} crumbs={[{ href: paths.admin(c.get('municipality').slug), label: c.get('t')('admin.overview.title') }]}
        action={paths.adminSettings(c.get('municipality').slug)} fields={settingsFields(c)} form={form} submitLabel={c.get('t')('form.save')} cancelHref={paths.admin(c.get('municipality').slug)} />,
      status,
    );
  app.get(pattern(paths.adminSettings, 'slug'), (c) => {
    requirePermission(c, 'municipality.edit');
    const m = c.get('municipality');
    return showSettings(c, { values: { name: m.name, office_name: m.office_name, contact_person: m.contact_person, contact_email: m.contact_email, contact_phone: m.contact_phone, contact_address: m.contact_address }, errors: {} }, 200);
  });
  app.post(pattern(paths.adminSettings, 'slug'), async (c) => {
    const by = requirePermission(c, 'municipality.edit');
    const v = validate(municipalitySettingsSchema, await readForm(c));
    if (!v.ok) return showSettings(c, v.form, 400);
    await svc(c).municipalities.updateSettings(c.get('municipality'), v.data, by);
    return redirectWithFlash(c, paths.adminSettings(c.get('municipality').slug), c.get('t')('settings.saved'));
  });

  const showUsers = async (c: Ctx, form: FormState, status: 200 | 400, created?: { email: string; password: string | null }) =>
    render(c, <UsersPage ctx={pageContext(c)} members={await svc(c).auth.listMembers(c.get('municipality').id)} form={form} fields={memberFields(c)} created={created} />, status);
  app.get(pattern(paths.adminUsers, 'slug'), (c) => {
    requirePermission(c, 'users.manage');
    return showUsers(c, { values: {}, errors: {} }, 200);
  });
  app.post(pattern(paths.adminUserNew, 'slug'), async (c) => {
    const by = requirePermission(c, 'users.manage');
    const values = await readForm(c);
    const v = validate(addMemberSchema, values);
    if (!v.ok) return showUsers(c, v.form, 400);
    try {
      const { password } = await svc(c).municipalities.addMember(c.get('municipality'), v.data, by);
      // The one-time password is shown on this response only, never stored in clear or sent by redirect.
      return showUsers(c, { values: {}, errors: {} }, 200, { email: v.data.email, password });
    } catch (e) {
      if (e instanceof InvalidInputError) return showUsers(c, { values, errors: e.errors }, 400);
      throw e;
    }
  });

  app.get(pattern(paths.adminAudit, 'slug'), async (c) => {
    requirePermission(c, 'audit.read');
    const entries = await listAudit(c.get('deps').db.kysely, c.get('municipality').id);
    return render(c, <AuditPage ctx={pageContext(c)} entries={entries} />);
  });
}
