// Questionnaires (Befragungen): the officer builds a questionnaire per plan with sections per field of action,
// residents answer it anonymously (open, or with single-use access codes), and the officer turns what they
// said into topics linked to goals and measures, so residents can follow their input into the plan.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { ModuleManifest } from '../../platform/module.js';
import { answerLocale } from './answer.locale.js';
import { answerRoutes } from './answer.routes.js';
import { builderLocale } from './builder.locale.js';
import { builderRoutes } from './builder.routes.js';
import { codesLocale } from './codes.locale.js';
import { codesRoutes } from './codes.routes.js';
import { CodesService } from './codes.service.js';
import { seedQuestionnaireDemo } from './questionnaire.demo.js';
import { QuestionnaireService } from './questionnaire.service.js';
import { questionnairesLocale } from './questionnaires.locale.js';
import { questionnairesPaths } from './questionnaires.paths.js';
import { resultsLocale } from './results.locale.js';
import { resultsRoutes } from './results.routes.js';
import { mergeLocales } from '../../platform/i18n/i18n.js';

export { questionnairesPaths } from './questionnaires.paths.js';
export type { QuestionnaireService, QuestionnaireSpec } from './questionnaire.service.js';
export type { CodesService } from './codes.service.js';
export { normalizeCode } from './codes.model.js';
export type { Definition, QuestionnaireHead } from './questionnaire.model.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    questionnaires: QuestionnaireService;
    questionnaireCodes: CodesService;
  }
}

export const questionnairesModule: ModuleManifest = {
  name: 'questionnaires',
  locales: mergeLocales(questionnairesLocale, builderLocale, answerLocale, resultsLocale, codesLocale),
  nav: [
    { area: 'admin', order: 35, label: 'questionnaires.nav.admin', href: (slug) => questionnairesPaths.adminList(slug), permission: 'questionnaires.manage' },
    { area: 'public', order: 45, label: 'questionnaires.nav.public', href: (slug) => questionnairesPaths.publicList(slug) },
  ],
  services(p) {
    return { questionnaires: new QuestionnaireService(p.kysely, p.clock, p.audit), questionnaireCodes: new CodesService(p.kysely, p.audit) };
  },
  async demo(services, { municipalityId, by }) {
    await seedQuestionnaireDemo(services, municipalityId, by);
  },
  routes: (context) => new Hono<AppEnv>().route('/', builderRoutes(context)).route('/', answerRoutes(context)).route('/', resultsRoutes(context)).route('/', codesRoutes(context)),
};
