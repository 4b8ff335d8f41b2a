// The questionnaire's results: the officer's page (figures, charts, the group filter), the downloads (CSV, XLSX
// with codebook, PDF summary) and, once the questionnaire has closed with public results, the residents' page.
// Coding free text into topics lives in topics.routes.tsx.
import { ContentTexts } from '../../platform/i18n/content.js';
import { questionnaireTexts } from './questionnaire.texts.js';
import { Hono } from 'hono';
import { asciiFileName } from '../../platform/http/download.js';
import type { AppEnv } from '../../platform/http/env.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { idParam } from '../../platform/http/form.js';
import { pageContext, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import { berlinDay } from '../../platform/views/format.js';
import { paths } from './questionnaires.paths.js';
import { questionChart } from './results.charts.js';
import { responsesCsv, responsesXlsx } from './results.export.js';
import { resultsPdf } from './results.pdf.js';
import type { ResultsView } from './results.service.js';
import { ResultsPage } from './results.view.js';
import { topicsRoutes } from './topics.routes.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The group asked for in ?gruppe= (an option id): absent is none, anything but an id is unknown. */
export function groupOf(c: Ctx): number | null {
  const value = c.req.query('gruppe');
  if (value === undefined || value === '') return null;
  const id = idParam(value);
  if (id === null) throw new NotFoundError('group');
  return id;
}

export function resultsRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, clock } = context;
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;

  async function fieldTitles(c: Ctx, planId: number): Promise<Record<number, string>> {
    return Object.fromEntries((await services.plans.fieldTitles(mid(c), planId)).map((f) => [f.id, f.title]));
  }

  function charts(c: Ctx, view: ResultsView) {
    const t = c.get('t');
    const lang = c.get('lang');
    return Object.fromEntries(view.results.sections.flatMap((s) => s.questions.map((r) => [r.question.id, questionChart(r, t, lang)])));
  }

  app.get(paths.adminResults.pattern, async (c) => {
    requirePermission(c, 'questionnaires.manage');
    const view = await services.questionnaireResults.results(mid(c), paths.adminResults.params(c).id, { groupOptionId: groupOf(c), audience: 'admin' });
    const vm = {
      area: 'admin' as const, view, charts: charts(c, view), topics: [],
      fieldTitles: await fieldTitles(c, view.def.questionnaire.planId),
      isPublic: services.questionnaireResults.isPublic(view.def),
    };
    return render(c, <ResultsPage ctx={pageContext(c)} vm={vm} />);
  });

  // Residents see the results only after closing and only when they are public; a draft is unknown.
  app.get(paths.publicResults.pattern, async (c) => {
    const id = paths.publicResults.params(c).id;
    const [view, topics] = await Promise.all([services.questionnaireResults.publicResults(mid(c), id, groupOf(c)), services.questionnaireTopics.list(mid(c), id)]);
    const vm = {
      area: 'public' as const, view, charts: charts(c, view), isPublic: true,
      fieldTitles: await fieldTitles(c, view.def.questionnaire.planId),
      topics: topics.filter((tp) => tp.responses > 0 || tp.links.length > 0),
    };
    // Its texts are German (see the view): the page's note says so.
    if (c.get('lang') !== 'de') c.set('content', new ContentTexts(c.get('lang'), new Map(), questionnaireTexts(view.def)));
    return render(c, <ResultsPage ctx={pageContext(c)} vm={vm} />);
  });

  const download = (c: Ctx, title: string, ext: string, type: string, body: Buffer) =>
    c.body(new Uint8Array(body), 200, {
      'content-type': type,
      'content-disposition': `attachment; filename="befragung-${asciiFileName(title, 'ergebnisse')}-${berlinDay(clock())}.${ext}"`,
      'cache-control': 'no-store',
    });

  app.get(paths.adminExportCsv.pattern, async (c) => {
    requirePermission(c, 'questionnaires.manage');
    const data = await services.questionnaireResults.exportData(mid(c), paths.adminExportCsv.params(c).id);
    return download(c, data.def.questionnaire.title, 'csv', 'text/csv; charset=utf-8', responsesCsv(data, c.get('t')));
  });

  app.get(paths.adminExportXlsx.pattern, async (c) => {
    requirePermission(c, 'questionnaires.manage');
    const data = await services.questionnaireResults.exportData(mid(c), paths.adminExportXlsx.params(c).id);
    return download(c, data.def.questionnaire.title, 'xlsx', XLSX, await responsesXlsx(data, c.get('t')));
  });

  app.get(paths.adminExportPdf.pattern, async (c) => {
    requirePermission(c, 'questionnaires.manage');
    const view = await services.questionnaireResults.results(mid(c), paths.adminExportPdf.params(c).id, { audience: 'admin' });
    const pdf = await resultsPdf(view, await fieldTitles(c, view.def.questionnaire.planId), { municipality: c.get('municipality').name, day: berlinDay(clock()), t: c.get('t'), lang: c.get('lang') });
    return download(c, view.def.questionnaire.title, 'pdf', 'application/pdf', pdf);
  });

  app.route('/', topicsRoutes(context));
  return app;
}
