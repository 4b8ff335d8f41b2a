// The one accessible table of the views, in KERN markup: a responsive wrapper, a caption (shown, or for screen
// readers only), a header row of column headers, body rows whose first cell may head its row, figures aligned
// right, and a sentence instead of the table when it has no rows.
import type { Child } from 'hono/jsx';

export interface Column {
  label: Child;
  /** figures: the header and the column's cells are aligned right */
  numeric?: boolean;
  /** a class for every body cell of the column (`pre-line` keeps line breaks) */
  cellClass?: string;
}

/** A body cell with a class of its own, for a cell that differs from the rest of its column. */
export class TableCell {
  constructor(
    readonly content: Child,
    readonly cellClass: string,
  ) {}
}

export type Cell = Child | TableCell;

/** A cell with a class of its own (`cell(text, 'pre-line')`). */
export const cell = (content: Child, cellClass: string): TableCell => new TableCell(content, cellClass);

export interface DataTableProps {
  caption: string;
  /** the caption is shown above the table; otherwise only screen readers read it */
  captionVisible?: boolean;
  columns: Column[];
  /** one array of cells per row, in the order of the columns */
  rows: Cell[][];
  /** the first cell of every row is its header (`<th scope="row">`) */
  rowHeaders?: boolean;
  /** KERN's compact table */
  small?: boolean;
  /** our layouts (public/app.css): `data` for figures, `catalogue` for the plan's measures */
  layout?: 'data' | 'catalogue';
  id?: string;
  /** said instead of the table when there are no rows; without it, the table is shown empty */
  empty?: string;
}

const classes = (...names: Array<string | false | undefined>): string | undefined => names.filter(Boolean).join(' ') || undefined;

export function DataTable(props: DataTableProps) {
  const { columns, rows } = props;
  if (rows.length === 0 && props.empty !== undefined) return <p class="kern-body">{props.empty}</p>;
  return (
    // A table wider than the screen scrolls inside its box (at 320 px the page itself never does): the box is a
    // named region the keyboard can reach and scroll.
    <div class="kern-table-responsive" role="region" aria-label={props.caption} tabindex={0}>
      <table class={classes('kern-table', props.small && 'kern-table--small', props.layout && `${props.layout}-table`)} id={props.id}>
        <caption class={props.captionVisible ? 'kern-body kern-body--bold table-caption' : 'kern-sr-only'}>{props.caption}</caption>
        <thead class="kern-table__header">
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.numeric ? 'kern-table__header--numeric' : undefined}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((row) => (
            <tr>
              {row.map((content, i) => {
                const column = columns[i];
                const own = content instanceof TableCell;
                const cls = classes(column?.numeric && 'kern-table__cell--numeric', column?.cellClass, own && content.cellClass);
                const body = own ? content.content : content;
                return props.rowHeaders && i === 0 ? <th scope="row" class={cls}>{body}</th> : <td class={cls}>{body}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
