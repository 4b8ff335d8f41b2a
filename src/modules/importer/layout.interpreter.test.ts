// Layouts beyond the fixtures, written as tab-separated text because every reader ends up in the same rows.
import { describe, expect, it } from 'vitest';
import { interpretDocument, splitVisions, type Interpretation } from './layout.interpreter.js';
import { readText } from './text.reader.js';

const lines = (...rows: string[]) => rows.join('\n');
const ok = (result: Interpretation) => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
};
const interpret = (text: string, options = {}) => ok(interpretDocument(readText('t.txt', text), options));

describe('layout interpreter', () => {
  it('reads numbered headings, visions on following lines and tables whose columns change order', () => {
    const { plan } = interpret(
      lines(
        '1. Sprache',
        'Vision:',
        'Alle sprechen miteinander.',
        'Status\tMaßnahme\tNr.\tZuständigkeit',
        'laufend\tSprachcafé\t1\tVHS',
        '',
        '2) Wohnen',
        'Leitbild: Gutes Wohnen.',
        'Nr.\tTräger\tMaßnahme\tStand',
        '2\tWohnungsamt\tWohnraumbörse\toffen',
      ),
    );
    expect(plan.fields.map((f) => [f.title, f.visions, f.goals[0].measures.map((m) => [m.number, m.text, m.actors[0].name, m.status.category])])).toEqual([
      ['Sprache', ['Alle sprechen miteinander.'], [['1', 'Sprachcafé', 'VHS', 'ongoing']]],
      ['Wohnen', ['Gutes Wohnen.'], [['2', 'Wohnraumbörse', 'Wohnungsamt', 'not_started']]],
    ]);
  });

  it('keeps goals across empty and repeated goal cells and starts a new one on new text', () => {
    const { plan } = interpret(
      lines('Ziel\tMaßnahme\tAkteure', 'Ziel A\tM1\tX', '\tM2\tX', 'Ziel A\tM3\tX', 'Ziel B\tM4\tX', 'Ziel C\t\t', '\tM5\tX'),
    );
    expect(plan.fields[0].goals.map((g) => [g.text, g.measures.map((m) => m.text)])).toEqual([
      ['Ziel A', ['M1', 'M2', 'M3']],
      ['Ziel B', ['M4']],
      ['Ziel C', ['M5']],
    ]);
    expect(plan.fields[0].title).toBe('Allgemein');
  });

  it('puts rows after "Weitere Maßnahmen" into further measures until a numbered row returns', () => {
    const { plan } = interpret(
      lines('Handlungsfeld Arbeit', 'Nr.\tMaßnahme\tAkteure\tStatus', '1\tEins\tVHS\toffen', 'Weitere Maßnahmen:', '\tZusatz\tJobcenter\tgeplant', '- + Idee ohne Tabelle', '2\tZwei\tVHS\toffen'),
    );
    const field = plan.fields[0];
    expect(field.furtherMeasures.map((m) => [m.text, m.actors.map((a) => a.name), m.status.category])).toEqual([
      ['Zusatz', ['Jobcenter'], 'planned'],
      ['Idee ohne Tabelle', [], 'unknown'],
    ]);
    expect(field.goals[0].measures.map((m) => m.number)).toEqual(['1', '2']);
  });

  it('warns with row numbers about what it is unsure of', () => {
    const { warnings } = interpret(
      lines('Nr.\tMaßnahme\tAkteure\tStatus\tBudget', '1\tEins\t\tsuper', '1\tZwei\tVHS\toffen', 'Arbeit und Soziales', '3\tDrei\tVHS\toffen', 'Ein Absatz, der etwas erklärt.'),
    );
    // The place (row, column) is carried beside the message, not inside it: the preview and the CLI put it in front once.
    // "Budget" is no column the importer knows: it is kept as an attribute, so nothing to warn about.
    expect(warnings.map((w) => [w.row, w.column ?? null, w.message])).toEqual([
      [2, 'Status', 'Die Angabe „super“ ist keiner Kategorie zugeordnet.'],
      [2, 'Akteure', 'Die Maßnahme hat keine Akteure.'],
      [3, 'Nr.', 'Die Nummer 1 kommt schon in Zeile 2 vor.'],
      [4, null, '„Arbeit und Soziales“ sieht wie eine Überschrift aus und wurde als Handlungsfeld übernommen.'],
      [6, null, 'Der Text „Ein Absatz, der etwas erklärt.“ steht außerhalb der Tabelle und wurde nicht übernommen.'],
    ]);
  });

  it('warns at the row of an actor fragment, naming the place once', () => {
    const { plan, warnings } = interpret(lines('Nr.\tMaßnahme\tAkteure', '1\tSprachcafé\tIntegrationsmanagement, Geflüchteten'));
    expect(plan.fields[0].goals[0].measures[0].actors.map((a) => a.name)).toEqual(['Integrationsmanagement', 'Geflüchteten']);
    expect(warnings).toEqual([
      { row: 2, column: 'Akteure', message: '„Geflüchteten“ ist vermutlich keine Organisation, sondern eine Gruppe, ein Ort oder ein Teil einer Aufzählung; übernommen, bitte prüfen.' },
    ]);
  });

  it('takes a short data row naming two roles by chance for data once a table has begun', () => {
    const { plan } = interpret(lines('Nr.\tMaßnahme\tAkteure\tStatus', '1\tProjektförderung\tStadt\tStand: offen'));
    expect(plan.fields[0].goals[0].measures.map((m) => [m.text, m.status.category])).toEqual([['Projektförderung', 'not_started']]);
  });

  it('keeps the source numbering as written, without a "Nr." prefix', () => {
    const { plan } = interpret(lines('Nr.\tMaßnahme\tAkteure', '7.1\tA\tX', 'Nr. 8\tB\tX', 'M9\tC\tX'));
    expect(plan.fields[0].goals[0].measures.map((m) => [m.number])).toEqual([
      ['7.1'],
      ['8'],
      ['M9'],
    ]);
  });

  it('splits two visions run together and keeps a single one whole', () => {
    expect(splitVisions('Stärkung des Miteinanders in der Stadtgesellschaft Volle Teilhabe aller')).toEqual([
      'Stärkung des Miteinanders in der Stadtgesellschaft',
      'Volle Teilhabe aller',
    ]);
    expect(splitVisions('Gleiche Chancen auf dem Wohnungsmarkt für alle Bürgerinnen und Bürger')).toHaveLength(1);
  });
});

