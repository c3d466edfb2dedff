/**
 * Rough verb tense around a span, from surface cues only (no tagger: it must stay fast).
 * Used to decide whether "Tuesday" or "in October" points backwards or forwards from the
 * publication date.
 */

export type Tense = 'past' | 'future' | 'present' | null;

const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'capt', 'sgt', 'prof',
  'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'u.s', 'u.n', 'u.k', 'e.u', 'a.m', 'p.m', 'mt', 'ft', 'gov', 'pres', 'rev', 'fig',
]);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

/** Whether the character at i ends a sentence ('.', '!', '?' followed by space, or a line break). */
function endsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10) return true;
  if (c !== 46 && c !== 33 && c !== 63) return false;
  const next = text.charCodeAt(i + 1);
  if (!(isSpace(next) || Number.isNaN(next) || next === 34 || next === 8221 || next === 39 || next === 8217)) {
    return false;
  }
  if (c === 46) {
    // "Oct. 23", "Mr. Smith", "U.S. officials": a period after an abbreviation does not end it.
    let j = i - 1;
    while (j >= 0 && !isSpace(text.charCodeAt(j)) && i - j < 6) j--;
    const word = text.slice(j + 1, i).toLowerCase().replace(/^[("'“‘]+/, '');
    if (ABBREV.has(word) || (word.length === 1 && /[a-z]/.test(word))) return false;
  }
  return true;
}

/** Start and end (exclusive) of the sentence holding [start, end). */
export function sentenceBounds(text: string, start: number, end: number, maxLen = 600): [number, number] {
  let s = start;
  const lo = Math.max(0, start - maxLen);
  while (s > lo && !endsSentence(text, s - 1)) s--;
  let e = end;
  const hi = Math.min(text.length, end + maxLen);
  while (e < hi && !endsSentence(text, e)) e++;
  if (e < text.length && text.charCodeAt(e) !== 10) e++;
  return [s, e];
}

const FUTURE = new Set([
  'will', 'shall', "won't", 'wo', "'ll", '’ll', 'scheduled', 'upcoming', 'intends', 'gonna', 'tomorrow', 'aims',
]);
const PLAN = new Set(['plan', 'plans', 'planned', 'planning', 'going', 'set', 'expected', 'expects', 'hopes', 'aims']);
const PAST = new Set([
  'was', 'were', 'had', 'did', "didn't", "wasn't", "weren't", "hadn't", 'ago', 'said', 'told', 'met', 'held',
  'took', 'made', 'began', 'came', 'went', 'gave', 'saw', 'won', 'lost', 'left', 'rose', 'fell', 'sold', 'bought',
  'paid', 'spent', 'got', 'found', 'sent', 'ran', 'led', 'struck', 'fought', 'brought', 'thought', 'felt', 'kept',
  'became', 'wrote', 'spoke', 'stood', 'knew', 'grew', 'drew', 'threw', 'chose', 'broke', 'flew', 'fled', 'shot',
  'sought', 'taught', 'caught', 'built', 'meant', 'heard', 'understood', 'yesterday', 'last', 'earlier', 'slid',
  'hit', 'quit', 'withdrew', 'forbade', 'overtook', 'undertook', 'swept', 'slept', 'lent', 'dealt', 'woke',
]);
const PRESENT = new Set(['is', 'are', 'says', 'has', 'have', 'does', "isn't", "aren't", 'say', 'am']);
/** Weak cues: a reporting verb or a modal only decides when nothing else does, or when adjacent. */
const WEAK = new Set(['said', 'says', 'told', 'say', 'would', 'could', 'might']);
const WEAK_TENSE: Record<string, Tense> = { would: 'future', could: 'future', might: 'future' };
const NOT_PAST_ED = new Set([
  'need', 'needed', 'speed', 'red', 'bed', 'seed', 'feed', 'proceed', 'exceed', 'succeed', 'united', 'indeed',
  'hundred', 'limited', 'based', 'related', 'advanced', 'detailed', 'armed', 'embed', 'breed', 'greed', 'shed',
  'weed', 'deed', 'heed', 'creed', 'reed', 'sled', 'fled', 'bled', 'wed', 'shred', 'unexpected', 'alleged',
  'so-called', 'called', 'expected', 'scheduled', 'planned', 'concerned', 'interested', 'involved', 'supposed',
]);
const AUX_PAST = new Set(['was', 'were', 'had', 'did', "didn't", "wasn't", "weren't", "hadn't", 'ago', 'yesterday', 'last', 'earlier']);
const PASSIVE_AUX = new Set(['be', 'been', 'being', 'is', 'are', 'will', 'to', 'would', 'was', 'were']);

const WORD = /[A-Za-z]+(?:['’][a-z]+)?/g;

/**
 * The tense cue nearest to [start, end) within its sentence. Reporting verbs ("said") only count
 * when nothing else does: "said it will meet on Tuesday" is about the future.
 */
export function tenseAround(text: string, start: number, end: number, bounds?: [number, number]): Tense {
  const [s, e] = bounds ?? sentenceBounds(text, start, end);
  let best: Tense = null;
  let bestDist = Infinity;
  let report: Tense = null;
  let reportDist = Infinity;
  let prev1 = '';
  let prev2 = '';
  WORD.lastIndex = s;
  for (let m = WORD.exec(text); m && m.index < e; m = WORD.exec(text)) {
    const ws = m.index;
    const we = ws + m[0].length;
    const w = m[0].toLowerCase();
    let t: Tense = null;
    if (ws >= start && we <= end) {
      prev2 = prev1;
      prev1 = w;
      continue;
    }
    if (WEAK.has(w)) t = WEAK_TENSE[w] ?? 'past';
    else if (PLAN.has(w)) t = /^\s+to\s/.test(text.slice(we, we + 5)) ? 'future' : null;
    else if (FUTURE.has(w)) t = 'future';
    else if (PAST.has(w)) t = 'past';
    else if (PRESENT.has(w)) t = 'present';
    else if (
      w.length >= 5 &&
      w.endsWith('ed') &&
      !NOT_PAST_ED.has(w) &&
      (m[0].charCodeAt(0) >= 97 || w.length >= 7) &&
      !PASSIVE_AUX.has(prev1) &&
      !PASSIVE_AUX.has(prev2)
    ) {
      t = 'past';
    }
    // A participle after an auxiliary ("will be held", "to be signed") carries no tense itself.
    if (t === 'past' && !AUX_PAST.has(w) && (PASSIVE_AUX.has(prev1) || PASSIVE_AUX.has(prev2))) t = null;
    if (t) {
      // Words after the expression count a little less than the verb before it.
      const dist = we <= start ? start - we : (ws - end) * 1.2;
      // "said Friday", "Friday said": the adjacent reporting verb dates the expression.
      if (WEAK.has(w) && dist <= 2 && !WEAK_TENSE[w]) return t;
      if (WEAK.has(w)) {
        if (dist < reportDist) {
          report = t;
          reportDist = dist;
        }
      } else if (dist < bestDist) {
        best = t;
        bestDist = dist;
      }
    }
    prev2 = prev1;
    prev1 = w;
  }
  return best ?? report;
}
