/**
 * Calendar arithmetic on plain year/month/day numbers, and TIMEX3 value formatting.
 * Uses Date.UTC only as a day counter: never the clock.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function pad4(n: number): string {
  const s = String(Math.abs(n));
  return s.length >= 4 ? s : '0000'.slice(s.length) + s;
}

export function parseYmd(s: string | null): Ymd | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fromEpochDay(t: number): Ymd {
  const dt = new Date(t * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function epochDay(a: Ymd): number {
  return Math.round(Date.UTC(a.y, a.m - 1, a.d) / DAY_MS);
}

export function addDays(a: Ymd, n: number): Ymd {
  return fromEpochDay(epochDay(a) + n);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12 + 12) % 12 + 1 };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(a: Ymd): number {
  return new Date(Date.UTC(a.y, a.m - 1, a.d)).getUTCDay();
}

/** ISO-8601 week: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(a: Ymd): { y: number; w: number } {
  const dow = (weekday(a) + 6) % 7; // Monday = 0
  const thursday = addDays(a, 3 - dow);
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const w = Math.floor((epochDay(thursday) - epochDay(jan1)) / 7) + 1;
  return { y: thursday.y, w };
}

export function fmtDay(a: Ymd): string {
  return `${pad4(a.y)}-${pad2(a.m)}-${pad2(a.d)}`;
}

export function fmtMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

export function fmtWeek(a: Ymd): string {
  const { y, w } = isoWeek(a);
  return `${pad4(y)}-W${pad2(w)}`;
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

export function cmpMonthDay(m1: number, d1: number, m2: number, d2: number): number {
  return m1 !== m2 ? m1 - m2 : d1 - d2;
}