describe('web pages pasted as text', () => {
  it('reads bullet lists under field headings as measures, with inline and following lead lines', () => {
    const { plan } = interpret(
      lines(
        'Integrationskonzept Beispielgemeinde',
        'Handlungsfeld Sprache',
        'Vision:',
        '• Alle können Deutsch lernen.',
        'Unsere Maßnahmen',
        '• Sprachcafé im Rathaus (FF: VHS)',
        '• Lesepatenschaften – Verantwortlich: Stadtbücherei und Ehrenamtliche',
        'Handlungsfeld Arbeit',
        '• Jobmesse',
        'FF: Jobcenter',
        'Status: in Planung für 2026',
      ),
    );
    expect(plan.fields.map((f) => [f.title, f.visions, f.goals.flatMap((g) => g.measures.map((m) => [m.text, m.actors.map((a) => `${a.name}:${a.role}`), m.status.category]))])).toEqual([
      [
        'Sprache',
        ['Alle können Deutsch lernen.'],
        [
          ['Sprachcafé im Rathaus', ['VHS:lead'], 'unknown'],
          ['Lesepatenschaften', ['Stadtbücherei:lead', 'Ehrenamtliche:lead'], 'unknown'],
        ],
      ],
      ['Arbeit', [], [['Jobmesse', ['Jobcenter:lead'], 'planned']]],
    ]);
  });
});
