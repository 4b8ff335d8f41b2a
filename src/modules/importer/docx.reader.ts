// Word documents: the body of word/document.xml in reading order. Paragraphs become free lines (headings,
// "Vision:" paragraphs), table rows become table rows. Horizontally merged cells (gridSpan) repeat their text
// over the columns they span and vertically merged ones (vMerge) repeat the cell above, so columns line up
// with the header and a merged goal reads as the same goal on every row.
//
// The XML is checked for well-formedness and parsed by fast-xml-parser in document order (preserveOrder), so
// comments, CDATA sections and escaped markup inside text are what they are, not tags, and paragraphs nested in a
// paragraph (text boxes) no longer cut it short. Elements are matched by their local name, whatever prefix the
// document binds the WordprocessingML namespace to.
import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';
import type { SourcePart, SourceRow } from './table.model.js';

/** One node as fast-xml-parser returns it with preserveOrder: `{ [tag]: children, ':@': attributes }` or `{ '#text': text }`. */
type XmlNode = Record<string, unknown>;

const ATTRIBUTES = ':@';
const TEXT = '#text';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML 1.0 `Char`: a reference to anything else (NUL, most C0 controls, surrogates) is left as written. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * The five predefined entities and numeric character references, decoded in a single pass so that an escaped
 * reference ("&amp;#65;") stays literal text ("&#65;"). fast-xml-parser leaves numeric references undecoded unless
 * its HTML entities are switched on, which would also decode names XML does not know (&nbsp;). Entities declared
 * in a DOCTYPE are never expanded: Office packages do not use DTDs, so one would only serve an expansion attack.
 */
const xmlEntities: EntityDecoderOptions = {
  decode: (text) =>
    text.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, (whole: string, hex?: string, decimal?: string, name?: string) => {
      if (name) return NAMED[name];
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(decimal ?? '', 10);
      return isXmlChar(code) ? String.fromCodePoint(code) : whole;
    }),
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Text stays text: "007" or "1e5" in a cell must not become numbers, and spaces around runs are content.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  entityDecoder: xmlEntities,
  // No callbacks use the path of a node, and building it costs a quarter of the parse time.
  jPath: false,
  // The default of 100 would refuse well-formed documents with content controls or tables nested a few dozen
  // deep; a limit still bounds the recursion of the walk below.
  maxNestedTags: 500,
});

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function elementOf(node: XmlNode): { name: string; children: XmlNode[] } {
  for (const key in node) {
    if (key === ATTRIBUTES) continue;
    const children = node[key];
    return { name: localName(key), children: Array.isArray(children) ? (children as XmlNode[]) : [] };
  }
  return { name: '', children: [] };
}

function attribute(node: XmlNode, name: string): string | null {
  const attributes = node[ATTRIBUTES];
  if (!attributes || typeof attributes !== 'object') return null;
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return String(value);
  return null;
}

/** All character data below the nodes (valid WordprocessingML has only text in a w:t; well-formed XML may not). */
function textOf(nodes: XmlNode[]): string {
  let text = '';
  for (const node of nodes) text += TEXT in node ? String(node[TEXT]) : textOf(elementOf(node).children);
  return text;
}

/** Of an mc:AlternateContent, only one branch is content: the first Choice, else the Fallback (Word writes both). */
function oneBranch(children: XmlNode[]): XmlNode[] {
  const branch = children.find((child) => elementOf(child).name === 'Choice') ?? children.find((child) => elementOf(child).name === 'Fallback');
  return branch ? elementOf(branch).children : [];
}

interface Cell {
  text: string;
  span: number;
  merge: 'restart' | 'continue' | null;
}

/** Where block content goes: free lines and table rows of the body, or the text of a table cell. */
interface Sink {
  /** `heading`: the paragraph has a heading style ("Heading 1", "Überschrift 2"). */
  paragraph(content: string, heading?: boolean): void;
  table(rows: Cell[][]): void;
}

function blocks(nodes: XmlNode[], sink: Sink): void {
  for (const node of nodes) {
    const { name, children } = elementOf(node);
    if (name === 'p') paragraph(children, sink);
    else if (name === 'tbl') sink.table(table(children, sink));
    else if (name === 'AlternateContent') blocks(oneBranch(children), sink);
    else blocks(children, sink);
  }
}

// Style ids of headings: Word's built-in ones are "Heading1", in a German Word "berschrift1" (sic), and the like.
const HEADING_STYLE = /^(?:heading|\u00fc?berschrift)\s*[1-9]$/i;

