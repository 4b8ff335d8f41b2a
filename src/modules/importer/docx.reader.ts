// Word documents: the body of word/document.xml in reading order. Paragraphs become free lines (headings,
// "Vision:" paragraphs), table rows become table rows. Horizontally merged cells (gridSpan) repeat their text
// over the columns they span and vertically merged ones (vMerge) repeat the cell above, so columns line up
// with the header and a merged goal reads as the same goal on every row.
import type { SourceRow } from './table.model.js';

const TOKEN = /<(\/?)([a-zA-Z][\w.-]*:)?([a-zA-Z][\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|<[^<>]*>?/g;

function attr(attrs: string, name: string): string | null {
  const match = attrs.match(new RegExp(`(?:^|\\s)(?:w:)?${name}\\s*=\\s*["']([^"']*)["']`));
  return match ? match[1] : null;
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, code: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (code[0] !== '#') return named[code.toLowerCase()] ?? whole;
    const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
  });
}

interface Cell {
  text: string;
  span: number;
  merge: 'restart' | 'continue' | null;
}

interface TableState {
  rows: Cell[][];
  row: Cell[] | null;
  cell: Cell | null;
}

/** Reads document.xml into rows: one per paragraph outside tables, one per table row. */
export function readDocxXml(xml: string): SourceRow[] {
  const out: SourceRow[] = [];
  const tables: TableState[] = [];
  let paragraph: string[] | null = null;
  let inText = false;
  let listItem = false;
  let ordinal = 0;

  const endTable = (table: TableState) => {
    const above: string[] = [];
    for (const cells of table.rows) {
      const values: string[] = [];
      for (const cell of cells) {
        const column = values.length;
        const text = cell.merge === 'continue' ? (above[column] ?? '') : cell.text.trim();
        for (let i = 0; i < Math.max(1, cell.span); i++) values.push(text);
      }
      values.forEach((text, i) => (above[i] = text));
      while (values.length && !values[values.length - 1]) values.pop();
      out.push({ row: ++ordinal, cells: values, tabular: values.length > 1 });
    }
  };

  for (const match of xml.matchAll(TOKEN)) {
    const [, closing, , name, attrs = '', selfClosing, text] = match;
    if (text !== undefined) {
      if (inText && paragraph) paragraph.push(decode(text));
      continue;
    }
    if (!name) continue;
    const table = tables[tables.length - 1];
    if (!closing) {
      switch (name) {
        case 'tbl':
          if (!selfClosing) tables.push({ rows: [], row: null, cell: null });
          break;
        case 'tr':
          if (table && !selfClosing) table.row = [];
          break;
        case 'tc':
          if (table?.row && !selfClosing) table.cell = { text: '', span: 1, merge: null };
          break;
        case 'gridSpan':
          if (table?.cell) table.cell.span = Math.min(50, Math.max(1, Number(attr(attrs, 'val')) || 1));
          break;
        case 'vMerge':
          if (table?.cell) table.cell.merge = attr(attrs, 'val') === 'restart' ? 'restart' : 'continue';
          break;
        case 'p':
          paragraph = [];
          listItem = false;
          if (selfClosing) paragraph = null;
          break;
        case 'numPr':
          listItem = true;
          break;
        case 't':
          inText = !selfClosing;
          break;
        case 'tab':
          paragraph?.push(' ');
          break;
        case 'br':
        case 'cr':
          paragraph?.push('\n');
          break;
      }
      continue;
    }
    switch (name) {
      case 't':
        inText = false;
        break;
      case 'p': {
        if (!paragraph) break;
        const line = paragraph.join('').trim();
        const content = line && listItem ? `• ${line}` : line;
        paragraph = null;
        if (table?.cell) table.cell.text += table.cell.text ? `\n${content}` : content;
        else if (!table && content) out.push({ row: ++ordinal, cells: [content], tabular: false });
        break;
      }
      case 'tc':
        if (table?.row && table.cell) table.row.push(table.cell);
        if (table) table.cell = null;
        break;
      case 'tr':
        if (table?.row) table.rows.push(table.row);
        if (table) table.row = null;
        break;
      case 'tbl': {
        const done = tables.pop();
        if (!done) break;
        const outer = tables[tables.length - 1];
        // A table nested in a cell is flattened into that cell's text.
        if (outer?.cell) {
          const nested = done.rows.map((cells) => cells.map((cell) => cell.text.trim()).filter(Boolean).join(' – ')).filter(Boolean).join('\n');
          outer.cell.text += outer.cell.text ? `\n${nested}` : nested;
        } else endTable(done);
        break;
      }
    }
  }
  return out;
}
