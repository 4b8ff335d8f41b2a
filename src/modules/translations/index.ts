// Content in several languages: the officer's screens to translate every public text the modules declare
// (missing, outdated, drafts), machine drafts from a configured provider, and the review that publishes them.
import type { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { loadLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { translationProvider } from '../../platform/translate/translate.js';
import { translationDemo } from './translation.demo.js';
import { translationRoutes } from './translation.routes.js';
import { TranslationService } from './translation.service.js';
import { translationPaths } from './translations.paths.js';

export type { TranslationService } from './translation.service.js';
export { translationPaths } from './translations.paths.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    translations: TranslationService;
  }
}

export const translationsModule: ModuleManifest = {
  name: 'translations',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [{ area: 'admin', order: 75, label: 'admin.nav.translations', href: (slug) => translationPaths.adminTranslations(slug), permission: 'translations.edit' }],
  services(p, before) {
    // Modules listed later add their services to `before` afterwards: the sources are asked for when used.
    const sources = () => p.modules.flatMap((m) => m.translatable?.(before) ?? []);
    return { translations: new TranslationService(p.kysely, p.audit, sources, translationProvider(p.config.machineTranslation), p.jobs) };
  },
  routes: (context): Hono<AppEnv> => translationRoutes(context),
  jobs: (s) => s.translations.jobHandlers(),
  demo: (services, demo) => translationDemo(services, demo),
};
