// The locale of each language: the platform's strings plus each feature module's own namespace, so that
// modules add strings without touching one shared file.
import { editionsLocale } from '../../../modules/editions/editions.locale.js';
import { monitoringLocale } from '../../../modules/monitoring/monitoring.locale.js';
import { roundsLocale } from '../../../modules/rounds/rounds.locale.js';
import { de } from './de.js';
import { en } from './en.js';

const modules = [roundsLocale, monitoringLocale, editionsLocale];

export const locales = {
  de: Object.assign({}, de, ...modules.map((m) => m.de)) as Record<string, unknown>,
  en: Object.assign({}, en, ...modules.map((m) => m.en)) as Record<string, unknown>,
};
