// The yearly report for the council in one click: PDF and Word, for any plan of the municipality (drafts too,
// since the report is prepared before the plan is published).
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { requirePermission } from '../../platform/http/kit.js';
import { asciiFileName } from '../../platform/http/download.js';
import { paths } from './editions.paths.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { berlinDay } from '../monitoring/index.js';
import { planReport, renderReport, type ReportFormat } from './report.service.js';
import type { RouteContext } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function reportRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, clock } = context;

  const TYPES: Record<ReportFormat, string> = {
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };


  function registerReportRoutes(app: Hono<AppEnv>): void {
    for (const pattern of paths.adminPlanReport.patterns) {
      app.get(pattern, async (c) => {
        requirePermission(c, 'plan.read_drafts');
        const { id, format: asked } = paths.adminPlanReport.params(c);
        const format = (['pdf', 'docx'] as const).find((f) => f === asked);
        if (!format) throw new NotFoundError('report format');
        const municipality = c.get('municipality');
        const plan = await services.plans.getPlan(municipality.id, id);
        const report = await planReport(services, clock, municipality, plan.id, c.get('lang'));
        const body = await renderReport(report, format);
        const day = berlinDay(clock());
        return c.body(new Uint8Array(body), 200, {
          'content-type': TYPES[format],
          'content-disposition': `attachment; filename="sachstandsbericht-${asciiFileName(plan.title)}-${day}.${format}"`,
          'cache-control': 'no-store',
        });
      });
    }
  }

  const app = new Hono<AppEnv>();
  registerReportRoutes(app);
  return app;
}
