// Round trip (issue 8, must-show 3): generated plans exported to XLSX, CSV and Word and read back through the real
// importer come back as the same plan, with no warning. fast-check is not a dependency of the project, so the
// plans come from a small seeded generator (as in the fuzz tests): a failing run names its seed and replays.
import { describe, expect, it } from 'vitest';
import { exportCsv, exportDocx, exportXlsx, type ExportInput } from '../src/modules/exports/index.js';
import { parseCatalogue } from '../src/modules/importer/index.js';
import { noteDate } from '../src/modules/importer/notes.parser.js';
import { mapStatus, type ExchangeActor, type ExchangeMeasure, type ExchangePlan, type StatusCategory } from '../src/modules/plan/index.js';

const RUNS = 25;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Words without colons, arrows or bullets: a line of measure text that looked like "Label: value" or "→ note"
// would be read as an attribute or a progress note (the Word export writes those into the measure's cell).
const WORDS = ['Angebote', 'für', 'Familien', 'im', 'Stadtteil', 'ausbauen', 'mehrsprachige', 'Beratung', 'stärken', 'Kurse', 'mit', 'Kinderbetreuung', 'verstetigen', 'Netzwerk', 'der', 'Ehrenamtlichen', 'begleiten', 'Übergänge', 'Schule', 'Beruf', '„Arbeit für alle“', '2025', 'Frauen', 'Sprachcafé'];
const FIELDS = ['Sprache und Bildung', 'Arbeit, Ausbildung & Wirtschaft', 'Wohnen', 'Gesundheit und Pflege', 'Teilhabe und Ehrenamt', 'Sport & Kultur'];
const ORGANISATIONS = ['Volkshochschule', 'Jobcenter', 'Agentur für Arbeit', 'Caritasverband', 'Stadtbibliothek', 'Integrationsbüro', 'Jugendmigrationsdienst', 'Diakonisches Werk', 'Kontaktstelle für Integration', 'Familienzentrum Süd', 'Haus & Grund Talheim', 'Sportkreis'];
const PARENTS = ['Amt für soziale Dienste', 'Stabsstelle Integration', 'Amt für Bildung'];
const TIMEFRAMES = ['2025–2027', 'laufend', 'Q3/2025 – Q2/2027', 'ab Herbst 2025', 'bis 12/2025', 'seit 2024', 'jährlich'];
// Labels and the category they stand for. A label that names a category itself keeps it on import (it is the cell
// people edit), so a generated status never contradicts its own wording; "Siehe Protokoll" names none and is
// categorised by hand.
const STATUSES: Array<[string, StatusCategory]> = [
  ['In Planung ab 2024', 'planned'],
  ['Läuft', 'ongoing'],
  ['In Umsetzung', 'in_progress'],
  ['Abgeschlossen – weitere Durchführung in Planung', 'completed'],
  ['Daueraufgabe', 'ongoing'],
  ['offen', 'not_started'],
  ['entfällt', 'discontinued'],
  ['Siehe Protokoll', 'in_progress'],
  ['Siehe Protokoll', 'under_review'],
  ['Geplant', 'planned'],
];
// Labels no column of the importer knows (a known one, "Zielgruppe" or "Bemerkung", is read as that column).
// Values are one line: the Word export writes an attribute as one "Label: value" line.
const ATTRIBUTES = ['Kosten', 'Indikator', 'Priorität', 'Finanzierung'];
const ATTRIBUTE_VALUES = ['5.000 € pro Jahr', 'hoch', 'Anzahl der Teilnehmenden', 'Landesprogramm, Eigenmittel', '—'];
const VISIONS = [
  'Alle Menschen in Musterstadt können sich im Alltag auf Deutsch verständigen.',
  'Zugewanderte finden Arbeit, die ihren Fähigkeiten entspricht.',
  'Betriebe öffnen sich für Vielfalt.',
  'Jedes Kind hat von Anfang an gleiche Chancen – in der Kita und in der Schule.',
];
// Without commas: the "Zielgruppen" column lists them separated by commas.
const TARGET_GROUPS = ['Frauen', 'Jugendliche', 'Geflüchtete', 'Seniorinnen und Senioren', 'Familien mit kleinen Kindern'];
const SCHEMES = ['1', '1.1', '7.1.2', 'A.3', 'none'] as const;

