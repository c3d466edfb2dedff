/**
 * Temporal tagger: finds DATE, TIME, DURATION and SET expressions in English news text and
 * normalizes them to TimeML TIMEX3 values, resolved against the publication date.
 *
 * One left-to-right pass of a single precompiled "master" regex finds candidate expressions; the
 * rule whose alternative matched re-reads its own groups (sticky regex, same position) and builds
 * the value. Extents follow TempEval-3: leading prepositions are left out, determiners and
 * modifiers ("the", "last", "nearly") are kept.
 */
import type { Timex, TimexType } from '../types.ts';
import {
  type Ymd,
  addDays,
  addMonths,
  cmpMonthDay,
  daysInMonth,
  fmtDay,
  fmtMonth,
  fmtWeek,
  pad2,
  pad4,
  parseYmd,
  quarterOf,
  weekday,
} from './calendar.ts';
import { type Tense, sentenceBounds, tenseAround } from './tense.ts';

import { tagLocalDates } from './romance.ts';

export { sentenceBounds } from './tense.ts';

// ---------------------------------------------------------------------------------------------
// Vocabulary

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, 'a couple of': 2, 'a couple': 2, 'couple of': 2, 'a dozen': 12, dozen: 12, 'a half': 0.5, half: 0.5,
};
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty first': 21, final: 4, last: 4,
};
const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
const SEASON_INDEX: Record<string, number> = { WI: 0, SP: 1, SU: 2, FA: 3 };
const PART_OF_DAY: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI', overnight: 'NI',
};

// ---------------------------------------------------------------------------------------------
// Pattern pieces (all rules are compiled once, case-insensitive; capitalization is checked in code)

const NB = '(?![A-Za-z0-9])'; // right word boundary
const MONTH =
  '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?\\.?|july?\\.?|aug(?:ust|\\.)?|sep(?:tember|t\\.?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)(?![A-Za-z])';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const NUMWORD =
  'eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|one|two|three|four|five|six|seven|eight|nine|ten';
const NUM = `(?:\\d+ 1/2|\\d+(?:[.,]\\d+)?|(?:${NUMWORD})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a couple of|a couple|couple of|a few|a dozen|several|few|many|some|dozens of|hundreds of|an?)`;
const UNIT =
  '(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))';
const MOD =
  '(?:about|around|approximately|roughly|nearly|almost|more than|less than|fewer than|at least|at most|only|just|up to|no more than|some|another|the last|the past|the next|the first)';
const YEAR = '(?:1[0-9]\\d\\d|20\\d\\d)(?![0-9]|[.,]\\d)';
const ORD_WORDS =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first';

// ---------------------------------------------------------------------------------------------
// Rules

interface Ctx {
  text: string;
  dct: Ymd | null;
  /** The last quarter named (for "the quarter", "a year earlier" in earnings reports). */
  refQuarter: { y: number; q: number } | null;
  /** The last fully specified day (for "two days later", times of day). */
  refDay: Ymd | null;
  /** The last explicit year mentioned. */
  refYear: number | null;
  tenseCache: Map<number, Tense>;
}

type Out = [start: number, end: number, type: TimexType, value: string];
type Handler = (g: RegExpExecArray, ctx: Ctx) => Out[] | Out | null;

interface Rule {
  name: string;
  source: string;
  re: RegExp;
  handle: Handler;
}

const RULES: Rule[] = [];

function rule(name: string, source: string, handle: Handler): void {
  RULES.push({ name, source, re: new RegExp(source, 'iyd'), handle });
}

function span(g: RegExpExecArray): [number, number] {
  return [g.index, g.index + g[0].length];
}

function groupSpan(g: RegExpExecArray, i: number): [number, number] {
  const ix = (g as RegExpExecArray & { indices?: ([number, number] | undefined)[] }).indices?.[i];
  return ix ? [ix[0], ix[1]] : span(g);
}

