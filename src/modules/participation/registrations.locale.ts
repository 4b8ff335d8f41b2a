// Strings of the participation module's registrations pages, German first (merged under participation.registrations).
export const registrationsLocale = {
  de: { participation: { registrations: {} } },
  en: { participation: { registrations: {} } },
};
