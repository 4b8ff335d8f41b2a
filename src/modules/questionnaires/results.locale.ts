// Strings of the questionnaire's results pages, German first (merged under questionnaires.results).
export const resultsLocale = {
  de: { questionnaires: { results: {} } },
  en: { questionnaires: { results: {} } },
};
