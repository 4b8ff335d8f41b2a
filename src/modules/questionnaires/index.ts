// Questionnaires (Befragungen): the officer builds a questionnaire per plan with sections per field of action,
// residents answer it anonymously (open, or with single-use access codes), and the officer turns what they
// said into topics linked to goals and measures, so residents can follow their input into the plan.
import { questionnaireTexts, TRANSLATABLE_FIELDS } from './questionnaire.texts.js';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { TranslatableText, ModuleManifest } from '../../platform/module.js';
import { answerRoutes, answerSections } from './answer.routes.js';
import { AnswerService } from './answer.service.js';
import { builderRoutes } from './builder.routes.js';
import { BuilderService } from './builder.service.js';
import { codesRoutes } from './codes.routes.js';
import { CodesService } from './codes.service.js';
import { seedQuestionnaireDemo } from './questionnaire.demo.js';
import { QuestionnaireService } from './questionnaire.service.js';
import { questionnairesPaths } from './questionnaires.paths.js';
import { resultsRoutes } from './results.routes.js';
import { ResultsService } from './results.service.js';
import { resultsSections } from './results.sections.js';
import { TopicService } from './topics.service.js';
import { loadLocales } from '../../platform/i18n/i18n.js';

export { questionnairesPaths } from './questionnaires.paths.js';
export type { QuestionnaireService, QuestionnaireSpec } from './questionnaire.service.js';
export type { AnswerService } from './answer.service.js';
export type { CodesService } from './codes.service.js';
export { normalizeCode } from './codes.model.js';
export type { Definition, QuestionnaireHead } from './questionnaire.model.js';
export { localizeDefinition, questionnaireTexts, sourceHash, type StoredTranslation, type TextItem } from './questionnaire.texts.js';
export type { BuilderService } from './builder.service.js';
export type { ResultsService } from './results.service.js';
export type { TopicService } from './topics.service.js';
export { MIN_GROUP_SIZE } from './results.model.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    questionnaires: QuestionnaireService;
    questionnaireAnswers: AnswerService;
    questionnaireBuilder: BuilderService;
    questionnaireResults: ResultsService;
    questionnaireTopics: TopicService;
    questionnaireCodes: CodesService;
  }
}

export const questionnairesModule: ModuleManifest = {
  name: 'questionnaires',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [
    { area: 'admin', order: 35, label: 'questionnaires.nav.admin', href: (slug) => questionnairesPaths.adminList(slug), permission: 'questionnaires.manage' },
    { area: 'public', order: 45, label: 'questionnaires.nav.public', href: (slug) => questionnairesPaths.publicList(slug) },
  ],
  services(p, before) {
    const questionnaires = new QuestionnaireService(p.kysely, p.clock, p.audit, p.db.file);
    return {
      questionnaires,
      questionnaireAnswers: new AnswerService(p.kysely, p.clock, p.audit, p.jobs, questionnaires, p.config.questionnaireRateLimit),
      questionnaireBuilder: new BuilderService(p.kysely, p.audit, before.plans),
      questionnaireResults: new ResultsService(p.kysely, p.clock),
      questionnaireTopics: new TopicService(p.kysely, p.clock, p.audit, before.plans),
      questionnaireCodes: new CodesService(p.kysely, p.audit),
    };
  },
  jobs: (s) => s.questionnaireAnswers.jobHandlers(),
  // The invitation on the start page; what residents said, on the pages of the goals and measures it led to.
  sections: (s) => ({ ...answerSections(s), ...resultsSections(s) }),
  // Its texts on the translations screen: the same rows its own translation page writes.
  translatable: (s) => [
    {
      label: 'questionnaires.nav.admin',
      fields: Object.fromEntries(
        Object.entries(TRANSLATABLE_FIELDS).flatMap(([entity, fields]) => fields.map((f) => [`${entity}.${f}`, `questionnaires.builder.translation.field.${entity}.${f}`])),
      ),
      async list(municipalityId, slug) {
        const out: TranslatableText[] = [];
        for (const q of await s.questionnaires.list(municipalityId)) {
          const def = await s.questionnaireBuilder.definition(municipalityId, q.id);
          const link = q.state === 'published' ? questionnairesPaths.publicStart(slug, q.id) : null;
          for (const item of questionnaireTexts(def)) out.push({ ...item, name: q.title, link });
        }
        return out;
      },
    },
  ],
  async demo(services, { municipalityId, by }) {
    await seedQuestionnaireDemo(services, municipalityId, by);
  },
  routes: (context) =>
    new Hono<AppEnv>().route('/', builderRoutes(context)).route('/', answerRoutes(context)).route('/', resultsRoutes(context)).route('/', codesRoutes(context)),
};
