// What a measure's row says in the documents people read (Word, PDF): the same words in both.
import type { ExchangeMeasure } from '../plan/index.js';
import { formatActors } from './actors.format.js';
import { formatNotes, formatStatus } from './catalogue.js';
import type { DocumentLabels } from './export.labels.js';
import type { PlanState } from './export.model.js';

export interface MeasureCells {
  number: string;
  /** The measure's own lines, its timeframe and further attributes ("Kosten: …"), then one "→ …" line per progress note. */
  text: string[];
  actors: string;
  status: string;
}

export function measureCells(measure: ExchangeMeasure, labels: DocumentLabels, noteMark?: string): MeasureCells {
  const notes = formatNotes(measure.notes, noteMark);
  return {
    number: measure.number ?? '',
    text: [
      ...measure.text.split('\n'),
      ...(measure.timeframe ? [`${labels.timeframe}: ${measure.timeframe}`] : []),
      ...(measure.attributes ?? []).map((a) => `${a.label}: ${a.value.replace(/\s*\n\s*/g, ' ')}`),
      ...(notes ? notes.split('\n') : []),
    ],
    actors: formatActors(measure.actors),
    status: formatStatus(measure.status, labels.statusCategories),
  };
}

/** "Stand: 31.03.2025", with the plan's state when it is not the published one, so a draft is never taken for it. */
export function stateLine(labels: DocumentLabels, stateDate: string, planState: PlanState): string {
  const line = `${labels.state}: ${labels.date(stateDate)}`;
  return planState === 'published' ? line : `${line} · ${labels.planStates[planState]}`;
}
