// The access codes page of a questionnaire (officer): counts per batch, making a new batch, and the printed
// sheet of cut-out cards as a PDF in the officer's interface language.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { asciiFileName } from '../../platform/http/download.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import type { FormState } from '../../platform/views/page.js';
import { codeSheetPdf } from './codes.pdf.js';
import { generateCodesSchema, sheetSchema } from './codes.schema.js';
import { CodesPage } from './codes.view.js';
import { paths } from './questionnaires.paths.js';

/** The link on a card: the questionnaire's start page with the code filled in. */
export function codeLink(publicUrl: string, slug: string, questionnaireId: number, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}${paths.publicStart(slug, questionnaireId)}?code=${encodeURIComponent(code)}`;
}

export function codesRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, config } = context;
  const mid = (c: Ctx) => c.get('municipality').id;

  async function show(c: Ctx, id: number, form: FormState, status: 200 | 400) {
    const questionnaire = await services.questionnaires.get(mid(c), id);
    if (!questionnaire) throw new NotFoundError('questionnaire');
    const summary = await services.questionnaireCodes.summary(mid(c), id);
    return render(c, <CodesPage ctx={pageContext(c)} model={{ questionnaire, summary, form }} />, status);
  }

  const app = new Hono<AppEnv>();

  app.get(paths.adminCodes.pattern, async (c) => {
    requirePermission(c, 'questionnaires.manage');
    return show(c, paths.adminCodes.params(c).id, { values: { count: '50' }, errors: {} }, 200);
  });

  app.post(paths.adminCodes.pattern, async (c) => {
    const by = requirePermission(c, 'questionnaires.manage');
    const { id } = paths.adminCodes.params(c);
    const questionnaire = await services.questionnaires.get(mid(c), id);
    if (!questionnaire || questionnaire.access !== 'codes') throw new NotFoundError('questionnaire with codes');
    const v = validate(generateCodesSchema, await readForm(c));
    if (!v.ok) return show(c, id, v.form, 400);
    const made = await services.questionnaireCodes.generate(mid(c), id, v.data.count, by);
    return redirectWithFlash(c, paths.adminCodes(c.get('municipality').slug, id), c.get('t')('questionnaires.codes.done', made));
  });

  app.get(paths.adminCodesPdf.pattern, async (c) => {
    requirePermission(c, 'questionnaires.manage');
    const { id } = paths.adminCodesPdf.params(c);
    const municipality = c.get('municipality');
    const questionnaire = await services.questionnaires.get(municipality.id, id);
    if (!questionnaire) throw new NotFoundError('questionnaire');
    const v = validate(sheetSchema, { batch: c.req.query('batch') ?? '', unused: c.req.query('unused') ?? '' });
    if (!v.ok) throw new NotFoundError('batch');
    const codes = await services.questionnaireCodes.forSheet(municipality.id, id, { batch: v.data.batch, unusedOnly: v.data.unused });
    if (v.data.batch !== null && !(await services.questionnaireCodes.summary(municipality.id, id)).batches.some((b) => b.batch === v.data.batch)) throw new NotFoundError('batch');
    const t = c.get('t');
    const start = codeLink(config.publicUrl, municipality.slug, id, '');
    const shortAddress = start.replace(/^https?:\/\//, '').replace(/\?code=$/, '');
    const pdf = await codeSheetPdf(
      questionnaire.title,
      shortAddress,
      codes.map(({ code }) => ({ code, link: codeLink(config.publicUrl, municipality.slug, id, code) })),
      {
        documentTitle: t('questionnaires.codes.sheet.documentTitle', { title: questionnaire.title }),
        author: municipality.name,
        lang: c.get('lang'),
        takePart: t('questionnaires.codes.sheet.takePart'),
        yourCode: t('questionnaires.codes.sheet.yourCode'),
        note: t('questionnaires.codes.sheet.note'),
      },
    );
    const suffix = v.data.batch ? `-stapel-${v.data.batch}` : '';
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="zugangscodes-${asciiFileName(questionnaire.title, 'befragung')}${suffix}.pdf"`,
      'cache-control': 'no-store',
    });
  });

  return app;
}
