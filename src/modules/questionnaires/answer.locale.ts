// Strings of the questionnaire's answer pages, German first (merged under questionnaires.answer).
export const answerLocale = {
  de: { questionnaires: { answer: {} } },
  en: { questionnaires: { answer: {} } },
};
