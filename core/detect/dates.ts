/**
 * Tiny date helpers shared by the detector and the extractor. No dependencies, no Date parsing
 * of free text (Date.parse is locale- and engine-dependent): explicit patterns only.
 */

const MONTHS: Record<string, number> = {};
// English, German, French, Portuguese, Spanish, Italian, Dutch month names (prefix-matched below).
const NAMES: string[][] = [
  ['jan', 'januar', 'janvier', 'janeiro', 'enero', 'gennaio', 'januari', 'jänner'],
  ['feb', 'februar', 'février', 'fevrier', 'fevereiro', 'febrero', 'febbraio', 'februari'],
  ['mar', 'märz', 'maerz', 'mars', 'março', 'marco', 'marzo', 'maart'],
  ['apr', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'maio', 'mayo', 'maggio', 'mei'],
  ['jun', 'juin', 'junho', 'junio', 'giugno', 'juni'],
  ['jul', 'juillet', 'julho', 'julio', 'luglio', 'juli'],
  ['aug', 'août', 'aout', 'agosto', 'augustus'],
  ['sep', 'septembre', 'setembro', 'septiembre', 'settembre'],
  ['oct', 'okt', 'octobre', 'outubro', 'octubre', 'ottobre', 'oktober'],
  ['nov', 'novembre', 'novembro', 'noviembre', 'november'],
  ['dec', 'dez', 'décembre', 'decembre', 'dezembro', 'diciembre', 'dicembre', 'december'],
];
NAMES.forEach((list, i) => list.forEach((n) => (MONTHS[n] = i + 1)));

const MONTH_WORD = '([A-Za-zÀ-ÿ]{3,10})\\.?';

function monthOf(word: string): number {
  const w = word.toLowerCase();
  if (MONTHS[w]) return MONTHS[w];
  return isMonthWord(w) ? MONTHS[w.slice(0, 3)] || 0 : 0;
}

function isMonthWord(w: string): boolean {
  return /^(jan(uary|uar)?|feb(ruary|ruar)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|okt(ober)?|nov(ember)?|dec(ember)?|dez(ember)?)$/.test(w);
}

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** YYYY-MM-DD if y/m/d is a plausible date (years 1990..2100). */
export function ymd(y: number, m: number, d: number): string | null {
  if (!(y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A machine-readable date (ISO 8601, "2016-02-01 01:28:49", "20191118", epoch seconds/ms) →
 * YYYY-MM-DD. The calendar date is read as written (the publisher's local date), not shifted to UTC.
 */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = String(value).trim().slice(0, 80);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(v);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(v);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  if (/^\d{10}(\d{3})?$/.test(v)) {
    const d = new Date(v.length === 10 ? +v * 1000 : +v);
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return textDate(v);
}

const RE_MDY = new RegExp(MONTH_WORD + '\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})');
const RE_DMY = new RegExp('(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?' + MONTH_WORD + '\\s+(?:de\\s+)?(\\d{4})');
const RE_NUM = /\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/;
const RE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** First date written in free text ("May 2, 2024", "2 May 2024", "04.05.2015", "2024-05-02"). */
export function textDate(text: string): string | null {
  const t = text.slice(0, 400);
  let best: { at: number; v: string } | null = null;
  const take = (at: number, v: string | null) => {
    if (v && (!best || at < best.at)) best = { at, v };
  };
  let m = RE_MDY.exec(t);
  if (m) take(m.index, monthOf(m[1]) ? ymd(+m[3], monthOf(m[1]), +m[2]) : null);
  m = RE_DMY.exec(t);
  if (m) take(m.index, monthOf(m[2]) ? ymd(+m[3], monthOf(m[2]), +m[1]) : null);
  m = RE_ISO.exec(t);
  if (m) take(m.index, ymd(+m[1], +m[2], +m[3]));
  m = RE_NUM.exec(t);
  // dd.mm.yyyy (European) by default; mm/dd/yyyy when the first number cannot be a day-of-month ≤ 12 rule.
  if (m) {
    const a = +m[1], b = +m[3], y = +m[4];
    take(m.index, m[2] === '/' && b > 12 ? ymd(y, a, b) : ymd(y, b, a));
  }
  return best ? (best as { v: string }).v : null;
}

/** A date encoded in a URL path: /2019/11/19/, /2019/nov/18/, /2015-03-18/, /20191118/. */
export function urlDate(url: string | null | undefined): string | null {
  if (!url) return null;
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0];
  let m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})\/([a-z]{3,9})\/(\d{1,2})(?:\/|$)/i.exec(path);
  if (m && monthOf(m[2])) return ymd(+m[1], monthOf(m[2]), +m[3]);
  m = /[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  return null;
}

/** True when the URL path carries at least a year and month (/2015/04/…). */
export function urlHasDate(url: string | null | undefined): boolean {
  if (!url) return false;
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0];
  return /\/(?:19|20)\d{2}\/(?:\d{1,2}|[a-z]{3})\/|\/(?:19|20)\d{2}-\d{2}-\d{2}|\/(?:19|20)\d{2}\d{2}\d{2}\//i.test(path) || urlDate(url) !== null;
}
