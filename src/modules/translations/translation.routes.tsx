import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { readForm } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import { isTargetLang, MachineTranslationError } from './translation.service.js';
import { formOf, isFilter, LanguagePage, OverviewPage, type Filter } from './translation.view.js';
import { translationPaths as paths } from './translations.paths.js';

const K = 'contentTranslation';

export function translationRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;
  const app = new Hono<AppEnv>();
  const muni = (c: Ctx) => c.get('municipality');
  const langOf = (c: Ctx) => {
    const lang = paths.adminTranslationLang.params(c).lang;
    if (!isTargetLang(lang)) throw new NotFoundError('language');
    return lang;
  };
  const filterOf = (c: Ctx): Filter => {
    const f = c.req.query('show') ?? '';
    return isFilter(f) ? f : 'open';
  };
  const pageOf = (c: Ctx) => {
    const n = Number(c.req.query('seite') ?? '1');
    return Number.isInteger(n) && n >= 1 && n <= 10000 ? n : 1;
  };
  const machine = () => services.translations.provider?.name ?? null;

  app.get(paths.adminTranslations.pattern, async (c) => {
    requirePermission(c, 'translations.edit');
    const languages = await services.translations.overview(muni(c).id, muni(c).slug);
    return render(c, <OverviewPage ctx={pageContext(c)} languages={languages} machine={machine()} />);
  });

  app.get(paths.adminTranslationLang.pattern, async (c) => {
    requirePermission(c, 'translations.edit');
    const lang = langOf(c);
    const rows = await services.translations.rows(muni(c).id, muni(c).slug, lang);
    const status = await services.translations.machineStatus(muni(c).id, lang);
    const t = c.get('t');
    return render(c, <LanguagePage ctx={pageContext(c)} vm={{ lang, filter: filterOf(c), page: pageOf(c), rows, form: formOf(rows), machine: machine(), machineError: status.failed ? t(`${K}.machineFailed.${status.failed}`) : null, machinePreparing: status.preparing }} />);
  });

  app.post(paths.adminTranslationLang.pattern, async (c) => {
    const by = requirePermission(c, 'translations.edit');
    const lang = langOf(c);
    const values = await readForm(c);
    try {
      const changed = await services.translations.save(muni(c).id, muni(c).slug, lang, values, by);
      return redirectWithFlash(c, `${paths.adminTranslationLang(muni(c).slug, lang)}?show=${filterOf(c)}&seite=${pageOf(c)}`, c.get('t')(`${K}.saved`, { count: changed }));
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e;
      const rows = await services.translations.rows(muni(c).id, muni(c).slug, lang);
      return render(c, <LanguagePage ctx={pageContext(c)} vm={{ lang, filter: filterOf(c), page: pageOf(c), rows, form: { values, errors: e.errors }, machine: machine(), machineError: null, machinePreparing: false }} />, 400);
    }
  });

  app.post(paths.adminTranslationMachine.pattern, async (c) => {
    const by = requirePermission(c, 'translations.edit');
    const lang = paths.adminTranslationMachine.params(c).lang;
    if (!isTargetLang(lang)) throw new NotFoundError('language');
    try {
      await services.translations.requestMachineDrafts(muni(c).id, muni(c).slug, lang, by);
      return redirectWithFlash(c, paths.adminTranslationLang(muni(c).slug, lang), c.get('t')(`${K}.machineRequested`));
    } catch (e) {
      if (!(e instanceof MachineTranslationError)) throw e;
      const rows = await services.translations.rows(muni(c).id, muni(c).slug, lang);
      const t = c.get('t');
      return render(c, <LanguagePage ctx={pageContext(c)} vm={{ lang, filter: 'open', page: 1, rows, form: formOf(rows), machine: machine(), machineError: t(`${K}.machineFailed.${e.reason}`), machinePreparing: false }} />, 409);
    }
  });

  return app;
}
