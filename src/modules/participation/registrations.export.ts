// The attendee list of an event as CSV (semicolons, BOM: what German spreadsheet programs open) and as XLSX:
// one row per registration that is not cancelled, with its state, position on the waiting list and needs.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { T } from '../../platform/i18n/i18n.js';
import { formatDate } from '../../platform/views/format.js';
import type { Registration } from './registration.model.js';
import { needsText } from './registrations.view.js';

/** A cell that a spreadsheet would read as a formula gets a leading apostrophe. */
const neutral = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

function table(t: T, lang: string, lists: { confirmed: Registration[]; waiting: Registration[]; pending: Registration[] }): string[][] {
  const k = 'participation.registrations.admin';
  const header = [t(`${k}.name`), t(`${k}.email`), t(`${k}.state`), t(`${k}.position`), t(`${k}.needs`), t(`${k}.registeredAt`)];
  const rows = [
    ...lists.confirmed.map((r) => ({ r, position: '' })),
    ...lists.waiting.map((r, i) => ({ r, position: String(i + 1) })),
    ...lists.pending.map((r) => ({ r, position: '' })),
  ].map(({ r, position }) => [r.name, r.email, t(`participation.registrations.states.${r.state}`), position, needsText(t, r.needs), formatDate(r.createdAt, lang)].map(neutral));
  return [header, ...rows];
}

export function attendeesCsv(t: T, lang: string, lists: { confirmed: Registration[]; waiting: Registration[]; pending: Registration[] }): Buffer {
  return Buffer.from(stringify(table(t, lang, lists), { delimiter: ';', record_delimiter: '\r\n', bom: true }), 'utf8');
}

export async function attendeesXlsx(t: T, lang: string, title: string, lists: { confirmed: Registration[]; waiting: Registration[]; pending: Registration[] }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t('participation.registrations.admin.sheet'));
  sheet.addRow([title]).font = { bold: true };
  const [header, ...rows] = table(t, lang, lists);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((c, i) => (c.width = [28, 32, 16, 10, 48, 24][i] ?? 20));
  return Buffer.from(await book.xlsx.writeBuffer());
}
