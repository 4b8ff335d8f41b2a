// Every text of a questionnaire that residents read, and another language laid over the German. German lives
// in the rows; a translation in `translations` remembers the hash of the German it was made from, so a
// translation whose German source has changed since is outdated. Pure: no database, no clock.
import { sourceHash } from '../../platform/i18n/content.js';
import type { Definition, QOption, Question, Section } from './questionnaire.model.js';

export type TextEntity = 'questionnaire' | 'questionnaire_section' | 'questionnaire_question' | 'questionnaire_option';

/** One translatable text: which row and field, and its German source. */
export interface TextItem {
  entityType: TextEntity;
  entityId: number;
  field: string;
  source: string;
}

/** A stored translation of one text. */
export interface StoredTranslation {
  entityType: string;
  entityId: number;
  field: string;
  text: string;
  sourceHash: string;
}

// the hash of the German a translation was made from: the platform's, as for every content text
export { sourceHash };

export const textKey = (t: { entityType: string; entityId: number; field: string }): string => `${t.entityType}:${t.entityId}:${t.field}`;

/** The fields of each row that carry a text residents read. */
export const TRANSLATABLE_FIELDS: Record<TextEntity, string[]> = {
  questionnaire: ['title', 'welcome', 'privacy', 'thanks'],
  questionnaire_section: ['title', 'description'],
  questionnaire_question: ['text', 'help', 'minLabel', 'maxLabel'],
  questionnaire_option: ['label'],
};

/** Every non-empty German text of a definition, in the order a resident meets them. */
export function questionnaireTexts(def: Definition): TextItem[] {
  const items: TextItem[] = [];
  const add = (entityType: TextEntity, entityId: number, field: string, source: string | undefined) => {
    if (source && source.trim()) items.push({ entityType, entityId, field, source });
  };
  const q = def.questionnaire;
  add('questionnaire', q.id, 'title', q.title);
  add('questionnaire', q.id, 'welcome', q.welcome);
  add('questionnaire', q.id, 'privacy', def.privacy?.text);
  for (const s of def.sections) {
    add('questionnaire_section', s.id, 'title', s.title);
    add('questionnaire_section', s.id, 'description', s.description);
    for (const question of s.questions) {
      add('questionnaire_question', question.id, 'text', question.text);
      add('questionnaire_question', question.id, 'help', question.help);
      add('questionnaire_question', question.id, 'minLabel', question.config.minLabel);
      add('questionnaire_question', question.id, 'maxLabel', question.config.maxLabel);
      for (const o of [...question.options, ...question.rows, ...question.columns]) add('questionnaire_option', o.id, 'label', o.label);
    }
  }
  add('questionnaire', q.id, 'thanks', q.thanks);
  return items;
}

export type TranslationState = 'missing' | 'current' | 'outdated';

/** Whether a text has a translation, and whether it was made from the German as it is now. */
export function translationState(item: TextItem, stored: StoredTranslation | undefined): TranslationState {
  if (!stored || !stored.text.trim()) return 'missing';
  return stored.sourceHash === sourceHash(item.source) ? 'current' : 'outdated';
}

/**
 * The definition in another language: each text a current translation exists for is replaced; the German
 * stays where there is none, and where the German has changed since the translation was made (an outdated
 * translation may say something the question no longer asks).
 */
export function localizeDefinition(def: Definition, lang: string, translations: StoredTranslation[]): Definition {
  if (lang === 'de' || translations.length === 0) return def;
  const byKey = new Map(translations.map((t) => [textKey(t), t]));
  const over = (entityType: TextEntity, entityId: number, field: string, source: string): string => {
    if (!source) return source;
    const t = byKey.get(textKey({ entityType, entityId, field }));
    return t && t.text.trim() && t.sourceHash === sourceHash(source) ? t.text : source;
  };
  const option = (o: QOption): QOption => ({ ...o, label: over('questionnaire_option', o.id, 'label', o.label) });
  const question = (q: Question): Question => ({
    ...q,
    text: over('questionnaire_question', q.id, 'text', q.text),
    help: over('questionnaire_question', q.id, 'help', q.help),
    config: {
      ...q.config,
      ...(q.config.minLabel ? { minLabel: over('questionnaire_question', q.id, 'minLabel', q.config.minLabel) } : {}),
      ...(q.config.maxLabel ? { maxLabel: over('questionnaire_question', q.id, 'maxLabel', q.config.maxLabel) } : {}),
    },
    options: q.options.map(option),
    rows: q.rows.map(option),
    columns: q.columns.map(option),
  });
  const section = (s: Section): Section => ({
    ...s,
    title: over('questionnaire_section', s.id, 'title', s.title),
    description: over('questionnaire_section', s.id, 'description', s.description),
    questions: s.questions.map(question),
  });
  const head = def.questionnaire;
  return {
    questionnaire: {
      ...head,
      title: over('questionnaire', head.id, 'title', head.title),
      welcome: over('questionnaire', head.id, 'welcome', head.welcome),
      thanks: over('questionnaire', head.id, 'thanks', head.thanks),
    },
    privacy: def.privacy ? { ...def.privacy, text: over('questionnaire', head.id, 'privacy', def.privacy.text) } : null,
    sections: def.sections.map(section),
  };
}
