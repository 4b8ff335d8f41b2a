// Strings of the update rounds (Sachstandsabfrage), German first.
export const roundsLocale = {
  de: { rounds: { title: 'Sachstandsabfragen' } },
  en: { rounds: { title: 'Update rounds' } },
};
