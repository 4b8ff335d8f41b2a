// The instance admin creates municipalities and their first admin.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, render, requireUser, type Ctx } from '../../platform/http/kit.js';
import { paths } from './municipalities.paths.js';
import { ForbiddenError, InvalidInputError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import type { FormFieldSpec } from '../../platform/views/entity-form.view.js';
import type { FormState } from '../../platform/views/page.js';
import { settingsFields } from './municipality.fields.js';
import { createMunicipalitySchema } from './municipality.schema.js';
import { MunicipalitiesPage } from './municipality.view.js';
import type { RouteContext } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function instanceRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;

  function requireInstanceAdmin(c: Ctx) {
    const user = requireUser(c);
    if (!user.isInstanceAdmin) throw new ForbiddenError();
    return { userId: user.id, name: user.name };
  }

  function fields(c: Ctx): FormFieldSpec[] {
    const t = c.get('t');
    return [
      ...settingsFields(c).slice(0, 1),
      { name: 'slug', label: t('instance.slug'), kind: 'text', hint: t('instance.slugHint') },
      ...settingsFields(c).slice(1),
      { name: 'admin_name', label: t('instance.adminName'), kind: 'text' },
      { name: 'admin_email', label: t('instance.adminEmail'), kind: 'email' },
    ];
  }

  function registerInstanceRoutes(app: Hono<AppEnv>) {
    const show = async (c: Ctx, form: FormState, status: 200 | 400, created?: { email: string; password: string | null; slug: string }) =>
      render(c, <MunicipalitiesPage ctx={pageContext(c)} municipalities={await services.municipalities.list()} form={form} fields={fields(c)} created={created} />, status);

    app.get(paths.instanceAdmin(), (c) => {
      requireInstanceAdmin(c);
      return show(c, { values: {}, errors: {} }, 200);
    });
    app.get(paths.instanceMunicipalities(), (c) => {
      requireInstanceAdmin(c);
      return show(c, { values: {}, errors: {} }, 200);
    });
    app.post(paths.instanceMunicipalityNew(), async (c) => {
      const by = requireInstanceAdmin(c);
      const values = await readForm(c);
      const v = validate(createMunicipalitySchema, values);
      if (!v.ok) return show(c, v.form, 400);
      try {
        const { municipality, adminPassword } = await services.municipalities.create(v.data, by);
        await services.wordings.seedDefaults(municipality.id);
        return show(c, { values: {}, errors: {} }, 200, { email: v.data.admin_email, password: adminPassword, slug: municipality.slug });
      } catch (e) {
        if (e instanceof InvalidInputError) return show(c, { values, errors: e.errors }, 400);
        throw e;
      }
    });
  }

  const app = new Hono<AppEnv>();
  registerInstanceRoutes(app);
  return app;
}
