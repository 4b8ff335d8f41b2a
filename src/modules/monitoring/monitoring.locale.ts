// Strings of the dashboard, indicators, yearly priorities and funding, German first.
export const monitoringLocale = {
  de: { monitoring: { title: 'Übersicht zur Umsetzung' } },
  en: { monitoring: { title: 'Implementation dashboard' } },
};
