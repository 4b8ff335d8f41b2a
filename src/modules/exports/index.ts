// Exports: pure functions that turn a plan in the exchange format into the files officers hand on
// (JSON, CSV, XLSX for round trips; Word and a tagged PDF for the council and the public), and their downloads.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { ModuleManifest } from '../../platform/module.js';
import { exportRoutes } from './export.routes.js';
import { exportsPaths } from './exports.paths.js';
export { exportCsv } from './csv.export.js';
export { exportDocx } from './docx.export.js';
export { exportInputSchema, type ExportInput, type ExportLang, type PlanState } from './export.model.js';
export { exportJson } from './json.export.js';
export { exportPdf } from './pdf.export.js';
export { easyReadPdf, EASY_READ_SIZES, type EasyReadBlock, type EasyReadPdfInput } from './pdf.easy.js';
export { exportXlsx } from './xlsx.export.js';
// Shared with the yearly report (editions module): the tagged PDF frame and table, and Word's building blocks.
export { createTaggedPdf, keepWithNext, pdfBlock, pdfFooters, PDF_FONTS, type PdfDoc, type PdfStruct } from './pdf.document.js';
export { drawSvgChart } from './pdf.chart.js';
export { drawText, measureText } from './pdf.text.js';
export { drawTable, tableStartHeight, type PdfTableRow } from './pdf.table.js';
export { docxCell, docxHeaderRow, docxPageFooter, docxTable, docxTextParagraph, languageRun, type Run } from './docx.parts.js';
export { woffToSfnt } from './woff.js';

export { exportsPaths } from './exports.paths.js';

const FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json'] as const;

export const exportsModule: ModuleManifest = {
  name: 'exports',
  routes: (context) => new Hono<AppEnv>().route('/', exportRoutes(context)),
  links: {
    'plan.downloads': (ctx, { planId, admin }) => {
      const slug = ctx.municipality!.slug;
      return FORMATS.map((f) => ({ href: admin ? exportsPaths.adminPlanExport(slug, planId, f) : exportsPaths.planExport(slug, planId, f), label: ctx.t(`export.${f}`), download: true }));
    },
  },
};
