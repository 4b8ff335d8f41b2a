import { exchangePlanSchema } from '../plan/index.js';
import type { ExportInput } from './export.model.js';

/** The exchange format itself: what `teilhabe import` reads back into the same plan. */
export function exportJson(input: ExportInput): string {
  return `${JSON.stringify(exchangePlanSchema.parse(input.plan), null, 2)}\n`;
}
