// Downloads: the admin may export any plan of the municipality (drafts too); the public only published and
// archived plans.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { requirePermission, type Ctx } from '../../platform/http/kit.js';
import { asciiFileName } from '../../platform/http/download.js';
import { EXPORT_FORMATS, paths } from './exports.paths.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { Plan } from '../plan/index.js';
import type { RouteContext } from '../../platform/module.js';
import { exportCsv } from './csv.export.js';
import { exportDocx } from './docx.export.js';
import { EXPORT_LANGUAGES, type ExportInput, type ExportLang } from './export.model.js';
import { exportJson } from './json.export.js';
import { exportPdf } from './pdf.export.js';
import { exportXlsx } from './xlsx.export.js';

type Format = (typeof EXPORT_FORMATS)[number];

const TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

async function produce(format: Format, input: ExportInput): Promise<Uint8Array<ArrayBuffer>> {
  switch (format) {
    case 'json':
      return new Uint8Array(Buffer.from(exportJson(input), 'utf8'));
    case 'csv':
      return new Uint8Array(exportCsv(input));
    case 'xlsx':
      return new Uint8Array(await exportXlsx(input));
    case 'docx':
      return new Uint8Array(await exportDocx(input));
    case 'pdf':
      return new Uint8Array(await exportPdf(input));
  }
}


async function download(c: Ctx, context: RouteContext, plan: Plan, format: Format) {
  const m = c.get('municipality');
  const stateDate = (plan.updated_at || context.clock().toISOString()).slice(0, 10);
  const input: ExportInput = {
    plan: await context.services.plans.exchange(m.id, plan.id),
    municipalityName: m.name,
    stateDate,
    planState: plan.state as ExportInput['planState'],
    // The words the document adds follow the reader's interface language; the plan's own text stays as stored.
    lang: (EXPORT_LANGUAGES as readonly string[]).includes(c.get('lang')) ? (c.get('lang') as ExportLang) : 'de',
  };
  const body = await produce(format, input);
  const name = `${asciiFileName(plan.title)}-${stateDate}.${format}`;
  return c.body(body, 200, {
    'content-type': TYPES[format],
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
}

function formatOf(value: string): Format {
  const format = EXPORT_FORMATS.find((f) => f === value);
  if (!format) throw new NotFoundError('export format');
  return format;
}

/** The download routes as a sub-app; the services arrive once, here. */
export function exportRoutes(context: RouteContext): Hono<AppEnv> {
  const { plans } = context.services;
  const app = new Hono<AppEnv>();
  for (const pattern of paths.adminPlanExport.patterns) {
    app.get(pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const { id, format } = paths.adminPlanExport.params(c);
      return download(c, context, await plans.getPlan(c.get('municipality').id, id), formatOf(format));
    });
  }
  for (const pattern of paths.planExport.patterns) {
    app.get(pattern, async (c) => {
      const { id, format } = paths.planExport.params(c);
      return download(c, context, await plans.getPublicPlan(c.get('municipality').id, id), formatOf(format));
    });
  }
  return app;
}
