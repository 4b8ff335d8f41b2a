// Exports: pure functions that turn a plan in the exchange format into the files officers hand on
// (JSON, CSV, XLSX for round trips; Word and a tagged PDF for the council and the public).
export { exportCsv } from './csv.export.js';
export { exportDocx } from './docx.export.js';
export { exportInputSchema, type ExportInput, type ExportLang, type PlanState } from './export.model.js';
export { exportJson } from './json.export.js';
export { exportPdf } from './pdf.export.js';
export { exportXlsx } from './xlsx.export.js';
