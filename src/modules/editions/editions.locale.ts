// Strings of editions, their comparison and the yearly report, German first.
export const editionsLocale = {
  de: { editions: { title: 'Fortschreibungen' } },
  en: { editions: { title: 'Editions' } },
};
