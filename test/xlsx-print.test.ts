// Must show 6: the XLSX export opened by LibreOffice (headless, converted to PDF) prints on A4 landscape pages,
// all columns on one page wide, the header row repeated on every page of a field's sheet. Outside CI the test
// is skipped when LibreOffice is missing; in CI it must run (.ci/run installs libreoffice-calc-nogui).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import demo from '../src/modules/plan/musterstadt.json' with { type: 'json' };
import { exchangePlanSchema } from '../src/modules/plan/index.js';
import { exportXlsx } from '../src/modules/exports/xlsx.export.js';

const run = promisify(execFile);
const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

function libreOfficeAvailable(): boolean {
  if (fs.existsSync(SOFFICE)) return true;
  const why = `LibreOffice not found at ${SOFFICE}: the XLSX print test cannot run.`;
  if (process.env.CI === 'true') throw new Error(`${why} In CI it is required; install libreoffice-calc-nogui.`);
  console.warn(`${why} Skipping it.`);
  return false;
}

const SHEET_HEADERS = ['Ziel', 'Nr.', 'Maßnahme', 'Zeitraum', 'Zielgruppen', 'Akteure', 'Status', 'Statuskategorie', 'Statusdatum', 'Fortschritt', 'Weitere Maßnahme'];

describe.skipIf(!libreOfficeAvailable())('the XLSX export printed by LibreOffice', () => {
  it('prints every page on A4 landscape, with all column headers on each page of a field sheet', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-xlsx-'));
    try {
      const plan = exchangePlanSchema.parse(demo);
      const xlsx = path.join(dir, 'plan.xlsx');
      fs.writeFileSync(xlsx, await exportXlsx({ plan, municipalityName: 'Musterstadt', stateDate: '2026-03-01', planState: 'published', lang: 'de' }));
      // A profile of its own: another LibreOffice running on the machine must not take the conversion over.
      await run(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { timeout: 120_000 });
      const pdf = path.join(dir, 'plan.pdf');
      expect(fs.existsSync(pdf)).toBe(true);

      const info = (await run('pdfinfo', ['-f', '1', '-l', '9999', pdf])).stdout;
      const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
      expect(sizes).toHaveLength(pageCount);
      for (const size of sizes) expect(size).toEqual([842, 595]);

      const pageText = async (n: number) => (await run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'])).stdout;
      const first = await pageText(1);
      expect(first).toContain('Übersicht');
      expect(first).toContain('Musterstadt');
      // The field sheets: every page carries all headers (one page wide, the header row repeated).
      const fieldPages: number[] = [];
      for (let n = 1; n <= pageCount; n++) {
        const text = await pageText(n);
        // The footer names the sheet: the overview's pages are not the catalogue's.
        if (/^\s*Übersicht\s+Seite \d+ von \d+\s*$/m.test(text)) continue;
        fieldPages.push(n);
        const words = new Set(text.split(/\s+/));
        for (const header of SHEET_HEADERS) for (const word of header.split(' ')) expect(words.has(word), `page ${n} shows the header "${header}"`).toBe(true);
      }
      // At least one field runs over more than one page: the header row is repeated there.
      expect(fieldPages.length).toBeGreaterThan(plan.fields.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