function paragraph(children: XmlNode[], sink: Sink): void {
  const parts: string[] = [];
  // Paragraphs and tables inside this one (text boxes, shapes) follow it as blocks of their own.
  const anchored: XmlNode[] = [];
  let listItem = false;
  let heading = false;
  const inline = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const { name, children: inner } = elementOf(node);
      switch (name) {
        case 'pPr':
          listItem ||= inner.some((child) => elementOf(child).name === 'numPr');
          heading ||= inner.some((child) => elementOf(child).name === 'pStyle' && HEADING_STYLE.test(attribute(child, 'val') ?? ''));
          break;
        case 't':
          parts.push(textOf(inner));
          break;
        case 'tab':
          parts.push(' ');
          break;
        case 'br':
        case 'cr':
          parts.push('\n');
          break;
        case 'p':
        case 'tbl':
          anchored.push(node);
          break;
        case 'AlternateContent':
          inline(oneBranch(inner));
          break;
        default:
          inline(inner);
      }
    }
  };
  inline(children);
  const line = parts.join('').trim();
  sink.paragraph(line && listItem ? `• ${line}` : line, heading);
  blocks(anchored, sink);
}

/** The rows of a table; w:tr and w:tc are found through wrappers such as content controls (w:sdt) and w:customXml. */
function table(children: XmlNode[], sink: Sink): Cell[][] {
  const rows: Cell[][] = [];
  const find = (nodes: XmlNode[], cells: Cell[] | null) => {
    for (const node of nodes) {
      const { name, children: inner } = elementOf(node);
      if (name === 'tr' && !cells) {
        const row: Cell[] = [];
        find(inner, row);
        rows.push(row);
      } else if (name === 'tc' && cells) cells.push(cell(inner));
      // A table outside any cell (not valid WordprocessingML) is read as a table of its own.
      else if (name === 'tbl') sink.table(table(inner, sink));
      else if (name === 'AlternateContent') find(oneBranch(inner), cells);
      else find(inner, cells);
    }
  };
  find(children, null);
  return rows;
}

function cell(children: XmlNode[]): Cell {
  const result: Cell = { text: '', span: 1, merge: null };
  const properties = children.find((child) => elementOf(child).name === 'tcPr');
  for (const property of properties ? elementOf(properties).children : []) {
    const { name } = elementOf(property);
    if (name === 'gridSpan') result.span = Math.min(50, Math.max(1, Number(attribute(property, 'val')) || 1));
    else if (name === 'vMerge') result.merge = attribute(property, 'val') === 'restart' ? 'restart' : 'continue';
  }
  const add = (content: string) => (result.text += result.text ? `\n${content}` : content);
  blocks(children, {
    paragraph: add,
    // A table nested in a cell is flattened into that cell's text.
    table: (rows) => add(rows.map((cells) => cells.map((c) => c.text.trim()).filter(Boolean).join(' – ')).filter(Boolean).join('\n')),
  });
  return result;
}

/** Table rows with merged cells spelled out: a span repeats its text, a vertical continuation the cell above. */
function tableRows(rows: Cell[][]): string[][] {
  const above: string[] = [];
  return rows.map((cells) => {
    const values: string[] = [];
    for (const cell of cells) {
      const column = values.length;
      const text = cell.merge === 'continue' ? (above[column] ?? '') : cell.text.trim();
      for (let i = 0; i < Math.max(1, cell.span); i++) values.push(text);
    }
    values.forEach((text, i) => (above[i] = text));
    while (values.length && !values[values.length - 1]) values.pop();
    return values;
  });
}

/**
 * Reads document.xml into rows: one per paragraph outside tables, one per table row. Null when the XML is not
 * well-formed: the parser alone would recover from a damaged tag by nesting the rest of the document somewhere
 * unpredictable, and a catalogue with silently missing measures is worse than a refusal. Word refuses such a file
 * as well.
 */
export function readDocxXml(xml: string): SourceRow[] | null {
  let tree: XmlNode[];
  try {
    if (XMLValidator.validate(xml) !== true) return null;
    tree = parser.parse(xml) as XmlNode[];
  } catch {
    return null;
  }
  const out: SourceRow[] = [];
  let tables = 0;
  blocks(Array.isArray(tree) ? tree : [], {
    paragraph: (content, heading) => {
      if (content) out.push({ row: out.length + 1, cells: [content], tabular: false, ...(heading ? { heading } : {}) });
    },
    // Each table is a part the officer can leave out; its rows say where they are as Word shows it: the table's
    // ordinal and the row within it (header included), not the paragraph count.
    table: (rows) => {
      const table = ++tables;
      tableRows(rows).forEach((cells, i) => out.push({ row: out.length + 1, cells, tabular: cells.length > 1, part: table - 1, table, tableRow: i + 1 }));
    },
  });
  return out;
}

/** The tables of a Word document as parts: their ordinal, the line before each (its heading) and their rows. */
export function docxParts(rows: SourceRow[]): SourcePart[] {
  const parts: SourcePart[] = [];
  let before: string | undefined;
  for (const row of rows) {
    if (row.part === undefined) {
      before = row.cells.find((cell) => cell.trim())?.trim() ?? before;
      continue;
    }
    const part = parts[row.part] ?? (parts[row.part] = { id: row.part, kind: 'table', ordinal: row.table ?? row.part + 1, ...(before ? { after: before } : {}), rows: 0 });
    if (row.cells.some((cell) => cell.trim())) part.rows++;
  }
  return parts.filter(Boolean);
}
