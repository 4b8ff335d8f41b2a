// Strings of the questionnaire's builder pages, German first (merged under questionnaires.builder).
export const builderLocale = {
  de: { questionnaires: { builder: {} } },
  en: { questionnaires: { builder: {} } },
};
