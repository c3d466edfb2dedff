/**
 * Dates written in French, Spanish, Italian and Portuguese news text: "mardi 5 mai", "le 1er
 * juillet 2015", "5 de mayo de 2015", "mai 2015", "hier", "lundi dernier". The English tagger
 * (index.ts) reads none of them. Values are TIMEX3 dates resolved against the publication date the
 * same way: a day without a year is the one nearest the publication date; a weekday alone is the
 * last one on or before it, unless the text says "next".
 */
import type { Timex } from '../types.ts';
import { type Ymd, addDays, daysInMonth, fmtDay, fmtMonth, parseYmd, weekday } from './calendar.ts';

interface DateWords {
  /** Month names in order, January first; a name may have '|'-separated variants. */
  months: string[];
  /** Weekday names, Sunday first. */
  weekdays: string[];
  /** Words for a day relative to the publication date, with the offset in days. */
  relative: Record<string, number>;
  /** Words after a weekday that put it after the publication date, or strictly before it. */
  next: string[];
  last: string[];
  /** Words that may stand between the day, the month and the year ("de"). */
  joins: string[];
  /** Articles before a day number ("le 5 mai"), kept out of the expression. */
  articles: string[];
}

const LANGUAGES: Record<string, DateWords> = {
  fr: {
    months: ['janvier', 'février|fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août|aout', 'septembre', 'octobre', 'novembre', 'décembre|decembre'],
    weekdays: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    // "aujourd'hui" is as often "nowadays" as "today": left out
    relative: { hier: -1, 'avant-hier': -2, demain: 1, 'après-demain': 2 },
    next: ['prochain'],
    last: ['dernier'],
    joins: [],
    articles: ['le'],
  },
  es: {
    months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre|setiembre', 'octubre', 'noviembre', 'diciembre'],
    weekdays: ['domingo', 'lunes', 'martes', 'miércoles|miercoles', 'jueves', 'viernes', 'sábado|sabado'],
    relative: { hoy: 0, ayer: -1, anteayer: -2, 'pasado mañana': 2 }, // "mañana" is also "morning"
    next: ['próximo', 'proximo', 'que viene'],
    last: ['pasado'],
    joins: ['de', 'del'],
    articles: ['el'],
  },
  it: {
    months: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    weekdays: ['domenica', 'lunedì|lunedi', 'martedì|martedi', 'mercoledì|mercoledi', 'giovedì|giovedi', 'venerdì|venerdi', 'sabato'],
    relative: { oggi: 0, ieri: -1, "l'altro ieri": -2, domani: 1, dopodomani: 2 },
    next: ['prossimo'],
    last: ['scorso'],
    joins: [],
    articles: ['il', "l'", 'l’'],
  },
  pt: {
    months: ['janeiro', 'fevereiro', 'março|marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    // "segunda", "quinta"… alone are also ordinals: only the full forms
    weekdays: ['domingo', 'segunda-feira', 'terça-feira|terca-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado|sabado'],
    relative: { hoje: 0, ontem: -1, anteontem: -2, amanhã: 1, 'depois de amanhã': 2 },
    next: ['próximo', 'proximo', 'próxima', 'proxima', 'que vem'],
    last: ['passado', 'passada'],
    joins: ['de'],
    articles: ['o', 'em'],
  },
};

interface Compiled {
  words: DateWords;
  re: RegExp;
  month: Map<string, number>;
  weekday: Map<string, number>;
}

const compiled = new Map<string, Compiled>();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (xs: string[]) =>
  xs
    .flatMap((x) => x.split('|'))
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

function compile(lang: string): Compiled | null {
  const known = compiled.get(lang);
  if (known) return known;
  const words = LANGUAGES[lang];
  if (!words) return null;
  const month = new Map<string, number>();
  words.months.forEach((m, i) => m.split('|').forEach((v) => month.set(v, i + 1)));
  const weekdayOf = new Map<string, number>();
  words.weekdays.forEach((d, i) => d.split('|').forEach((v) => weekdayOf.set(v, i)));
  const MONTH = alternation(words.months);
  const WEEKDAY = alternation(words.weekdays);
  const JOIN = words.joins.length ? `(?:\\s+(?:${alternation(words.joins)}))?` : '';
  const ARTICLE = words.articles.length ? `(?:(?:${alternation(words.articles)})\\s*)?` : '';
  const B = '(?<![\\p{L}\\p{N}])';
  const E = '(?![\\p{L}\\p{N}])';
  const re = new RegExp(
    [
      // [weekday[,]] [article] day [de] month [[de] year]
      `${B}(?:(${WEEKDAY}),?\\s+)?${ARTICLE}(\\d{1,2}|1er|1º|1°|1ª)${JOIN}\\s+(${MONTH})(?:${JOIN}\\s+(\\d{4}))?${E}`,
      // month [de] year
      `${B}(${MONTH})${JOIN}\\s+(\\d{4})${E}`,
      // weekday [next|last]
      `${B}(${WEEKDAY})(?:\\s+(${alternation([...words.next, ...words.last])}))?${E}`,
      // yesterday, today, tomorrow
      `${B}(${alternation(Object.keys(words.relative))})${E}`,
    ].join('|'),
    'giud',
  );
  const c = { words, re, month, weekday: weekdayOf };
  compiled.set(lang, c);
  return c;
}

/** The primary language subtag when this module reads that language's dates, else null. */
export function dateLanguage(lang: string | null | undefined): string | null {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0]!;
  return Object.hasOwn(LANGUAGES, primary) ? primary : null;
}

