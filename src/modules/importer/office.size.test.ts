// A Word document or workbook well under the upload limit can unpack to 50 MB of tiny paragraphs or cells,
// enough for its parser to hold hundreds of megabytes and block the server for seconds. Such files are refused
// with a message before the parser sees them; a file of ordinary structure is still read.
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.js';
import { parseCatalogue } from './index.js';
import { checkOfficeSize, MAX_OFFICE_XML_BYTES } from './source.reader.js';

const de = translator('de');
const UPLOAD_LIMIT = 10 * 1024 * 1024;
/** Text that does not compress well, so that the zip guard's ratio check lets the file through to this guard. */
const noise = (bytes: number) => randomBytes(Math.ceil(bytes * 0.75)).toString('base64').slice(0, bytes);

function workbook(sheetXml: string): Promise<Buffer> {
  return new JSZip()
    .file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    .file('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="A" sheetId="1"/></sheets></workbook>')
    .file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`)
    .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

function rowsOfCells(rows: number, columns: number, cell = (ref: string) => `<c r="${ref}" t="inlineStr"><is><t>x</t></is></c>`): string {
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    parts.push(`<row r="${r}">`);
    for (let c = 0; c < columns; c++) parts.push(cell(`${String.fromCharCode(65 + (c % 26))}${r}`));
    parts.push('</row>');
  }
  return parts.join('');
}

async function refusal(fileName: string, bytes: Buffer): Promise<{ message: string; rssGrowth: number }> {
  expect(bytes.length).toBeLessThan(UPLOAD_LIMIT);
  const before = process.memoryUsage().rss;
  const result = await parseCatalogue({ fileName, bytes }, { t: de, limits: { maxBytes: UPLOAD_LIMIT, maxRows: 10_000 } });
  const rssGrowth = process.memoryUsage().rss - before;
  if (result.ok) throw new Error(`${fileName} was read`);
  return { message: result.errors.map((e) => e.message).join('\n'), rssGrowth };
}

describe('office files of pathological structure', () => {
  it('refuses a Word document whose body unpacks to more text than a catalogue needs, before parsing it', async () => {
    const paragraphs = Math.ceil((MAX_OFFICE_XML_BYTES + 1024) / 40);
    const words = noise(paragraphs * 8);
    const body = Array.from({ length: paragraphs }, (_, i) => `<w:p><w:r><w:t>${words.slice(i * 8, i * 8 + 8)}</w:t></w:r></w:p>`).join('');
    const bytes = await new JSZip()
      .file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`)
      .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    const { message, rssGrowth } = await refusal('absaetze.docx', bytes);
    expect(message).toBe('Die Datei „absaetze.docx“ ist zu umfangreich: entpackt enthält sie mehr als 8 MB Text oder zu viele Zellen. Bitte teilen Sie sie auf oder speichern Sie nur die Tabelle mit den Maßnahmen.');
    // Generous: the unpacked XML itself is 8 MB; a parse of it would take hundreds.
    expect(rssGrowth).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses a workbook of too many cells or too much sheet text before exceljs loads it', async () => {
    // 10,000 rows of 26 empty, styled cells: 260,000 cells (more than 20 per allowed row) in less than 8 MB.
    const sheet = rowsOfCells(10_000, 26, (ref) => `<c r="${ref}" s="1"/>`);
    expect(sheet.length).toBeLessThan(MAX_OFFICE_XML_BYTES);
    const many = await refusal('zellen.xlsx', await workbook(sheet));
    expect(many.message).toMatch(/^Die Datei „zellen.xlsx“ ist zu umfangreich/);
    expect(many.rssGrowth).toBeLessThan(150 * 1024 * 1024);
    const text = await refusal('text.xlsx', await workbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>${noise(MAX_OFFICE_XML_BYTES)}</t></is></c></row>`));
    expect(text.message).toMatch(/^Die Datei „text.xlsx“ ist zu umfangreich/);
  });

  it('lets a workbook of ordinary structure through to its reader', () => {
    const entries = new Map([
      ['xl/workbook.xml', Buffer.from('<workbook/>')],
      ['xl/worksheets/sheet1.xml', Buffer.from(rowsOfCells(2_000, 10))],
      ['xl/worksheets/_rels/sheet1.xml.rels', Buffer.from('<Relationships/>')],
    ]);
    expect(checkOfficeSize(entries, { maxBytes: UPLOAD_LIMIT, maxRows: 10_000 })).toBeNull();
    expect(checkOfficeSize(entries, { maxBytes: UPLOAD_LIMIT, maxRows: 500 })).toEqual({ key: 'tooComplex', values: { mb: 8 } });
    // <col …> elements are column widths, not cells.
    const cols = new Map([['xl/workbook.xml', Buffer.from('<workbook/>')], ['xl/worksheets/sheet1.xml', Buffer.from('<cols>' + '<col min="1"/>'.repeat(10_000) + '</cols>')]]);
    expect(checkOfficeSize(cols, { maxBytes: UPLOAD_LIMIT, maxRows: 10 })).toBeNull();
  });
});
