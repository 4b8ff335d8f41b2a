import { route } from '../../platform/http/route.js';

export const translationPaths = {
  adminTranslations: route('/:slug/verwaltung/uebersetzungen'),
  adminTranslationLang: route('/:slug/verwaltung/uebersetzungen/:lang'),
  adminTranslationMachine: route('/:slug/verwaltung/uebersetzungen/:lang/maschinell'),
};
