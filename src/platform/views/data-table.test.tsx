// The one table component: the KERN markup every table of the views had written by hand.
import { describe, expect, it } from 'vitest';
import { cell, DataTable } from './data-table.js';

const html = (node: unknown) => String(node);

describe('DataTable', () => {
  it('writes the responsive wrapper, a caption for screen readers, column headers and plain cells', () => {
    const out = html(<DataTable caption="Personen" columns={[{ label: 'Name' }, { label: 'Rolle' }]} rows={[['Ada', 'Admin'], ['Bea', 'Redaktion']]} />);
    expect(out).toBe(
      '<div class="kern-table-responsive" role="region" aria-label="Personen" tabindex="0"><table class="kern-table"><caption class="kern-sr-only">Personen</caption>' +
        '<thead class="kern-table__header"><tr><th scope="col">Name</th><th scope="col">Rolle</th></tr></thead>' +
        '<tbody class="kern-table__body"><tr><td>Ada</td><td>Admin</td></tr><tr><td>Bea</td><td>Redaktion</td></tr></tbody></table></div>',
    );
  });

  it('shows the caption, heads rows, aligns figures right and adds the size and layout classes and an id', () => {
    const out = html(
      <DataTable
        caption="Stand"
        captionVisible
        small
        layout="data"
        id="stand"
        columns={[{ label: 'Status' }, { label: 'Anzahl', numeric: true }]}
        rows={[['Fertig', 7]]}
        rowHeaders
      />,
    );
    expect(out).toBe(
      '<div class="kern-table-responsive" role="region" aria-label="Stand" tabindex="0"><table class="kern-table kern-table--small data-table" id="stand">' +
        '<caption class="kern-body kern-body--bold table-caption">Stand</caption>' +
        '<thead class="kern-table__header"><tr><th scope="col">Status</th><th scope="col" class="kern-table__header--numeric">Anzahl</th></tr></thead>' +
        '<tbody class="kern-table__body"><tr><th scope="row">Fertig</th><td class="kern-table__cell--numeric">7</td></tr></tbody></table></div>',
    );
  });

  it('gives a column its cells’ class, and a single cell a class of its own', () => {
    const out = html(
      <DataTable
        caption="Änderungen"
        layout="catalogue"
        columns={[{ label: 'Nr.' }, { label: 'Text', cellClass: 'pre-line' }, { label: 'Vorher' }]}
        rows={[[1, 'a\nb', cell('c\nd', 'pre-line')], [2, <strong>e</strong>, 'f']]}
      />,
    );
    expect(out).toContain('<table class="kern-table catalogue-table">');
    expect(out).toContain('<tr><td>1</td><td class="pre-line">a\nb</td><td class="pre-line">c\nd</td></tr>');
    expect(out).toContain('<tr><td>2</td><td class="pre-line"><strong>e</strong></td><td>f</td></tr>');
  });

  it('says the empty text instead of a table without rows, and shows the empty table when it has none', () => {
    expect(html(<DataTable caption="Runden" empty="Noch keine Runde." columns={[{ label: 'Titel' }]} rows={[]} />)).toBe('<p class="kern-body">Noch keine Runde.</p>');
    const bare = html(<DataTable caption="Akteure" columns={[{ label: 'Name' }]} rows={[]} />);
    expect(bare).toContain('<caption class="kern-sr-only">Akteure</caption>');
    expect(bare).toContain('<tbody class="kern-table__body"></tbody>');
  });

  it('escapes text in captions, headers and cells', () => {
    const out = html(<DataTable caption="<b>" columns={[{ label: '<i>' }]} rows={[['<script>']]} />);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('<caption class="kern-sr-only">&lt;b&gt;</caption>');
  });
});
