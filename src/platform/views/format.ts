// The one formatter for dates and numbers: every page, mail and document formats through these, per locale.
// Stored dates are ISO: a year "2025", a month "2025-03", a day "2025-03-14" or a timestamp (shown in Berlin time).

export const MUNICIPALITY_TIME_ZONE = 'Europe/Berlin';

/** The BCP 47 locale a language formats with. */
export function localeOf(lang: string): string {
  return lang === 'de' ? 'de-DE' : 'en-GB';
}

export function formatDate(value: string | null, lang: string): string {
  if (!value) return '';
  if (/^\d{4}$/.test(value)) return value;
  const locale = localeOf(lang);
  if (/^\d{4}-\d{2}$/.test(value)) return new Date(`${value}-01T12:00:00Z`).toLocaleDateString(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const d = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  return value.length === 10
    ? d.toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' })
    : d.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: MUNICIPALITY_TIME_ZONE });
}

/** A share between 0 and 1 as a whole percentage ("42 %"). */
export function formatPercent(share: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A number with up to two decimals, grouped per locale. */
export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 }).format(value);
}
