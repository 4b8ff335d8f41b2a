import { describe, expect, it } from 'vitest';
import { smallPlan } from '../../../test/fixtures/exports/plans.js';
import { parseActors } from '../importer/index.js';
import { roleOfHeader } from '../importer/index.js';
import { allCatalogueRows } from './catalogue.js';
import { TABLE_COLUMNS, tableRecord } from './table.columns.js';

// The contract with the update import: what these columns hold must read back as what was exported.
describe('table columns and the importer', () => {
  it('names each column the importer needs by a header it recognises for that role', () => {
    const roles = Object.fromEntries(TABLE_COLUMNS.map((column) => [column, roleOfHeader(column)]));
    expect(roles).toMatchObject({
      Handlungsfeld: 'field',
      Ziel: 'goal',
      'Nr.': 'number',
      Maßnahme: 'measure',
      Akteure: 'actors',
      Zeitraum: 'timeframe',
      Status: 'status',
      Fortschritt: 'notes',
    });
  });

  it('writes actors so that the importer splits them into the same leads, partners and parents', () => {
    for (const row of allCatalogueRows(smallPlan)) {
      expect(parseActors(String(tableRecord(row).Akteure)).actors).toEqual(row.measure.actors);
    }
  });
});
