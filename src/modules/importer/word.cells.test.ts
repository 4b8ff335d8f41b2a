// What the app's Word export writes into a catalogue's cells, read back as such (the round trip of issue 8;
// test/roundtrip.property.test.ts checks it on generated plans).
import { describe, expect, it } from 'vitest';
import { roleOfHeader } from './columns.detect.js';
import { interpretDocument, type Interpretation } from './layout.interpreter.js';
import { noteFrom } from './notes.parser.js';
import type { SourceRow } from './table.model.js';

const ok = (result: Interpretation) => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
};
let counter = 0;
const line = (text: string, heading = false): SourceRow => ({ row: ++counter, cells: [text], tabular: false, ...(heading ? { heading } : {}) });
const tableRow = (...cells: string[]): SourceRow => ({ row: ++counter, cells, tabular: true });
const interpret = (rows: SourceRow[]) => ok(interpretDocument({ file: 'plan.docx', sheets: [{ rows }] }));

describe('cells of the Word export', () => {
  it('reads the title block, a styled heading, labelled lines, a status with its category and further measures', () => {
    const { plan, warnings } = interpret([
      line('Integrationsplan Musterstadt'),
      line('Stadt Musterstadt'),
      line('Stand: 31.03.2025 · Entwurf'),
      line('Wohnen', true),
      tableRow('Ziel', 'Nr.', 'Maßnahme', 'Akteurinnen und Akteure', 'Status der Umsetzung'),
      tableRow('Ziel 1.1: Wohnraum finden', '1.1.1', 'Wohnraumbörse\naufbauen\nZeitraum: Q3/2025 – Q2/2027\nKosten: 5.000 €\n→ Erste Börse (2024-05)', 'VHS (Federführung), Jobcenter (Federführung) in Kooperation mit Caritasverband', 'Siehe Protokoll (Wird geprüft)'),
      line('Weitere Maßnahmen', true),
      tableRow('Maßnahme', 'Akteurinnen und Akteure', 'Status der Umsetzung'),
      tableRow('Mietercafé\nZeitraum: laufend', 'Sportkreis', 'Läuft (Fortlaufend)'),
      line('Arbeit', true),
      tableRow('Ziel', 'Nr.', 'Maßnahme', 'Akteurinnen und Akteure', 'Status der Umsetzung'),
      tableRow('Ziel 2.1: Arbeit finden', '2.1.1', 'Jobbörse\nFederführung: VHS', 'VHS', 'offen'),
    ]);
    expect(warnings).toEqual([]);
    expect(plan.plan.title).toBe('Integrationsplan Musterstadt');
    const [wohnen, arbeit] = plan.fields;
    expect(wohnen.title).toBe('Wohnen');
    const [measure] = wohnen.goals[0].measures;
    expect(wohnen.goals[0]).toMatchObject({ number: '1.1', text: 'Wohnraum finden' });
    expect(measure).toMatchObject({
      number: '1.1.1',
      text: 'Wohnraumbörse\naufbauen',
      timeframe: 'Q3/2025 – Q2/2027',
      attributes: [{ label: 'Kosten', value: '5.000 €' }],
      notes: [{ text: 'Erste Börse', date: '2024-05' }],
      status: { label: 'Siehe Protokoll', category: 'under_review' },
    });
    expect(measure.actors.map((a) => [a.name, a.role])).toEqual([['VHS', 'lead'], ['Jobcenter', 'lead'], ['Caritasverband', 'partner']]);
    expect(wohnen.furtherMeasures).toMatchObject([{ text: 'Mietercafé', timeframe: 'laufend', status: { label: 'Läuft', category: 'ongoing' } }]);
    // A label of another column ("Federführung:") stays part of the text: only timeframes and unknown labels are read.
    expect(arbeit.goals[0].measures[0]).toMatchObject({ text: 'Jobbörse\nFederführung: VHS' });
    expect(arbeit.goals[0].measures[0].attributes).toBeUndefined();
  });

  it('keeps a heading without a style a guess, and warned about', () => {
    const { warnings } = interpret([line('Plan'), line('Wohnen'), tableRow('Maßnahme', 'Akteure', 'Status'), tableRow('Börse', 'VHS', 'offen')]);
    expect(warnings.map((w) => w.message)).toEqual(['„Wohnen“ sieht wie eine Überschrift aus und wurde als Handlungsfeld übernommen.']);
  });

  it('takes a date in brackets at the end of a note as its date, and "Label: value" never for a header', () => {
    expect(noteFrom('Kurs durchgeführt (2022)')).toEqual({ text: 'Kurs durchgeführt', date: '2022' });
    expect(noteFrom('Kurs im Mai 2023 durchgeführt')).toEqual({ text: 'Kurs im Mai 2023 durchgeführt', date: '2023-05' });
    expect(roleOfHeader('Ziel 1.1: Sprachkurse ausbauen')).toBeNull();
    expect(roleOfHeader('Akteur:innen')).toBe('actors');
    expect(roleOfHeader('Status (Stand: 03/2024)')).toBe('status');
  });
});
