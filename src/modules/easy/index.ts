// Leichte Sprache and German Sign Language: texts in Leichte Sprache written for the start page, the plan, its
// fields and chosen measures, events and questionnaires, checked while writing and by test readers; a DGS video slot.
import { loadLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { addDemoEasyTexts } from './easy.demo.js';
import { easyPaths } from './easy.paths.js';
import { easyRoutesApp } from './easy.routes.js';
import { EasyService } from './easy.service.js';
import { easySections } from './easy.sections.js';

export { checkEasyLanguage, EASY_RULES, type CheckResult, type EasyRule, type Hint } from './checker.js';
export { easyPaths } from './easy.paths.js';
export type { EasyService, EasyText } from './easy.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    /** Leichte Sprache texts, their check by test readers, the checker's settings, sign-language videos. */
    easy: EasyService;
  }
}

export const easyModule: ModuleManifest = {
  name: 'easy',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [{ area: 'admin', order: 45, label: 'easy.nav', href: (slug) => easyPaths.admin(slug), permission: 'plan.edit' }],
  services: (p, before) => ({ easy: new EasyService(p.kysely, p.audit, before) }),
  routes: (context) => easyRoutesApp(context),
  sections: (services) => easySections(services),
  demo: (services, demo) => addDemoEasyTexts(services, demo),
};
