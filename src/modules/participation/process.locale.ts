// Strings of the participation module's process pages, German first (merged under participation.process).
export const processLocale = {
  de: { participation: { process: {} } },
  en: { participation: { process: {} } },
};
