// Pasted text and .txt/.tsv: one row per line, cells split at tabs. Lines without tabs stay single-cell free
// lines (headings, visions, label/value records); Word and web pages pasted as text look exactly like that.
import type { SourceDocument } from './table.model.js';

export function readText(file: string, text: string): SourceDocument {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const rows = lines.map((line, i) => {
    const cells = line.split('\t');
    // A row pasted from a table keeps its tabs even when only its first cell is filled: it is still a row.
    const tabular = cells.length > 1;
    while (cells.length > 1 && !cells[cells.length - 1].trim()) cells.pop();
    return { row: i + 1, cells, tabular };
  });
  return { file, sheets: [{ rows }] };
}