function isCap(s: string | undefined): boolean {
  if (!s) return false;
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function monthNum(s: string): number {
  return MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function numValue(s: string | undefined): number | null {
  if (!s) return 1;
  const w = s.toLowerCase().replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(w)) return +w;
  if (/^\d+ 1\/2$/.test(w)) return +w.split(' ')[0] + 0.5;
  if (w in NUMBERS) return NUMBERS[w];
  const parts = w.split(/[- ]/);
  if (parts.length === 2 && parts[0] in NUMBERS && parts[1] in NUMBERS) return NUMBERS[parts[0]] + NUMBERS[parts[1]];
  return null; // several, few, many, some …
}

/** A month name is a date only when capitalized; "May" and abbreviations need support. */
function monthOk(word: string, supported: boolean): boolean {
  if (!isCap(word)) return false;
  const w = word.toLowerCase();
  if (w === 'may' || w === 'march') return supported;
  if (!word.endsWith('.') && w.length <= 4 && !(w in { june: 1, july: 1 })) return supported;
  return true;
}

function tenseOf(ctx: Ctx, start: number, end: number): Tense {
  const hit = ctx.tenseCache.get(start);
  if (hit !== undefined) return hit;
  const t = tenseAround(ctx.text, start, end);
  ctx.tenseCache.set(start, t);
  return t;
}

function prevWord(text: string, pos: number): string {
  let e = pos;
  while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 10)) e--;
  let s = e;
  while (s > 0 && /[A-Za-z']/.test(text[s - 1])) s--;
  return text.slice(s, e).toLowerCase();
}

/** The year of month m (day d) relative to the publication date, by tense. */
function yearFor(ctx: Ctx, m: number, d: number | null, tense: Tense): number {
  const dct = ctx.dct!;
  // Months apart, positive when (m, d) comes later in the year than the publication date.
  const ahead = m - dct.m + (d === null ? 0 : (d - dct.d) / 31);
  if (tense === 'past') return ahead > 2 ? dct.y - 1 : dct.y;
  if (tense === 'future') return ahead < (d === null ? 0 : -0.5) ? dct.y + 1 : dct.y;
  // Unknown tense: the nearest such date.
  if (ahead > 6) return dct.y - 1;
  if (ahead < -6) return dct.y + 1;
  return dct.y;
}

const DEADLINE = /(?:^|[^A-Za-z])(?:by|until|till|effective|starting|beginning|expire|expires|expiring|before|as soon as|as early as|no later than)\s+(?:on\s+)?$/i;

/** Tense for resolving a calendar date: deadlines ("by Jan. 14") look forward. */
function dateTense(ctx: Ctx, start: number, end: number): Tense {
  if (DEADLINE.test(ctx.text.slice(Math.max(0, start - 24), start))) return 'future';
  return tenseOf(ctx, start, end);
}

const HALF_UNITS: Record<string, [string, string, number]> = {
  year: ['P', 'M', 6], month: ['P', 'D', 15], day: ['PT', 'H', 12], hour: ['PT', 'M', 30], minute: ['PT', 'S', 30],
};

function durationValue(n: number | null, unit: string): string | null {
  const u = unit.toLowerCase().replace(/s$/, '').replace(/ie$/, 'y');
  if (n !== null && n % 1 === 0.5 && u in HALF_UNITS) {
    // "2 1/2 years" = P2Y6M
    const [p, sub, k] = HALF_UNITS[u];
    const whole = Math.floor(n);
    const main = u === 'year' ? 'Y' : u === 'month' ? 'M' : u === 'day' ? 'D' : u === 'hour' ? 'H' : 'M';
    if (whole === 0) return `${p}${k}${sub}`;
    return u === 'day' ? `P${whole}DT${k}H` : `${p}${whole}${main}${k}${sub}`;
  }
  const N = n === null ? 'X' : String(n);
  switch (u) {
    case 'second': return `PT${N}S`;
    case 'minute': return `PT${N}M`;
    case 'hour': return `PT${N}H`;
    case 'day': return `P${N}D`;
    case 'week': return `P${N}W`;
    case 'fortnight': return n === null ? 'PXW' : `P${n * 2}W`;
    case 'month': return `P${N}M`;
    case 'quarter': return `P${N}Q`;
    case 'year': return `P${N}Y`;
    case 'decade': return n === null ? 'PXDE' : `P${n * 10}Y`;
    case 'century': case 'centurie': return n === null ? 'PXCE' : `P${n * 100}Y`;
    case 'millennium': case 'millennia': return n === null ? 'PXML' : `P${n * 1000}Y`;
  }
  return null;
}

function unitKey(unit: string): string {
  const u = unit.toLowerCase();
  if (u.startsWith('centur')) return 'century';
  if (u.startsWith('millenni')) return 'millennium';
  return u.replace(/s$/, '');
}

/** Shift the publication date (or a reference) by n units, formatted at that unit's precision. */
function shifted(base: Ymd, n: number, unit: string): string | null {
  switch (unitKey(unit)) {
    case 'day': return fmtDay(addDays(base, n));
    case 'week': return fmtWeek(addDays(base, 7 * n));
    case 'weekend': return `${fmtWeek(addDays(base, 7 * n))}-WE`;
    case 'fortnight': return fmtWeek(addDays(base, 14 * n));
    case 'month': { const r = addMonths(base.y, base.m, n); return fmtMonth(r.y, r.m); }
    case 'quarter': {
      const idx = base.y * 4 + quarterOf(base.m) - 1 + n;
      return `${pad4(Math.floor(idx / 4))}-Q${(idx % 4) + 1}`;
    }
    case 'year': return pad4(base.y + n);
    case 'decade': return String(Math.floor((base.y + 10 * n) / 10));
    case 'century': return pad2(Math.floor((base.y + 100 * n) / 100));
  }
  return null;
}

function relRef(n: number): string {
  return n < 0 ? 'PAST_REF' : n > 0 ? 'FUTURE_REF' : 'PRESENT_REF';
}

function resolveWeekday(ctx: Ctx, dow: number, mod: string, start: number, end: number): string {
  const dct = ctx.dct;
  if (!dct) return `XXXX-WXX-${dow === 0 ? 7 : dow}`;
  const cur = weekday(dct);
  const back = (cur - dow + 7) % 7; // days back to the most recent such weekday (0 = today)
  const fwd = (dow - cur + 7) % 7;
  let delta: number;
  if (mod === 'last' || mod === 'past' || mod === 'previous') delta = -(back || 7);
  else if (mod === 'next' || mod === 'coming') delta = fwd || 7;
  else {
    const t = dateTense(ctx, start, end);
    delta = t === 'future' ? fwd : -back;
  }
  return fmtDay(addDays(dct, delta));
}

/**
 * The quarter an earnings report is about: the last quarter named, if it is already over at
 * publication, else the last completed quarter.
 */
function reportedQuarter(ctx: Ctx): { y: number; q: number } {
  const dct = ctx.dct!;
  const cq = quarterOf(dct.m) - 1;
  const done = cq === 0 ? { y: dct.y - 1, q: 4 } : { y: dct.y, q: cq };
  const r = ctx.refQuarter;
  if (r && r.y * 4 + r.q <= done.y * 4 + done.q) return r;
  return done;
}

function seasonOf(m: number): string {
  return m === 12 || m <= 2 ? 'WI' : m <= 5 ? 'SP' : m <= 8 ? 'SU' : 'FA';
}

// -- explicit dates -----------------------------------------------------------------------------

rule('iso', '(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::\\d{2})?)?(?![0-9])', (g) => {
  const y = +g[1];
  const m = +g[2];
  const d = +g[3];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const [s, e] = span(g);
  return g[4] ? [s, e, 'TIME', `${fmtDay({ y, m, d })}T${g[4]}:${g[5]}`] : [s, e, 'DATE', fmtDay({ y, m, d })];
});

rule('numeric', '(\\d{1,4})([./])(\\d{1,2})[./](\\d{4}|\\d{2})(?![0-9]|[./]\\d)', (g) => {
  let a = +g[1];
  let b = +g[3];
  let y = +g[4];
  if (g[1].length === 4) {
    // 2024/04/18
    if (g[4].length !== 2 && g[4].length !== 1) return null;
    [y, a, b] = [+g[1], +g[3], +g[4]];
    if (a < 1 || a > 12 || b < 1 || b > daysInMonth(y, a)) return null;
    const [s, e] = span(g);
    return [s, e, 'DATE', fmtDay({ y, m: a, d: b })];
  }
  if (g[1].length > 2) return null;
  if (g[4].length === 2) y = y < 50 ? 2000 + y : 1900 + y;
  // Day first with dots (European), month first with slashes (American), unless impossible.
  let m: number;
  let d: number;
  if (g[2] === '.') [d, m] = [a, b];
  else [m, d] = [a, b];
  if (m > 12 && d <= 12) [m, d] = [d, m];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const [s, e] = span(g);
  return [s, e, 'DATE', fmtDay({ y, m, d })];
});

// "Tuesday, April 30, 2024", "April 18", "Aug. 7, 1998", "October 11-13", "October 11 and 13"
rule(
  'monthDay',
  `(?:(${WEEKDAY}),?\\s+)?(${MONTH})\\s*(\\d{1,2})(?:st|nd|rd|th)?(?![0-9])(?:(?:,\\s*|\\s+)(${YEAR}))?(?:(\\s*(?:-|–|—|to|and|through|until|or)\\s*)(\\d{1,2})(?:st|nd|rd|th)?${NB}(?!\\s*(?:%|percent|people|[a-z]+s\\b)))?(?![0-9]|:\\d)`,
  (g, ctx) => {
    if (!monthOk(g[2], true)) return null;
    if (g[1] && !isCap(g[1])) return null;
    const m = monthNum(g[2]);
    const d = +g[3];
    if (d < 1 || d > 31) return null;
    const [s, e] = span(g);
    const mainEnd = g[6] ? groupSpan(g, 5)[0] : e;
    const mk = (day: number, tense: Tense): string => {
      if (g[4]) {
        const y = +g[4];
        return day <= daysInMonth(y, m) ? fmtDay({ y, m, d: day }) : fmtMonth(y, m);
      }
      if (!ctx.dct) return `XXXX-${pad2(m)}-${pad2(day)}`;
      const y = yearFor(ctx, m, day, tense);
      return fmtDay({ y, m, d: Math.min(day, daysInMonth(y, m)) });
    };
    const tense = g[4] || !ctx.dct ? null : dateTense(ctx, s, mainEnd);
    const out: Out[] = [[s, mainEnd, 'DATE', mk(d, tense)]];
    if (g[6]) {
      const d2 = +g[6];
      if (d2 > d && d2 <= 31) {
        const [s2, e2] = groupSpan(g, 6);
        const e2b = e2 + (g[0].slice(e2 - s).match(/^(?:st|nd|rd|th)/)?.[0].length ?? 0);
        out.push([s2, e2b, 'DATE', mk(d2, tense)]);
      } else {
        out[0][1] = mainEnd;
      }
    }
    if (!g[6]) out[0][1] = e;
    return out;
  },
);

// "2 May 2024", "18th of April", "1 January, 2020"
rule(
  'dayMonth',
  `(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(${YEAR}))?`,
  (g, ctx) => {
    if (!monthOk(g[2], true)) return null;
    const d = +g[1];
    const m = monthNum(g[2]);
    if (d < 1 || d > 31) return null;
    const [s, e] = span(g);
    if (g[3]) {
      const y = +g[3];
      return d <= daysInMonth(y, m) ? [s, e, 'DATE', fmtDay({ y, m, d })] : null;
    }
    if (!ctx.dct) return [s, e, 'DATE', `XXXX-${pad2(m)}-${pad2(d)}`];
    const y = yearFor(ctx, m, d, dateTense(ctx, s, e));
    return [s, e, 'DATE', fmtDay({ y, m, d: Math.min(d, daysInMonth(y, m)) })];
  },
);

// -- times of day -------------------------------------------------------------------------------

rule(
  'clock',
  `(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?:([ap])\\.?\\s?m\\.?(?![A-Za-z])|(o'clock))(?:\\s+(?:(?:[A-Z]{2,4}T)|GMT|UTC)${NB})?(?:,?\\s+(?:on\\s+)?(${WEEKDAY}|today|tomorrow|yesterday)${NB})?`,
  (g, ctx) => {
    let h = +g[1];
    const min = g[2] ? +g[2] : 0;
    if (h > 12 || min > 59) return null;
    const ap = g[3]?.toLowerCase();
    if (ap === 'p' && h < 12) h += 12;
    if (ap === 'a' && h === 12) h = 0;
    const [s, e] = span(g);
    const end = e;
    const clock = `T${pad2(h)}:${pad2(min)}`;
    if (g[5]) {
      const w = g[5].toLowerCase();
      if (w in WEEKDAYS) {
        if (!isCap(g[5])) return null;
        return [s, end, 'TIME', resolveWeekday(ctx, WEEKDAYS[w], '', s, end) + clock];
      }
      const n = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      return [s, end, 'TIME', (ctx.dct ? fmtDay(addDays(ctx.dct, n)) : 'XXXX-XX-XX') + clock];
    }
    return [s, end, 'TIME', clock];
  },
);

rule('clock24', `(\\d{1,2}):(\\d{2})(?:\\s*(?:(?:[A-Z]{2,4}T)|GMT|UTC|h)${NB})`, (g) => {
  const h = +g[1];
  const min = +g[2];
  if (h > 24 || min > 59) return null;
  const [s, e] = span(g);
  return [s, e, 'TIME', `T${pad2(h)}:${pad2(min)}`];
});

rule('noon', `(noon|midnight|midday)(?:,?\\s+(${WEEKDAY}))?${NB}`, (g, ctx) => {
  const [s, e] = span(g);
  const clock = g[1].toLowerCase() === 'midnight' ? 'T24:00' : 'T12:00';
  if (g[2] && isCap(g[2])) return [s, e, 'TIME', resolveWeekday(ctx, WEEKDAYS[g[2].toLowerCase()], '', s, e) + clock];
  if (g[2]) return [s, s + g[1].length, 'TIME', clock];
  return [s, e, 'TIME', clock];
});

// -- relative: "two years ago", "a year earlier", "three days later" -----------------------------

rule(
  'ago',
  `(?:(?:about|around|approximately|roughly|nearly|almost|more than|less than|some|just|only|at least|over)\\s+)?(${NUM})[\\s-]+(${UNIT})\\s+(ago|earlier|later|from now|hence)${NB}`,
  (g, ctx) => {
    const n = numValue(g[1]);
    const unit = unitKey(g[2]);
    const dir = g[3].toLowerCase();
    const [s, e] = span(g);
    const sign = dir === 'ago' || dir === 'earlier' || dir === 'before' ? -1 : 1;
    const anaphoric = dir === 'earlier' || dir === 'later' || dir === 'before' || dir === 'after';
    if (n === null || n !== Math.floor(n)) {
      return [s, e, 'DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF'];
    }
    if (unit === 'year' && n === 1 && ctx.refQuarter && ctx.dct && (anaphoric || ctx.refQuarter.y === ctx.dct.y)) {
      // Earnings reports: "a year earlier" / "a year ago" is the same quarter of the previous year.
      const ref = reportedQuarter(ctx);
      return [s, e, 'DATE', `${pad4(ref.y - 1)}-Q${ref.q}`];
    }
    let base: Ymd | null = ctx.dct;
    if (anaphoric) {
      if (unit === 'year' && ctx.refYear !== null) base = { y: ctx.refYear, m: 6, d: 15 };
      else if (ctx.refDay) base = ctx.refDay;
    }
    if (!base) return [s, e, 'DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF'];
    const v = shifted(base, sign * n, unit);
    return v ? [s, e, 'DATE', v] : null;
  },
);

// -- durations with a determiner: "the past two months", "the first nine months" ------------------

/** "the 6-year-old" (an age), "three-quarters of" (a fraction): not time spans. */
function isAgeOrFraction(text: string, g: RegExpExecArray): boolean {
  const e = g.index + g[0].length;
  if (/quarters?$/i.test(g[0]) && /^\s+of\b/.test(text.slice(e, e + 4))) return true;
  if (/-quarters?$/i.test(g[0])) return true;
  if (/^(?:-|\s+)old\b/.test(text.slice(e, e + 5))) return true; // ages: "the 6-year-old"
  if (/^-\d/.test(text.slice(e, e + 2))) return true;
  return false;
}

rule(
  'theNUnits',
  `(?:the\\s+)?(?:(?:past|last|next|first|final|coming|previous|following|latest|recent|preceding|initial|remaining|other|full)\\s+)?(?:(?:about|nearly|almost|more than|less than|some)\\s+)?(${NUM})[\\s-]+(${UNIT})${NB}`,
  (g, ctx) => {
    const head = g[0].toLowerCase();
    if (!/^(the\s|past|last|next|first|final|coming|previous|following|latest|recent|preceding|initial|remaining|other|full)/.test(head)) return null;
    const nWord = g[1].toLowerCase();
    if (nWord === 'a' || nWord === 'an') return null;
    const unit = g[2].toLowerCase();
    const n = numValue(g[1]);
    if (isAgeOrFraction(ctx.text, g)) return null;
    if (n !== null && n > 1 && !/s$/.test(unit) && !g[0].includes('-')) return null;
    if (n === 1 && !/s$/.test(unit) && head.startsWith('the ') && !/^the\s+(past|last|next|first|final|coming|previous|following|full)/.test(head)) return null;
    const v = durationValue(n, unit);
    if (!v) return null;
    const [s, e] = span(g);
    return [s, e, 'DURATION', v];
  },
);

// -- sets -------------------------------------------------------------------------------------

rule(
  'set',
  `(?:(every|each)\\s+(other\\s+)?(?:(${NUM})\\s+)?(${UNIT}|weekend|${WEEKDAY}|morning|afternoon|evening|night)|(daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually|fortnightly)|(once|twice|three times|four times|several times|(?:\\d+|${NUMWORD}) times)\\s+(?:a|an|per|each|every)\\s+(${UNIT}))${NB}`,
  (g, ctx) => {
    const [s, e] = span(g);
    if (g[1]) {
      const what = g[4].toLowerCase();
      if (what in WEEKDAYS) {
        const dow = WEEKDAYS[what];
        return [s, e, 'SET', `XXXX-WXX-${dow === 0 ? 7 : dow}`];
      }
      if (what in PART_OF_DAY) return [s, e, 'SET', `TXX${PART_OF_DAY[what]}`];
      if (what === 'weekend') return [s, e, 'SET', 'XXXX-WXX-WE'];
      let n = g[3] ? numValue(g[3]) : 1;
      if (g[2]) n = (n ?? 1) * 2;
      const v = durationValue(n, what);
      return v ? [s, e, 'SET', v] : null;
    }
    if (g[5]) {
      const w = g[5].toLowerCase();
      const v: Record<string, string> = {
        daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H',
        quarterly: 'P1Q', nightly: 'P1D', biweekly: 'P2W', semiannually: 'P6M', fortnightly: 'P2W',
      };
      return [s, e, 'SET', v[w]];
    }
    const v = durationValue(1, g[7]);
    return v ? [s, e, 'SET', v] : null;
  },
);

// "$5 a year", "3% a month", "per year"
rule(`perUnit`, `(?:a|an|per)\\s+(year|month|week|day|hour|quarter)${NB}`, (g, ctx) => {
  const before = ctx.text.slice(Math.max(0, g.index - 24), g.index);
  if (!/(?:\d|%|percent|cents?|dollars?|euros?|pounds?|yen|times|twice|once|billion|million|barrels|tons)\s*$/i.test(before)) return null;
  const [s, e] = span(g);
  const v = durationValue(1, g[1]);
  return v ? [s, e, 'SET', v] : null;
});

// -- plain durations: "three years", "48 hours", "a two-week", "nearly a decade" ------------------

rule(
  'duration',
  `(?:(${MOD})\\s+)?(${NUM})(?:\\s+(?:more|additional|extra|full|straight|consecutive))?(?:\\s+|-)(${UNIT})(?:[\\s-]+long)?${NB}(?!-old|\\s+old)`,
  (g, ctx) => {
    const nWord = g[2].toLowerCase();
    const unit = g[3].toLowerCase();
    const n = numValue(g[2]);
    const plural = /s$/.test(unit);
    if ((nWord === 'a' || nWord === 'an') && !g[1]) {
      const pw = prevWord(ctx.text, g.index);
      if (!/^(for|within|in|over|than|nearly|almost|about|only|just|least|past|last|first|next|half|roughly|lasting|after|take|takes|took|spent|spend|than|around|of)$/.test(pw)) return null;
    }
    if (nWord === 'some' || nWord === 'many' || nWord === 'several' || nWord === 'few') {
      if (!plural) return null;
    }
    if (/^\d/.test(nWord) && n !== null && n > 1 && !plural && !g[0].includes('-')) return null;
    if (isAgeOrFraction(ctx.text, g)) return null;
    const v = durationValue(n, unit);
    if (!v) return null;
    const [s, e] = span(g);
    return [s, e, 'DURATION', v];
  },
);

// "for years", "for decades"
rule('barePlural', `(years|decades|months|weeks|centuries)${NB}`, (g, ctx) => {
  const pw = prevWord(ctx.text, g.index);
  if (pw !== 'for' && pw !== 'in' && pw !== 'within') return null;
  const v = durationValue(null, g[1]);
  const [s, e] = span(g);
  return v ? [s, e, 'DURATION', v] : null;
});

// -- quarters and halves ------------------------------------------------------------------------

rule(
  'quarter',
  `(?:(the|this|last|next)\\s+)?(?:(this|last|next)\\s+year['’]s\\s+)?(?:(?:fiscal|calendar)\\s+)?(${ORD_WORDS}|final|1st|2nd|3rd|4th)[\\s-]+(?:fiscal[\\s-]+)?(quarter|half)(?:(?:\\s+of|,)?\\s+(?:(?:fiscal|calendar)\\s+)?(${YEAR}))?${NB}(?!-)`,
  (g, ctx) => {
    const ord = g[3].toLowerCase().replace(/(st|nd|rd|th)$/, '');
    const n = /^\d$/.test(ord) ? +ord : ORDINALS[g[3].toLowerCase()] ?? (ord === 'final' ? (g[4].toLowerCase() === 'half' ? 2 : 4) : 0);
    const isHalf = g[4].toLowerCase() === 'half';
    if (n < 1 || n > (isHalf ? 2 : 4)) return null;
    const [s, e] = span(g);
    const tag = isHalf ? 'H' : 'Q';
    let y: number | null = g[5] ? +g[5] : null;
    const yearWord = g[2]?.toLowerCase();
    if (y === null && ctx.dct) {
      if (yearWord) y = ctx.dct.y + (yearWord === 'last' ? -1 : yearWord === 'next' ? 1 : 0);
      else {
        const curQ = isHalf ? (ctx.dct.m <= 6 ? 1 : 2) : quarterOf(ctx.dct.m);
        const t = tenseOf(ctx, s, e);
        y = ctx.dct.y;
        if (t === 'past' && n > curQ) y--;
        else if (t === 'future' && n < curQ - 1) y++;
      }
    }
    const v = y === null ? `XXXX-${tag}${n}` : `${pad4(y)}-${tag}${n}`;
    if (!isHalf && y !== null) ctx.refQuarter = { y, q: n };
    return [s, e, 'DATE', v];
  },
);

const QUARTER_ENDED = new RegExp(`^\\s+(?:that\\s+|which\\s+)?end(?:ed|ing|s)\\s+(${MONTH})\\s*(\\d{1,2})(?:,\\s*(${YEAR}))?`, 'i');

// "the first half of 1989", "the second half of the year"
rule(
  'halfOf',
  `(?:the\\s+)?(first|second|last|latter|final|1st|2nd)\\s+half\\s+of\\s+(?:(${YEAR})|(?:the|this)\\s+year)${NB}`,
  (g, ctx) => {
    const n = /^(first|1st)$/i.test(g[1]) ? 1 : 2;
    const y = g[2] ? +g[2] : ctx.dct?.y;
    const [s, e] = span(g);
    return [s, e, 'DATE', y === undefined ? `XXXX-H${n}` : `${pad4(y)}-H${n}`];
  },
);

// "the 1988 quarter", "the 1988 third quarter", "the 1989 period"
rule(
  'yearQuarter',
  `the\\s+(${YEAR})\\s+(?:(${ORD_WORDS}|1st|2nd|3rd|4th)[\\s-]+)?(?:fiscal\\s+)?(quarter|period|half)${NB}`,
  (g, ctx) => {
    const y = +g[1];
    const [s, e] = span(g);
    const head = g[3].toLowerCase();
    if (g[2]) {
      const n = ORDINALS[g[2].toLowerCase()] ?? +g[2].replace(/\D/g, '');
      if (!n || n > (head === 'half' ? 2 : 4)) return null;
      if (head !== 'half') ctx.refQuarter = { y, q: n };
      return [s, e, 'DATE', `${pad4(y)}-${head === 'half' ? 'H' : 'Q'}${n}`];
    }
    if (head === 'half') return null;
    const q = ctx.refQuarter?.q;
    return [s, e, 'DATE', q ? `${pad4(y)}-Q${q}` : pad4(y)];
  },
);

rule(
  'theQuarter',
  `(?:the\\s+)?(?:(latest|most recent|recent|current|same|comparable|year-earlier|year-ago|year-before|previous|prior|preceding|last|past)\\s+)?(?:fiscal\\s+)?(quarter|period|three months|year-earlier|year-ago)${NB}(?!-)`,
  (g, ctx) => {
    const mod = g[1]?.toLowerCase() ?? '';
    const head = g[2].toLowerCase();
    const hasThe = /^the\s/i.test(g[0]);
    const [s, e] = span(g);
    const yearAgo = /year-(earlier|ago|before)/.test(mod) || /year-(earlier|ago)/.test(head);
    if (!ctx.dct) return null;
    let ref = reportedQuarter(ctx);
    // "the quarter ended Sept. 30": the calendar quarter holding that day.
    const ended = QUARTER_ENDED.exec(ctx.text.slice(e, e + 30));
    if (ended && head === 'quarter' && (!mod || mod === 'latest' || mod === 'most recent')) {
      const m = monthNum(ended[1]);
      if (m) {
        const d = +ended[2];
        const y = ended[3] ? +ended[3] : m * 100 + d > ctx.dct.m * 100 + ctx.dct.d ? ctx.dct.y - 1 : ctx.dct.y;
        ref = { y, q: quarterOf(m) };
        ctx.refQuarter = ref;
        return [s, e, 'DATE', `${pad4(y)}-Q${ref.q}`];
      }
    }
    if (head === 'year-earlier' || head === 'year-ago') {
      if (mod) return null;
      return [s, e, 'DATE', `${pad4(ref.y - 1)}-Q${ref.q}`];
    }
    if (head === 'period' && !yearAgo && !/latest|most recent|recent|current|same/.test(mod)) return null;
    if (head === 'three months' && !mod) return null;
    if (!hasThe && !mod) return null;
    if (mod === 'last' || mod === 'past' || mod === 'previous' || mod === 'prior' || mod === 'preceding') {
      if (head !== 'quarter') return null;
      const c = { y: ctx.dct.y, q: quarterOf(ctx.dct.m) };
      const p = c.q === 1 ? { y: c.y - 1, q: 4 } : { y: c.y, q: c.q - 1 };
      return [s, e, 'DATE', `${pad4(p.y)}-Q${p.q}`];
    }
    if (mod === 'current' && head === 'quarter') {
      return [s, e, 'DATE', `${pad4(ctx.dct.y)}-Q${quarterOf(ctx.dct.m)}`];
    }
    if (head !== 'quarter' && !yearAgo && mod !== 'latest' && mod !== 'most recent' && mod !== 'same') return null;
    if (mod === 'comparable' || mod === 'recent') return null;
    return [s, e, 'DATE', yearAgo ? `${pad4(ref.y - 1)}-Q${ref.q}` : `${pad4(ref.y)}-Q${ref.q}`];
  },
);

// -- relative calendar units: "last year", "this week", "earlier this month", "next spring" ------

rule(
  'relUnit',
  `(?:(early|earlier|late|later|mid|the end of|the beginning of|the start of|the middle of|the rest of|the remainder of|the first half of|the second half of|end of|the turn of)[\\s-]+)?(?:(the\\s+)?(last|this|next|past|coming|current|previous|following|same|that)\\s+)(week|weekend|month|quarter|year|decade|century|fiscal year|spring|summer|fall|autumn|winter|morning|afternoon|evening|night|time)${NB}`,
  (g, ctx) => {
    const mod = g[3].toLowerCase();
    let unit = g[4].toLowerCase();
    if (unit === 'fiscal year') unit = 'year';
    const [s, e] = span(g);
    if (unit === 'time') return null;
    if (mod === 'that' || mod === 'same' || mod === 'following') {
      // Anaphoric: "the following year", "that week" — resolved against the last date named.
      if (mod === 'that' && (unit === 'morning' || unit === 'afternoon' || unit === 'evening' || unit === 'night')) {
        return ctx.refDay ? [s, e, 'TIME', `${fmtDay(ctx.refDay)}T${PART_OF_DAY[unit]}`] : null;
      }
      const n = mod === 'following' ? 1 : 0;
      if (unit === 'year' && ctx.refYear !== null) return [s, e, 'DATE', pad4(ctx.refYear + n)];
      if (ctx.refDay) {
        const v = shifted(ctx.refDay, n, unit);
        return v ? [s, e, 'DATE', v] : null;
      }
      return null;
    }
    if ((mod === 'past' || mod === 'last' || mod === 'next' || mod === 'coming') && (unit === 'decade' || unit === 'century')) {
      return [s, e, 'DURATION', unit === 'decade' ? 'P10Y' : 'P100Y'];
    }
    const n = mod === 'last' || mod === 'past' || mod === 'previous' ? -1 : mod === 'next' || mod === 'coming' ? 1 : 0;
    if (unit in PART_OF_DAY) {
      // "this morning", "last night"
      if (n > 0 && unit !== 'night') return null;
      if (!ctx.dct) return [s, e, 'TIME', `XXXX-XX-XXT${PART_OF_DAY[unit]}`];
      const day = unit === 'night' && n < 0 ? addDays(ctx.dct, -1) : n > 0 ? addDays(ctx.dct, 1) : ctx.dct;
      return [s, e, 'TIME', `${fmtDay(day)}T${PART_OF_DAY[unit]}`];
    }
    if (unit in SEASONS) {
      const code = SEASONS[unit];
      if (!ctx.dct) return [s, e, 'DATE', n === 0 ? `XXXX-${code}` : relRef(n)];
      const cur = SEASON_INDEX[seasonOf(ctx.dct.m)];
      const want = SEASON_INDEX[code];
      let y = ctx.dct.y;
      if (code === 'WI' && ctx.dct.m === 12 && n === 0) y = ctx.dct.y;
      if (n < 0 && want >= cur) y--;
      if (n > 0 && want <= cur) y++;
      return [s, e, 'DATE', `${pad4(y)}-${code}`];
    }
    if (!ctx.dct) return [s, e, 'DATE', relRef(n)];
    if (unit === 'weekend') return [s, e, 'DATE', `${fmtWeek(addDays(ctx.dct, 7 * n))}-WE`];
    const v = shifted(ctx.dct, n, unit);
    if (unit === 'quarter' && v) {
      const mq = /^(\d{4})-Q(\d)$/.exec(v);
      if (mq) ctx.refQuarter = { y: +mq[1], q: +mq[2] };
    }
    return v ? [s, e, 'DATE', v] : null;
  },
);

// -- weekdays -----------------------------------------------------------------------------------

rule(
  'weekday',
  `(?:(last|next|this|coming|past|previous|early|late)\\s+)?(${WEEKDAY})(s)?(?:['’]s)?(?:\\s+(morning|afternoon|evening|night)(s)?)?${NB}`,
  (g, ctx) => {
    if (!isCap(g[2])) return null;
    if (g[5]) g[3] = 's';
    const dow = WEEKDAYS[g[2].toLowerCase()];
    const [s, e] = span(g);
    const pod = g[4] ? PART_OF_DAY[g[4].toLowerCase()] : '';
    if (g[3]) {
      // "on Tuesdays", "Tuesday nights"
      return [s, e, 'SET', `XXXX-WXX-${dow === 0 ? 7 : dow}${pod ? `T${pod}` : ''}`];
    }
    const mod = g[1]?.toLowerCase() ?? '';
    let end = e;
    if (!g[4] && /['’]s$/.test(g[0])) end = e - 2;
    const v = resolveWeekday(ctx, dow, mod, s, end);
    if (pod) {
      if (g[4]?.toLowerCase() === 'night' && /^\s+(?:session|shift|games?|shows?)/i.test(ctx.text.slice(e, e + 12))) return null;
      return [s, end, 'TIME', `${v}T${pod}`];
    }
    return [s, end, 'DATE', v];
  },
);

// -- months -------------------------------------------------------------------------------------

rule(
  'month',
  `(?:(early|late|mid|last|next|this|coming|past|the end of|the beginning of|the start of|the middle of|end of|beginning of|the first half of|the second half of|the rest of|until)[\\s-]+)?(${MONTH})(?:,?\\s+(?:of\\s+)?(${YEAR})|\\s*['’](\\d{2})(?![0-9])|\\s+(this|last|next)\\s+year${NB})?`,
  (g, ctx) => {
    const mod = g[1]?.toLowerCase() ?? '';
    const word = g[2];
    if (g[4]) g[3] = g[4];
    if (g[5] && ctx.dct) g[3] = String(ctx.dct.y + (/last/i.test(g[5]) ? -1 : /next/i.test(g[5]) ? 1 : 0));
    if (g[5] && !ctx.dct) return [g.index, g.index + g[0].length, 'DATE', `XXXX-${pad2(monthNum(g[2]))}`];
    // "last Oct. 23": leave it to the month-day rule.
    if (!g[3] && /^\s*\d{1,2}(?:st|nd|rd|th)?(?![0-9])/.test(ctx.text.slice(g.index + g[0].length, g.index + g[0].length + 6))) return null;
    const supported = !!g[3] || (!!mod && mod !== 'until') || /^(in|since|until|till|by|from|to|through|during|of|before|after|early|late|mid|between|and|last|next|this|around|throughout|or|on|that)$/.test(prevWord(ctx.text, g.index));
    if (!monthOk(word, supported)) return null;
    if (!word.endsWith('.') && word.length <= 4 && !/^(may|june|july)$/i.test(word)) return null;
    if (word.toLowerCase() === 'may' && !g[3] && !mod && /^\s+(?:be|have|not|also|well|still|take|make|need|want|seem|come|go|get|lead|help|face|never|yet|soon)\b/i.test(ctx.text.slice(g.index + 3, g.index + 12))) return null;
    const m = monthNum(word);
    let [s, e] = span(g);
    if (mod === 'until') s = groupSpan(g, 2)[0];
    if (g[3]) {
      let y = +g[3];
      if (g[3].length === 2) y = y < 50 ? 2000 + y : 1900 + y;
      ctx.refYear = y;
      return [s, e, 'DATE', fmtMonth(y, m)];
    }
    if (!ctx.dct) return [s, e, 'DATE', `XXXX-${pad2(m)}`];
    let y = ctx.dct.y;
    if (mod === 'last' || mod === 'past') y = m < ctx.dct.m ? ctx.dct.y : ctx.dct.y - 1;
    else if (mod === 'next' || mod === 'coming') y = m > ctx.dct.m ? ctx.dct.y : ctx.dct.y + 1;
    else if (mod !== 'this') y = yearFor(ctx, m, null, dateTense(ctx, g.index, e));
    return [s, e, 'DATE', fmtMonth(y, m)];
  },
);

// -- seasons ------------------------------------------------------------------------------------

rule(
  'season',
  `(?:(the)\\s+)?(?:(early|late|mid)[\\s-]+)?(spring|summer|autumn|fall|winter)(?:\\s+(?:of\\s+)?(${YEAR}))?${NB}`,
  (g, ctx) => {
    const word = g[3].toLowerCase();
    const [s, e] = span(g);
    const code = SEASONS[word];
    if (g[4]) {
      ctx.refYear = +g[4];
      return [s, e, 'DATE', `${g[4]}-${code}`];
    }
    const pw = prevWord(ctx.text, g.index);
    const supported = /^(in|during|over|since|until|by|through|throughout|this|last|next|early|late|from)$/.test(pw) || !!g[2];
    if (!supported) return null;
    if (word === 'fall' && !g[1] && !g[2]) return null;
    if (g[1] && /^\s+of\s+(?!\d)/.test(ctx.text.slice(e, e + 8))) return null;
    if (!ctx.dct) return [s, e, 'DATE', `XXXX-${code}`];
    const t = tenseOf(ctx, s, e);
    const cur = SEASON_INDEX[seasonOf(ctx.dct.m)];
    const want = SEASON_INDEX[code];
    let y = ctx.dct.y;
    if (t === 'past' && want > cur) y--;
    else if (t === 'future' && want < cur) y++;
    return [s, e, 'DATE', `${pad4(y)}-${code}`];
  },
);

// -- decades and centuries ------------------------------------------------------------------------

rule(
  'decade',
  `(?:the\\s+)?(?:(early|late|mid)[\\s-]+)?(?:['’‘])?(\\d{1,3})0['’]?s${NB}`,
  (g, ctx) => {
    const d = g[2];
    let v: string;
    if (d.length === 3) {
      if (+d < 100) return null;
      v = d;
    } else if (d.length === 1) {
      const dctDecade = ctx.dct ? Math.floor((ctx.dct.y % 100) / 10) : 9;
      v = +d <= dctDecade - 1 || (+d <= 1 && ctx.dct && ctx.dct.y >= 2010) ? `20${d}` : `19${d}`;
      if (!/['’‘]|^the/i.test(g[0]) && !g[1]) return null;
    } else return null;
    const [s, e] = span(g);
    return [s, e, 'DATE', v];
  },
);

rule(
  'century',
  `(?:the\\s+)?(?:(early|late|mid)[\\s-]+)?(?:(\\d{1,2})(?:st|nd|rd|th)|(${ORD_WORDS}))[\\s-]+century${NB}`,
  (g) => {
    const n = g[2] ? +g[2] : ORDINALS[g[3].toLowerCase().replace('-', ' ').replace(' first', '-first')] ?? ORDINALS[g[3].toLowerCase()];
    if (!n || n > 30) return null;
    const [s, e] = span(g);
    return [s, e, 'DATE', pad2(n - 1)];
  },
);

// -- years --------------------------------------------------------------------------------------

const YEAR_CONTEXT = /^(in|since|until|till|by|from|to|through|during|before|after|of|early|late|mid|between|and|or|year|around|circa|c|fiscal|spring|summer|fall|autumn|winter|end)$/;
const NOT_YEAR_BEFORE = /^(than|about|nearly|almost|some|over|under|only|just|no|number|room|flight|route|page|pages|vol|chapter|article|section|rule|resolution|highway|interstate|model|the\s+top|at|with|had|has|have|were|are|estimated|approximately|roughly|total|totalling|all)$/;

rule(
  'year',
  `(?:(fiscal|calendar|the year|the end of|the beginning of|the start of|the middle of|the first half of|the second half of|the spring of|the summer of|the fall of|the autumn of|the winter of|end-|year-end|early|late|mid|mid-)[\\s-]*)?(${YEAR}|['’]\\d{2}(?![0-9'’A-Za-z]))(?!\\s*(?:%|percent|per cent|\\.\\d|:\\d|[-–]\\d{3}[^0-9]|°))${NB}`,
  (g, ctx) => {
    const mod = g[1]?.toLowerCase();
    const raw = g[2];
    let y: number;
    if (/^['’]/.test(raw)) {
      const yy = +raw.slice(1);
      y = ctx.dct && 2000 + yy <= ctx.dct.y + 5 ? 2000 + yy : 1900 + yy;
      if (!mod && !YEAR_CONTEXT.test(prevWord(ctx.text, g.index))) return null;
    } else y = +raw;
    const [s, e] = span(g);
    if (!mod) {
      const pw = prevWord(ctx.text, g.index);
      const before = ctx.text.slice(Math.max(0, g.index - 2), g.index);
      if (/[$£€¥#№]\s*$|[0-9][,.]$|[0-9]\s$/.test(before)) return null;
      const ctxWord = YEAR_CONTEXT.test(pw);
      if (!ctxWord && NOT_YEAR_BEFORE.test(pw)) return null;
      if (y < 1800 && !ctxWord) return null;
      if (ctx.dct && y > ctx.dct.y + 30 && !ctxWord) return null;
      // "2020 people", "1990 shares": a count followed by a plural noun.
      const after = /^\s+([a-z][a-z-]*)/.exec(ctx.text.slice(e, e + 24));
      if (after && !ctxWord) {
        const w = after[1];
        if (/[^s]s$/.test(w) && !/^(was|is|has|its|his|this|as|plus|thus|levels|elections|olympics|games|polls|budgets|figures|results|earnings|sales|totals|prices|rates|standards|numbers|ones|versus)$/.test(w)) return null;
        if (/^(of|percent|times|more|fewer|less|million|billion|thousand|hundred|feet|foot|metres?|meters?|miles?|km|kg|tons?|pounds?|dollars?|euros?|yen|yuan|to\s\d)$/.test(w)) return null;
      }
    }
    ctx.refYear = y;
    return [s, e, 'DATE', pad4(y)];
  },
);

// -- spelled-out years: "nineteen ninety-six", "the year two thousand" ----------------------------

const TENS_WORDS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
rule(
  'spelledYear',
  `(?:(the year)\\s+)?(?:(nineteen|eighteen)\\s+(?:(${TENS_WORDS})(?:[- ](${UNITS_WORDS}))?|(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:oh|o)[- ](${UNITS_WORDS}))|two thousand(?:\\s+(?:and\\s+)?(${UNITS_WORDS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:${UNITS_WORDS}))?))?)${NB}`,
  (g, ctx) => {
    let y: number;
    if (g[2]) {
      const c = g[2].toLowerCase() === 'nineteen' ? 1900 : 1800;
      y = c + (g[3] ? NUMBERS[g[3].toLowerCase()] + (g[4] ? NUMBERS[g[4].toLowerCase()] : 0) : g[5] ? NUMBERS[g[5].toLowerCase()] : NUMBERS[g[6].toLowerCase()]);
    } else {
      if (!g[1] && !g[7] && !YEAR_CONTEXT.test(prevWord(ctx.text, g.index))) return null;
      y = 2000 + (g[7] ? numValue(g[7]) ?? 0 : 0);
    }
    // "nineteen ninety-six" is a year; "nineteen people" never matches (a tens word is required).
    if (g[2] && !g[3] && !g[6] && !g[1]) return null;
    const [s, e] = span(g);
    ctx.refYear = y;
    return [s, e, 'DATE', pad4(y)];
  },
);

// -- holidays -------------------------------------------------------------------------------------

/** Month, and day or a rule for the day, of holidays news mentions by name (US and international). */
const HOLIDAYS: Record<string, (y: number) => [number, number]> = {
  'christmas day': () => [12, 25], christmas: () => [12, 25], 'christmas eve': () => [12, 24],
  "new year's day": () => [1, 1], "new year's eve": () => [12, 31], 'independence day': () => [7, 4],
  'valentine\'s day': () => [2, 14], halloween: () => [10, 31], 'bastille day': () => [7, 14],
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4), thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'labor day': (y) => nthWeekday(y, 9, 1, 1), 'memorial day': (y) => lastWeekday(y, 5, 1),
  'election day': (y) => { const [m, d] = nthWeekday(y, 11, 1, 1); return [m, d + 1]; },
  'martin luther king day': (y) => nthWeekday(y, 1, 1, 3), 'veterans day': () => [11, 11],
};

function nthWeekday(y: number, m: number, dow: number, n: number): [number, number] {
  const first = weekday({ y, m, d: 1 });
  return [m, 1 + ((dow - first + 7) % 7) + 7 * (n - 1)];
}

function lastWeekday(y: number, m: number, dow: number): [number, number] {
  const last = daysInMonth(y, m);
  const wd = weekday({ y, m, d: last });
  return [m, last - ((wd - dow + 7) % 7)];
}

rule(
  'holiday',
  `(?:(last|next|this)\\s+)?(christmas(?: day| eve)?|new year['’]s (?:day|eve)|independence day|valentine['’]s day|halloween|bastille day|thanksgiving(?: day)?|labor day|memorial day|election day|martin luther king day|veterans day)(?:,?\\s+(${YEAR}))?${NB}`,
  (g, ctx) => {
    const name = g[2].toLowerCase().replace(/’/g, "'");
    if (!isCap(g[2])) return null;
    const f = HOLIDAYS[name];
    if (!f) return null;
    const [s, e] = span(g);
    const mod = g[1]?.toLowerCase();
    let y: number;
    if (g[3]) y = +g[3];
    else if (!ctx.dct) {
      const [m, d] = f(2001);
      return [s, e, 'DATE', name.includes('day') && !/^(christmas|new year|independence|valentine|veterans|bastille)/.test(name) ? `XXXX-${pad2(m)}` : `XXXX-${pad2(m)}-${pad2(d)}`];
    } else {
      const [m0, d0] = f(ctx.dct.y);
      const after = cmpMonthDay(m0, d0, ctx.dct.m, ctx.dct.d) > 0;
      const t = mod === 'last' ? 'past' : mod === 'next' ? 'future' : mod === 'this' ? null : dateTense(ctx, s, e);
      y = ctx.dct.y;
      if (t === 'past' && after) y--;
      else if (t === 'future' && !after && cmpMonthDay(m0, d0, ctx.dct.m, ctx.dct.d) < 0) y++;
      else if (t === null && mod !== 'this') {
        const ahead = m0 - ctx.dct.m + (d0 - ctx.dct.d) / 31;
        if (ahead > 6) y--;
        else if (ahead < -6) y++;
      }
    }
    const [m, d] = f(y);
    return [s, e, 'DATE', fmtDay({ y, m, d })];
  },
);

// -- "the year ended March 31", "for the full year", "earlier in the year" -------------------------

rule(
  'theYear',
  `(?:(earlier|later|early|late)\\s+in\\s+)?the\\s+(full\\s+|fiscal\\s+|current\\s+fiscal\\s+|latest\\s+fiscal\\s+)?(year|month|week|day)${NB}`,
  (g, ctx) => {
    const [s, e] = span(g);
    const unit = g[3].toLowerCase();
    const after = ctx.text.slice(e, e + 12);
    if (/^\s+end(?:ed|ing)\b/.test(after)) return unit === 'year' ? [s, e, 'DURATION', 'P1Y'] : null;
    if (!ctx.dct) return null;
    const mod = (g[2] ?? '').trim().toLowerCase();
    if (g[1] || mod === 'full' || (unit === 'year' && prevWord(ctx.text, g.index) === 'for' && !/^\s*(?:before|after|earlier|ago|of|in\b)/.test(after))) {
      if (mod === 'latest fiscal') return [s, e, 'DATE', pad4(ctx.dct.y - 1)];
      if (unit === 'day') return g[1] ? [s, e, 'DATE', fmtDay(ctx.dct)] : null;
      return [s, e, 'DATE', shifted(ctx.dct, 0, unit) ?? pad4(ctx.dct.y)];
    }
    return null;
  },
);

// -- deictic words ------------------------------------------------------------------------------

rule(
  'word',
  `(the day before yesterday|the day after tomorrow|(?:early|late|earlier|later)\\s+(?:today|yesterday|tomorrow)|(?:today|yesterday|tomorrow)(?:\\s+(morning|afternoon|evening|night))?|tonight|overnight|now|nowadays|currently|presently|at present|recently|lately|formerly|soon|the present|the past|the future|the near future|the near term|the long term|the short term|these days|recent (?:years|months|weeks|days|decades)|(?:the )?coming (?:years|months|weeks|days|decades)|the weekend|(?:this|last|next|past) weekend|year-end|year['’]s end|year end|the end of the (?:year|month|week)|(?:the )?years? to date|a while|(?:the )?time being|(?:the )?moment|current|future|once|earlier|later|former)${NB}`,
  (g, ctx) => {
    const w = g[1].toLowerCase().replace(/’/g, "'");
    const [s, e] = span(g);
    const dct = ctx.dct;
    const pw = prevWord(ctx.text, g.index);
    const dayOf = (n: number): string => (dct ? fmtDay(addDays(dct, n)) : relRef(n));
    const base = w.replace(/^(early|late|earlier|later)\s+/, '');
    if (/^(today|yesterday|tomorrow)/.test(base)) {
      const n = base.startsWith('yesterday') ? -1 : base.startsWith('tomorrow') ? 1 : 0;
      if (g[2]) {
        const pod = PART_OF_DAY[g[2].toLowerCase()];
        return [s, e, 'TIME', dct ? `${dayOf(n)}T${pod}` : `${relRef(n)}`];
      }
      if (base === 'today' && /^['’]s\s+(?:world|society|standards|economy|market|technology)/i.test(ctx.text.slice(e, e + 16))) {
        return [s, e, 'DATE', 'PRESENT_REF'];
      }
      return [s, e, 'DATE', dayOf(n)];
    }
    switch (w) {
      case 'the day before yesterday': return [s, e, 'DATE', dayOf(-2)];
      case 'the day after tomorrow': return [s, e, 'DATE', dayOf(2)];
      case 'tonight': case 'overnight':
        if (w === 'overnight' && !/^(and|,)/.test(pw) && pw !== 'said') return null;
        return [s, e, 'TIME', dct ? `${fmtDay(dct)}TNI` : 'PRESENT_REF'];
      case 'now': case 'nowadays': case 'currently': case 'presently': case 'at present': case 'the present':
      case 'these days':
        if (w === 'now' && /^\s+that\b/.test(ctx.text.slice(e, e + 6))) return null;
        // Sentence-initial "Now," is a discourse marker more often than a time.
        if (g[1] === 'Now' && ctx.text[e] === ',') return null;
        return [s, e, 'DATE', 'PRESENT_REF'];
      case 'current': {
        const nx = /^\s+([a-z]+)/.exec(ctx.text.slice(e, e + 20))?.[1] ?? '';
        if (/^(account|accounts|affairs|events|assets|liabilities|of|and|in|flows?|density|source|sources)$/.test(nx) || !nx) return null;
        if (pw === 'the' || pw === 'its' || pw === 'their' || pw === 'his' || pw === 'her' || pw === 'our') return [s, e, 'DATE', 'PRESENT_REF'];
        return null;
      }
      case 'recent': {
        if (!/^(the|its|their|his|her|a|in|our|more|most)$/.test(pw)) return null;
        if (pw === 'more' || pw === 'most') return null;
        return [s, e, 'DATE', 'PAST_REF'];
      }
      case 'future': {
        const nx = /^\s+([a-z]+)/.exec(ctx.text.slice(e, e + 20))?.[1] ?? '';
        if (/^(of|for)$/.test(nx) && pw === 'the') return null;
        if (pw !== 'the' && !/^(plans?|years?|generations?|growth|sales|earnings|results|prospects?|needs?|development|operations|use|events?|dates?|talks|negotiations)$/.test(nx)) return null;
        return [s, e, 'DATE', 'FUTURE_REF'];
      }
      case 'recently': case 'lately': case 'formerly': case 'the past':
        if (w === 'the past' && /^\s+(?:decade|century|year|month|week|few|several)/.test(ctx.text.slice(e, e + 10))) return null;
        return [s, e, 'DATE', 'PAST_REF'];
      case 'soon': case 'the future': case 'the near future': case 'the near term': case 'the long term':
      case 'the short term':
        if (w === 'soon' && /^\s+(?:after|as|afterwards?|thereafter)\b/.test(ctx.text.slice(e, e + 12))) return null;
        // "was soon released": soon after a past event, not after publication.
        if (w === 'soon' && (/^(was|were|had|that|and)$/.test(pw) || /^\s+[a-z]+ed\b/.test(ctx.text.slice(e, e + 16)))) return null;
        return [s, e, 'DATE', 'FUTURE_REF'];
      case 'the weekend': case 'this weekend': case 'last weekend': case 'next weekend': case 'past weekend': {
        if (!dct) return [s, e, 'DATE', 'XXXX-WXX-WE'];
        const dow = weekday(dct);
        let n = 0;
        if (w.startsWith('last') || w.startsWith('past')) n = dow === 0 || dow === 6 ? -1 : -1;
        else if (w.startsWith('next')) n = 1;
        else if (w === 'the weekend' && dow >= 1 && dow <= 4) {
          n = tenseOf(ctx, s, e) === 'future' ? 0 : -1;
        }
        if (w.startsWith('last') && dow >= 1) n = -1;
        // The ISO week runs Monday–Sunday, so the weekend belongs to the week of the preceding Monday.
        const ref = addDays(dct, 7 * n + (dow === 0 ? -1 : 0));
        return [s, e, 'DATE', `${fmtWeek(ref)}-WE`];
      }
      case 'year-end': case "year's end": case 'year end': case 'the end of the year': case 'the end of the month':
      case 'the end of the week':
        if (!dct) return null;
        if (w.endsWith('month')) return [s, e, 'DATE', fmtMonth(dct.y, dct.m)];
        if (w.endsWith('week')) return [s, e, 'DATE', fmtWeek(dct)];
        return [s, e, 'DATE', pad4(dct.y)];
    }
    if (/^recent /.test(w)) return [s, e, 'DATE', 'PAST_REF'];
    if (/coming /.test(w)) return [s, e, 'DATE', 'FUTURE_REF'];
    return null;
  },
);

// ---------------------------------------------------------------------------------------------
// Master regex: every rule's pattern as one alternative, with its groups made non-capturing.

// Expressions that start like a count ("the 1988 quarter") must be tried before the counts.
{
  const i = RULES.findIndex((r) => r.name === 'yearQuarter');
  const j = RULES.findIndex((r) => r.name === 'theNUnits');
  RULES.splice(j, 0, ...RULES.splice(i, 1));
}

function uncapture(src: string): string {
  return src.replace(/\\.|\((?!\?)|\(\?<([A-Za-z]\w*)>/g, (m) => (m.startsWith('\\') ? m : '(?:'));
}

const MASTER = new RegExp(
  `(?<![A-Za-z0-9_$£€¥#@'’]|[0-9][.,:/])(?:${RULES.map((r) => `(${uncapture(r.source)})`).join('|')})`,
  'gi',
);

// ---------------------------------------------------------------------------------------------

function applyRule(r: Rule, pos: number, ctx: Ctx): Out[] | null {
  r.re.lastIndex = pos;
  const g = r.re.exec(ctx.text);
  if (!g) return null;
  const out = r.handle(g, ctx);
  if (!out) return null;
  const list = (Array.isArray(out[0]) ? out : [out]) as Out[];
  return list.filter((o) => o[1] > o[0]);
}

function noteReference(ctx: Ctx, o: Out): void {
  const v = o[3];
  if (o[2] !== 'DATE' && o[2] !== 'TIME') return;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (day) ctx.refDay = { y: +day[1], m: +day[2], d: +day[3] };
  const y = /^(\d{4})(?:-|$)/.exec(v);
  if (y && !/^(\d{4})-Q/.test(v)) ctx.refYear = +y[1];
}

/**
 * Finds and normalizes temporal expressions. `dct` is the publication date (YYYY-MM-DD): relative
 * expressions are resolved against it; without it they keep placeholder values (XXXX-04, PAST_REF).
 * `lang`, the article's language tag, adds the dates written in French, Spanish, Italian or
 * Portuguese (romance.ts); they win over English readings of the same words.
 */
export function tagTimexes(text: string, dct: string | null, lang?: string | null): Timex[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const english = tagEnglish(text, dct);
  const local = tagLocalDates(text, dct, lang);
  if (local.length === 0) return english;
  const overlaps = (t: Timex) => local.some((l) => l.start < t.end && t.start < l.end);
  return [...english.filter((t) => !overlaps(t)), ...local].sort((a, b) => a.start - b.start);
}

function tagEnglish(text: string, dct: string | null): Timex[] {
  const out: Timex[] = [];
  const ctx: Ctx = {
    text,
    dct: parseYmd(dct),
    refQuarter: null,
    refDay: null,
    refYear: null,
    tenseCache: new Map(),
  };
  const n = RULES.length;
  MASTER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MASTER.exec(text)) !== null) {
    const pos = m.index;
    let first = 1;
    while (first <= n && m[first] === undefined) first++;
    // The rule that matched first, or, if its handler declines, any later rule matching here.
    let found: Out[] | null = null;
    for (let k = first - 1; k < n && !found; k++) {
      const res = applyRule(RULES[k], pos, ctx);
      if (res && res.length) found = res;
    }
    if (!found) {
      MASTER.lastIndex = pos + Math.max(1, /^[A-Za-z0-9]+/.exec(m[0])?.[0].length ?? 1);
      continue;
    }
    let end = pos;
    for (const o of found) {
      out.push({ start: o[0], end: o[1], text: text.slice(o[0], o[1]), type: o[2], value: o[3] });
      noteReference(ctx, o);
      if (o[1] > end) end = o[1];
    }
    MASTER.lastIndex = Math.max(end, pos + 1);
  }
  anchorTimes(text, out, ctx);
  return out;
}

/** "9 a.m." takes its day from a date in the same sentence, else from the publication date. */
function anchorTimes(text: string, list: Timex[], ctx: Ctx): void {
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    if (t.type !== 'TIME' || !t.value.startsWith('T')) continue;
    const [s, e] = sentenceBounds(text, t.start, t.end, 300);
    let day: string | null = null;
    let best = Infinity;
    for (let j = 0; j < list.length; j++) {
      const o = list[j];
      if (j === i || o.start < s || o.end > e) continue;
      const mm = /^\d{4}-\d{2}-\d{2}/.exec(o.value);
      if (!mm) continue;
      const dist = o.start > t.end ? o.start - t.end : t.start - o.end;
      if (dist < best) {
        best = dist;
        day = mm[0];
      }
    }
    if (day === null && ctx.dct) day = fmtDay(ctx.dct);
    t.value = (day ?? 'XXXX-XX-XX') + t.value;
  }
}
