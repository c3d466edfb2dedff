/** Dates of any precision (YYYY, YYYY-MM, YYYY-MM-DD) as readers write them. */

const UTC = 'UTC';

export function formatDate(date: string, locale?: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (!Number.isFinite(y)) return date;
  if (m === undefined) return String(y);
  const at = new Date(Date.UTC(y, m - 1, d ?? 1));
  if (Number.isNaN(at.getTime())) return date;
  const options: Intl.DateTimeFormatOptions = d === undefined ? { year: 'numeric', month: 'long', timeZone: UTC } : { year: 'numeric', month: 'long', day: 'numeric', timeZone: UTC };
  return new Intl.DateTimeFormat(locale, options).format(at);
}

export function formatRange(date: string, end: string | null, locale?: string): string {
  return end && end !== date ? `${formatDate(date, locale)} – ${formatDate(end, locale)}` : formatDate(date, locale);
}

/** Only web links are rendered as links; anything else in a knowledge file is shown as nothing. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
