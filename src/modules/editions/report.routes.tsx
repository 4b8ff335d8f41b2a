// The yearly report for the council in one click: PDF and Word, for any plan of the municipality (drafts too,
// since the report is prepared before the plan is published).
import type { Hono } from 'hono';
import type { AppEnv } from '../../app.env.js';
import { requirePermission } from '../../http.kit.js';
import { paths } from '../../paths.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { idParam } from '../../platform/http/form.js';
import { berlinDay } from '../monitoring/index.js';
import { planReport, renderReport, type ReportFormat } from './report.service.js';

const TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const asciiName = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'plan';

export function registerReportRoutes(app: Hono<AppEnv>): void {
  for (const format of ['pdf', 'docx'] as const) {
    app.get(paths.adminPlanReport(':slug', ':id', format).replace(/%3A/g, ':'), async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const id = idParam(c.req.param('id'));
      if (id === null) throw new NotFoundError('plan');
      const { services, clock } = c.get('deps');
      const municipality = c.get('municipality');
      const plan = await services.plans.getPlan(municipality.id, id);
      const report = await planReport(services, clock, municipality, plan.id);
      const body = await renderReport(report, format);
      const day = berlinDay(clock());
      return c.body(new Uint8Array(body), 200, {
        'content-type': TYPES[format],
        'content-disposition': `attachment; filename="sachstandsbericht-${asciiName(plan.title)}-${day}.${format}"`,
        'cache-control': 'no-store',
      });
    });
  }
}