/** The year that puts month/day nearest the publication date. */
function nearestYear(dct: Ymd, m: number, d: number): number {
  let best = dct.y;
  let bestDistance = Infinity;
  for (const y of [dct.y - 1, dct.y, dct.y + 1]) {
    const distance = Math.abs(Date.UTC(y, m - 1, d) - Date.UTC(dct.y, dct.m - 1, dct.d));
    if (distance < bestDistance) {
      best = y;
      bestDistance = distance;
    }
  }
  return best;
}

/** Dates in `text`, written in `lang` (a language tag), resolved against `dct` (YYYY-MM-DD). */
export function tagLocalDates(text: string, dct: string | null, lang: string | null | undefined): Timex[] {
  const language = dateLanguage(lang);
  const c = language ? compile(language) : null;
  if (!c) return [];
  const anchor = parseYmd(dct);
  const out: Timex[] = [];
  c.re.lastIndex = 0;
  for (let m = c.re.exec(text); m; m = c.re.exec(text)) {
    const value = valueOf(m, c, anchor);
    if (!value) continue;
    // "le 5 mai": the article is not part of the date (as "on" is not in "on May 5")
    const start = m[3] !== undefined && m[1] === undefined ? m.indices![2]![0] : m.index;
    const end = m.index + m[0].length;
    out.push({ start, end, text: text.slice(start, end), type: 'DATE', value });
  }
  return out;
}

function valueOf(m: RegExpExecArray, c: Compiled, anchor: Ymd | null): string | null {
  const low = (s: string) => s.toLowerCase();
  if (m[3] !== undefined) {
    const month = c.month.get(low(m[3]))!;
    const day = /^\d+$/.test(m[2]!) ? Number(m[2]) : 1;
    const year = m[4] !== undefined ? Number(m[4]) : anchor ? nearestYear(anchor, month, day) : null;
    if (day < 1 || day > (year === null ? 31 : daysInMonth(year, month))) return null;
    return year === null ? `XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : fmtDay({ y: year, m: month, d: day });
  }
  if (m[5] !== undefined) return fmtMonth(Number(m[6]), c.month.get(low(m[5]))!);
  if (m[7] !== undefined) {
    if (!anchor) return null;
    const target = c.weekday.get(low(m[7]))!;
    const qualifier = m[8] === undefined ? null : low(m[8]);
    const back = (weekday(anchor) - target + 7) % 7;
    if (qualifier !== null && c.words.next.includes(qualifier)) return fmtDay(addDays(anchor, (target - weekday(anchor) + 7) % 7 || 7));
    if (qualifier !== null && c.words.last.includes(qualifier)) return fmtDay(addDays(anchor, -(back || 7)));
    return fmtDay(addDays(anchor, -back));
  }
  if (m[9] !== undefined) {
    if (!anchor) return null;
    const offset = c.words.relative[low(m[9])];
    return offset === undefined ? null : fmtDay(addDays(anchor, offset));
  }
  return null;
}
