// Strings of the groups module's groups pages, German first (merged under groups.groups).
export const groupsLocale = {
  de: { groups: { groups: {} } },
  en: { groups: { groups: {} } },
};
