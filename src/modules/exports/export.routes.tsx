// Downloads: the admin may export any plan of the municipality (drafts too); the public only published and
// archived plans.
import type { Hono } from 'hono';
import type { AppEnv } from '../../app.env.js';
import { requirePermission, type Ctx } from '../../http.kit.js';
import { paths } from '../../paths.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { idParam } from '../../platform/http/form.js';
import type { Plan } from '../plan/plan.repository.js';
import { exportCsv, exportDocx, exportJson, exportPdf, exportXlsx, type ExportInput } from './index.js';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'docx', 'pdf'] as const;
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

const asciiName = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'plan';

async function download(c: Ctx, plan: Plan, format: Format) {
  const m = c.get('municipality');
  const stateDate = (plan.updated_at || c.get('deps').clock().toISOString()).slice(0, 10);
  const input: ExportInput = {
    plan: await c.get('deps').services.plans.exchange(m.id, plan.id),
    municipalityName: m.name,
    stateDate,
    planState: plan.state as ExportInput['planState'],
    lang: c.get('lang'),
  };
  const body = await produce(format, input);
  const name = `${asciiName(plan.title)}-${stateDate}.${format}`;
  return c.body(body, 200, {
    'content-type': TYPES[format],
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
}

function planId(c: Ctx): number {
  const id = idParam(c.req.param('id'));
  if (id === null) throw new NotFoundError('plan');
  return id;
}

export function registerExportRoutes(app: Hono<AppEnv>) {
  for (const format of EXPORT_FORMATS) {
    app.get(paths.adminPlanExport(':slug', ':id', format).replace(/%3A/g, ':'), async (c) => {
      requirePermission(c, 'plan.read_drafts');
      return download(c, await c.get('deps').services.plans.getPlan(c.get('municipality').id, planId(c)), format);
    });
    app.get(paths.planExport(':slug', ':id', format).replace(/%3A/g, ':'), async (c) =>
      download(c, await c.get('deps').services.plans.getPublicPlan(c.get('municipality').id, planId(c)), format),
    );
  }
}
