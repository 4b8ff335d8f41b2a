// The generated catalogue of the benchmarks: a plan of any size in the layout of the demo seed.

const STATUSES = ['Wird fortgesetzt', 'In Planung ab 2025', 'Noch nicht umgesetzt', 'Abgeschlossen', 'in Bearbeitung', 'Bedarf wird neu geprüft'];
const ACTORS = ['Jobcenter', 'VHS', 'Kontaktstelle für Integration (Amt für soziale Dienste)', 'Agentur für Arbeit', 'Amt für Schulen, Jugend und Vereine', 'Stadtbücherei', 'Caritas', 'Diakonie'];

/** A catalogue in the seed's layout: 12 fields, a goal per 5 measures, actors, statuses, notes. */
export function generateCatalogue(rows: number): string {
  const lines = ['Maßnahmenkatalog (Benchmark)', ''];
  const perField = Math.ceil(rows / 12);
  let n = 1;
  for (let f = 1; f <= 12 && n <= rows; f++) {
    lines.push(`Handlungsfeld „Bereich ${f}“`, `Vision: Eine Vision für Bereich ${f}`, 'Ziele und zukünftiger Bedarf\tNr.\tMaßnahmen/Impulse/Projektideen\tAkteurinnen und Akteure\tStatus der Umsetzung');
    for (let i = 0; i < perField && n <= rows; i++, n++) {
      const goal = i % 5 === 0 ? `Ziel ${f}.${i / 5 + 1}: Teilhabe stärken in Bereich ${f}` : '';
      const actors = `${ACTORS[n % ACTORS.length]} in Kooperation mit ${ACTORS[(n + 3) % ACTORS.length]}`;
      const note = n % 7 === 0 ? ` →Veranstaltung im Mai ${2020 + (n % 5)} durchgeführt` : '';
      lines.push(`${goal}\t${n}\tMaßnahme ${n}: Sprachkursangebote und Beratung für Geflüchtete ausbauen${note}\t${actors}\t${STATUSES[n % STATUSES.length]}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
