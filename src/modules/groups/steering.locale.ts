// Strings of the groups module's steering pages, German first (merged under groups.steering).
export const steeringLocale = {
  de: { groups: { steering: {} } },
  en: { groups: { steering: {} } },
};