function generatePlan(seed: number): ExchangePlan {
  const next = rng(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const pickDistinct = <T>(list: readonly T[], count: number): T[] => [...list].sort(() => next() - 0.5).slice(0, count);
  const words = (min: number, max: number) => {
    const out = Array.from({ length: min + int(max - min + 1) }, () => pick(WORDS));
    out[0] = out[0].charAt(0).toUpperCase() + out[0].slice(1);
    return out.join(' ');
  };
  const scheme = pick(SCHEMES);
  let counter = 0;
  let goalCounter = 0;
  const used = new Set<string>();

  // An organisation has one parent office throughout a plan: the import unifies the actors of a plan by name, as
  // the actors directory keeps one entry per organisation.
  const parents = new Map(ORGANISATIONS.map((name) => [name, next() < 0.25 ? pick(PARENTS) : null]));
  const actors = (): ExchangeActor[] => {
    const names = pickDistinct(ORGANISATIONS, 1 + int(4));
    const leads = names.length > 1 && next() < 0.3 ? 2 : 1;
    return names.map((name, i) => ({ name, role: i < leads ? 'lead' : 'partner', parent: parents.get(name) ?? null }));
  };
  const measure = (number: string | null): ExchangeMeasure => {
    const [label, category] = pick(STATUSES);
    const text = Array.from({ length: 1 + int(3) }, () => words(2, 7)).join('\n');
    // A note without a date of its own is dated by the year its text names, if any, as the importer reads it.
    const notes = Array.from({ length: int(3) }, () => {
      const text = words(2, 6);
      return { text, date: pick([null, '2023', '2024-05']) ?? noteDate(text) };
    });
    const attributes = pickDistinct(ATTRIBUTES, int(3)).map((attribute) => ({ label: attribute, value: pick(ATTRIBUTE_VALUES) }));
    const timeframe = next() < 0.7 ? pick(TIMEFRAMES) : undefined;
    const targetGroups = pickDistinct(TARGET_GROUPS, int(3));
    return {
      number,
      text,
      actors: actors(),
      status: { label, category, date: mapStatus(label).date },
      notes,
      ...(timeframe ? { timeframe } : {}),
      ...(targetGroups.length ? { targetGroups } : {}),
      ...(attributes.length ? { attributes } : {}),
    };
  };
  const fields = pickDistinct(FIELDS, 1 + int(3)).map((title, f) => {
    const goalTexts = new Set<string>();
    // Every goal has a measure: the tables list measures, so a goal without any has no row in CSV and XLSX.
    const goals = Array.from({ length: 1 + int(3) }, (_, g) => {
      goalCounter++;
      let text = words(3, 8);
      while (goalTexts.has(text)) text = `${text} ${pick(WORDS)}`;
      goalTexts.add(text);
      const goalNumber = next() < 0.5 ? `${f + 1}.${g + 1}` : undefined;
      const measures = Array.from({ length: 1 + int(3) }, (_, m) => {
        counter++;
        const number =
          scheme === '1' ? String(counter)
          : scheme === '1.1' ? `${goalCounter}.${m + 1}`
          : scheme === '7.1.2' ? `${f + 1}.${g + 1}.${m + 1}`
          : scheme === 'A.3' ? `${String.fromCharCode(65 + f)}.${counter}`
          : null;
        if (number) used.add(number);
        return measure(number);
      });
      return { ...(goalNumber ? { number: goalNumber } : {}), text, measures };
    });
    // Further measures carry no number: the Word export's table of further measures has no number column.
    const furtherMeasures = Array.from({ length: int(3) }, () => measure(null));
    // Visions only go into the Word export (the tables of CSV and XLSX have no place for them). Written as
    // sentences: random runs of nouns ("Beruf Ehrenamtlichen Ehrenamtlichen") look like two visions run together
    // without a line break, which the importer splits (splitVisions).
    const visions = pickDistinct(VISIONS, int(3));
    return { title, visions, goals, furtherMeasures };
  });
  return { plan: { title: `Integrationsplan ${words(1, 3)}` }, fields };
}

/** What a round trip must keep, in a form whose differences a failure message shows. */
function comparable(plan: ExchangePlan, format: string) {
  // Visions only go into the Word export, target groups only into the tables (CSV, XLSX).
  const withVisions = format === 'docx';
  const measure = (m: ExchangeMeasure) => ({
    ...(withVisions ? {} : { targetGroups: m.targetGroups ?? [] }),
    number: m.number,
    text: m.text,
    actors: m.actors.map((a) => ({ name: a.name, role: a.role, parent: a.parent })),
    status: { label: m.status.label, category: m.status.category, date: m.status.date },
    timeframe: m.timeframe ?? null,
    // Compared by label: a table has one order of columns, the order in which the labels first occur, so a
    // measure's attributes come back in that order rather than in its own.
    attributes: [...(m.attributes ?? [])].sort((a, b) => a.label.localeCompare(b.label)),
    notes: m.notes.map((n) => ({ text: n.text, date: n.date })),
  });
  return plan.fields.map((field) => ({
    title: field.title,
    ...(withVisions ? { visions: field.visions } : {}),
    goals: field.goals.map((goal) => ({ number: goal.number ?? null, text: goal.text, measures: goal.measures.map(measure) })),
    furtherMeasures: field.furtherMeasures.map(measure),
  }));
}

// The Word export in German: the importer recognises German column headers only ("Goal", "Measure" of an English
// export are not read as columns), so an English Word export does not re-import.
const input = (plan: ExchangePlan): ExportInput => ({ plan, municipalityName: 'Stadt Musterstadt', stateDate: '2025-03-31', planState: 'published', lang: 'de' });

const FORMATS: Array<[string, (input: ExportInput) => Promise<Buffer>]> = [
  ['xlsx', exportXlsx],
  ['csv', (i) => Promise.resolve(exportCsv(i))],
  ['docx', exportDocx],
];

describe('export → import gives the same plan', () => {
  it.each(FORMATS)('%s', async (format, exporter) => {
    for (let run = 0; run < RUNS; run++) {
      const seed = 20261127 + run;
      const original = generatePlan(seed);
      const result = await parseCatalogue({ fileName: `plan.${format}`, bytes: await exporter(input(original)) });
      if (!result.ok) throw new Error(`seed ${seed}: ${JSON.stringify(result.errors)}`);
      expect({ seed, warnings: result.warnings }).toEqual({ seed, warnings: [] });
      expect({ seed, plan: comparable(result.plan, format) }).toEqual({ seed, plan: comparable(original, format) });
      if (format !== 'csv') expect(result.plan.plan.title).toBe(original.plan.title);
    }
  });
});
