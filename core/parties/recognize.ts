/**
 * Named-entity recognition for English news text: who is who (PER), organizations (ORG), places (LOC)
 * and other names (MISC: nationalities, religions, events…), following the CoNLL-2003 conventions.
 *
 * Rule-based and fast: a tokenizer, capitalized-sequence chunking (titles, possessives, sentence-initial
 * capitals and connectors handled), then typing by compact gazetteers and context cues, with a
 * document-level pass that gives repeated names one type. Pure TypeScript, no browser or Node API.
 */
import * as G from './gazetteer/generated.ts';
import * as M from './gazetteer/manual.ts';
import { elisionLength, languageWords, type LanguageWords } from './languages.ts';

export type NameType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NameSpan {
  start: number;
  end: number;
  text: string;
  type: NameType;
}

export interface ExtraName {
  name: string;
  type: NameType;
}

// ------------------------------------------------------------------------------------------------
// Word lists (split once, lazily)

const set = (s: string): Set<string> => new Set(s.split('|').filter(Boolean));

interface Lists {
  countries: Set<string>;
  cities: Set<string>;
  bigCities: Set<string>;
  places: Set<string>;
  demonyms: Set<string>;
  first: Set<string>;
  last: Set<string>;
  common: Set<string>;
  func: Set<string>;
  titleCore: Set<string>;
  titleMod: Set<string>;
  orgSuffix: Set<string>;
  orgHead: Set<string>;
  locHead: Set<string>;
  locSuffix: Set<string>;
  particles: Set<string>;
  connectors: Set<string>;
  nonNames: Set<string>;
  knownOrgs: Set<string>;
  misc: Set<string>;
  miscSuffix: Set<string>;
  directions: Set<string>;
}

let english: Lists | null = null;
const byLanguage = new Map<LanguageWords, Lists>();

/** The word lists, with those of the article's language (if it has its own) added. */
function L(language: LanguageWords | null = null): Lists {
  const base = englishLists();
  if (!language) return base;
  let lists = byLanguage.get(language);
  if (!lists) {
    const func = new Set(base.func);
    for (const w of language.functionWords) func.add(w);
    for (const e of language.elisions) func.add(e + "'").add(e + '’');
    const nonNames = new Set(base.nonNames);
    for (const w of language.nonNames) nonNames.add(w);
    lists = { ...base, func, nonNames };
    byLanguage.set(language, lists);
  }
  return lists;
}

function englishLists(): Lists {
  if (english) return english;
  const misc = set(G.DEMONYMS);
  for (const w of set(M.EXTRA_MISC)) misc.add(w);
  // plural demonyms ("Russians", "Germans")
  for (const w of [...misc]) if (!w.includes(' ') && /[aeiou]n$/.test(w)) misc.add(w + 's');
  english = {
    countries: set(G.COUNTRIES),
    cities: set(G.CITIES),
    bigCities: set(G.BIG_CITIES),
    places: set(M.EXTRA_PLACES),
    demonyms: misc,
    first: set(G.FIRST_NAMES),
    last: set(G.LAST_NAMES),
    common: set(G.COMMON_WORDS),
    func: set(M.FUNCTION_WORDS),
    titleCore: set(M.TITLE_CORE),
    titleMod: set(M.TITLE_MOD),
    orgSuffix: set(M.ORG_SUFFIX),
    orgHead: set(M.ORG_HEAD),
    locHead: set(M.LOC_HEAD),
    locSuffix: set(M.LOC_SUFFIX),
    particles: set(M.NAME_PARTICLES),
    connectors: set(M.CONNECTORS),
    nonNames: set(M.NON_NAMES),
    knownOrgs: set(M.KNOWN_ORGS),
    misc,
    miscSuffix: set(M.MISC_SUFFIX),
    directions: set(M.DIRECTIONS),
  };
  return english;
}

// ------------------------------------------------------------------------------------------------
// Tokenizer

const enum K {
  Word = 1,
  Num = 2,
  Punct = 3,
}

interface Toks {
  n: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** 1 = Capitalized, 2 = ALL CAPS (>= 2 letters), 0 = other */
  cap: Uint8Array;
  /** 1 = "Vienna-based": capitalized word with a lower-case last hyphen part */
  hyl: Uint8Array;
  /** 1 = starts a sentence */
  sent: Uint8Array;
  /** line number of each token */
  line: Int32Array;
  low: string[];
}

const ABBREV = new Set(
  (
    'mr|mrs|ms|dr|st|jr|sr|inc|corp|ltd|co|gen|col|lt|sen|rep|gov|capt|sgt|prof|rev|maj|adm|cmdr|brig|hon|' +
    'vs|v|no|jan|feb|mar|apr|aug|sep|sept|oct|nov|dec|mt|ft|ave|blvd|dept|univ|assn|bros|messrs|gov|pres|supt|' +
    'cpl|pte|gov|fr|sta|ste|mme|mlle|messrs|plc|cie|nos|approx|est|etc|al|ald|op|e.g|i.e'
  ).split('|'),
);

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c !== 0x2019 && c !== 0x2018 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f) && !isSpaceCode(c);
}
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
function isWordCode(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c);
}
function isUpperChar(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function tokenize(text: string, language: LanguageWords | null = null): Toks {
  const cap0 = Math.max(16, (text.length >> 2) + 16);
  let start = new Int32Array(cap0);
  let end = new Int32Array(cap0);
  let kind = new Uint8Array(cap0);
  let lineA = new Int32Array(cap0);
  let n = 0;
  let line = 0;
  const len = text.length;
  const push = (s: number, e: number, k: number): void => {
    if (n === start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as { new (n: number): T })(a.length * 2);
        b.set(a);
        return b;
      };
      start = grow(start);
      end = grow(end);
      kind = grow(kind);
      lineA = grow(lineA);
    }
    start[n] = s;
    end[n] = e;
    kind[n] = k;
    lineA[n] = line;
    n++;
  };
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (c === 10 || c === 0x2028 || c === 0x2029) line++;
      i++;
      continue;
    }
    if (!isWordCode(c)) {
      // surrogate pairs (emoji…) stay one token
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        push(i, i + 2, K.Punct);
        i += 2;
      } else {
        push(i, i + 1, K.Punct);
        i++;
      }
      continue;
    }
    // word: letters/digits with internal ' ’ - . & joining more word characters
    let j = i + 1;
    let hasLetter = isLetterCode(c);
    let hasDot = false;
    for (;;) {
      while (j < len && isWordCode(text.charCodeAt(j))) {
        if (!hasLetter && isLetterCode(text.charCodeAt(j))) hasLetter = true;
        j++;
      }
      if (j + 1 < len) {
        const d = text.charCodeAt(j);
        if ((d === 39 || d === 0x2019 || d === 45 || d === 46 || d === 38 || d === 0x2010 || d === 0x2011) && isWordCode(text.charCodeAt(j + 1))) {
          // "Darmanin's" -> split possessive
          if ((d === 39 || d === 0x2019) && (text.charCodeAt(j + 1) === 115 || text.charCodeAt(j + 1) === 83) && (j + 2 >= len || !isWordCode(text.charCodeAt(j + 2)))) break;
          // a "." joins only letter abbreviations like U.S or e.g, and numbers like 3.5
          if (d === 46) {
            const prevIsLetter = isLetterCode(text.charCodeAt(j - 1));
            const nextIsLetter = isLetterCode(text.charCodeAt(j + 1));
            if (prevIsLetter !== nextIsLetter) break;
            if (prevIsLetter && !(j - 1 === i || text.charCodeAt(j - 2) === 46)) break; // "U.S" yes; "end.Next" no
            hasDot = true;
          }
          j += 2;
          continue;
        }
      }
      break;
    }
    // trailing period of an abbreviation or initial
    if (j < len && text.charCodeAt(j) === 46 && hasLetter) {
      const w = text.slice(i, j);
      if (hasDot || (j - i === 1 && isUpperChar(w)) || ABBREV.has(w.toLowerCase())) j++;
    }
    // an elided article ("l'UMP", "dell'Onu") is a word of its own
    const elided = language && hasLetter ? elisionLength(text.slice(i, j), language) : 0;
    if (elided > 0) {
      push(i, i + elided, K.Word);
      i += elided;
      continue;
    }
    push(i, j, hasLetter ? K.Word : K.Num);
    // possessive 's
    if (j + 1 < len) {
      const d = text.charCodeAt(j);
      if ((d === 39 || d === 0x2019) && (text.charCodeAt(j + 1) === 115 || text.charCodeAt(j + 1) === 83) && (j + 2 >= len || !isWordCode(text.charCodeAt(j + 2)))) {
        push(j, j + 2, K.Punct);
        j += 2;
      }
    }
    i = j;
  }
  const cap = new Uint8Array(n);
  const hyl = new Uint8Array(n);
  const sent = new Uint8Array(n);
  const low: string[] = new Array(n);
  for (let t = 0; t < n; t++) {
    const w = text.slice(start[t], end[t]);
    const lw = w.toLowerCase();
    low[t] = lw;
    if (kind[t] === K.Word) {
      const up = w.toUpperCase();
      const f = w[0];
      if (up === w && lw !== w) {
        let letters = 0;
        for (let q = 0; q < w.length && letters < 2; q++) if (w[q] !== w[q].toLowerCase()) letters++;
        cap[t] = letters >= 2 ? 2 : 1;
        if (letters === 1 && w.length === 1) cap[t] = 3; // single capital letter
      } else if (isUpperChar(f) && w.lastIndexOf('-') > 0 && w.lastIndexOf('-') + 1 < w.length && !isUpperChar(w[w.lastIndexOf('-') + 1]) && !isDigitCode(w.charCodeAt(w.lastIndexOf('-') + 1))) {
        cap[t] = 1;
        hyl[t] = 1;
      } else if (isUpperChar(f)) cap[t] = 1;
      else if (lw !== w) {
        // "al-Assad", "de-Gaulle", "iPhone": capital after a hyphen counts as capitalized
        const h = w.indexOf('-');
        if (h > 0 && h + 1 < w.length && isUpperChar(w[h + 1])) cap[t] = 1;
      }
    }
    // sentence start
    if (t === 0 || lineA[t] !== lineA[t - 1]) sent[t] = 1;
    else {
      const p = low[t - 1];
      if (p === '.' || p === '!' || p === '?' || p === '…' || p === ':' || p === ';' || p === '|') sent[t] = 1;
      else if ((p === '"' || p === '“' || p === '‘' || p === "'" || p === '(' || p === '[' || p === '-' || p === '—' || p === '–' || p === '*' || p === '•') && sent[t - 1]) sent[t] = 1;
      else if (p === '"' || p === '“' || p === '(' || p === '—') sent[t] = 2; // quote-initial: weaker
      else if (kind[t - 1] === K.Word && p.length > 2 && p.endsWith('.') && /^(inc|corp|ltd|co|u\.s|u\.k|jr|sr|etc)\.$/.test(p)) sent[t] = 2;
    }
  }
  return { n, start, end, kind, cap, hyl, sent, line: lineA, low };
}

// ------------------------------------------------------------------------------------------------
// Recognizer

const SAY = new Set(
  'said|says|say|told|added|stated|wrote|argued|explained|insisted|claimed|declared|noted|warned|acknowledged|admitted|announced|asked|replied|recalled|confirmed|denied|urged|predicted|suggested|believes|believed|thinks|thought|agreed|called|criticised|criticized|praised|vowed|pledged|wants|wanted|hopes|hoped|scored|finished|won|lost|beat|struck|hit|shot|played|led|resigned|died|met|visited|spoke'.split(
    '|',
  ),
);
const LOC_PREP = new Set('in|near|outside|across|throughout|inside|around|from|to|into|toward|towards|via|across|between|northern|southern|eastern|western|central|northeast|northwest|southeast|southwest|north|south|east|west'.split('|'));
const PER_VERB_AFTER = new Set('who|whose'.split('|'));
const LOWER_TITLES_PER = new Set(
  'president|minister|premier|secretary|spokesman|spokeswoman|spokesperson|chairman|chairwoman|leader|coach|manager|striker|midfielder|defender|goalkeeper|captain|ambassador|envoy|mayor|governor|senator|general|colonel|commander|director|chief|executive|officer|lawyer|attorney|judge|prosecutor|king|queen|prince|sheikh|analyst|economist|official|negotiator|adviser|advisor|aide|mediator|dealer|trader|boss|champion|player|writer|author|actor|singer|star|son|daughter|wife|husband|brother|sister|father|mother|widow|counterpart|colleague|deputy|founder|partner|candidate|rival|opponent|veteran|teammate|compatriot|predecessor|successor|host'.split(
    '|',
  ),
);
const SPORTS_WORDS = new Set(
  'soccer|football|cricket|tennis|golf|rugby|baseball|basketball|hockey|league|match|innings|goals|halftime|half-time|scorers|scorer|seed|seeded|championship|tournament|wickets|inning|innings|athletics|cycling|racing|prix|standings|drew|defeated|striker|midfielder|goalkeeper|coach|semifinal|semi-final|quarterfinal|quarter-final|nba|nfl|nhl|mlb|uefa|fifa|batsman|bowler|homered|homer|pitcher|touchdown|try|tries|penalty|par|birdie|birdies|bogey|sets|lap|laps|podium|medal|medals|olympic|olympics|squad|striker|keeper|fixture|fixtures|relegation|promoted|club|clubs|cup'.split(
    '|',
  ),
);
interface Cand {
  s: number;
  e: number;
  type: NameType | null;
  /** 3 = gazetteer/strong cue, 2 = context cue, 1 = weak default */
  conf: number;
  key: string;
}

function keyOf(tk: Toks, s: number, e: number): string {
  if (e - s === 1) return tk.low[s];
  let k = tk.low[s];
  for (let i = s + 1; i < e; i++) k += ' ' + tk.low[i];
  return k;
}

/**
 * A recognizer that also knows `extra` names. `lang` is the article's language tag: its function
 * words and elided articles are kept out of names (see languages.ts); other languages read as English.
 */
export function createRecognizer(extra?: ExtraName[]): (text: string, lang?: string | null) => NameSpan[] {
  const extraMap = new Map<string, NameType>();
  for (const x of extra ?? []) {
    if (!x || typeof x.name !== 'string') continue;
    const k = normalizeKey(x.name);
    if (k) extraMap.set(k, x.type);
  }
  return (text: string, lang?: string | null): NameSpan[] => {
    if (typeof text !== 'string' || text.length === 0) return [];
    return recognize(text, extraMap, languageWords(lang));
  };
}

function normalizeKey(name: string): string {
  const tk = tokenize(name);
  return keyOf(tk, 0, tk.n);
}

/** Recognizes person, organization, location and other names in news text (English unless `lang` says otherwise). */
export const recognizeNames: (text: string, lang?: string | null) => NameSpan[] = createRecognizer();

function recognize(text: string, extra: Map<string, NameType>, language: LanguageWords | null): NameSpan[] {
  const W = L(language);
  const tk = tokenize(text, language);
  const n = tk.n;
  const { cap, low, kind, sent, line, hyl } = tk;

  // caseless lines (headlines in capitals): mark tokens
  const caseless = new Uint8Array(n);
  {
    let i = 0;
    while (i < n) {
      let j = i;
      let upper = 0;
      let words = 0;
      while (j < n && line[j] === line[i]) {
        if (kind[j] === K.Word) {
          words++;
          if (cap[j] >= 2) upper++;
        }
        j++;
      }
      if (upper >= 1 && upper >= words * 0.75 && (upper >= 2 || words === 1)) for (let q = i; q < j; q++) caseless[q] = 1;
      i = j;
    }
  }

  // sports document?
  let sportsScore = 0;
  for (let i = 0; i < n; i++) {
    if (SPORTS_WORDS.has(low[i])) sportsScore++;
    else if (kind[i] === K.Num && i + 1 < n && kind[i + 1] === K.Num) sportsScore += 0.5;
  }
  const sports = sportsScore >= 3 && sportsScore >= n / 120;

  const isCapWord = (i: number): boolean => kind[i] === K.Word && cap[i] !== 0 && !caseless[i];
  const gazType = (k: string, s: number, e: number): NameType | null => {
    const x = extra.get(k);
    if (x) return x;
    const single = e - s === 1;
    // short or common single words need their real case to match ("US", "WHO" but not "us", "Who")
    if (single && (W.func.has(k) || (k.length <= 3 && cap[s] !== 2 && !k.includes('.')))) {
      if (!(cap[s] === 2 || (sent[s] === 0 && !W.func.has(k)))) return null;
    }
    if (W.knownOrgs.has(k)) return 'ORG';
    if (W.countries.has(k) || W.places.has(k)) return 'LOC';
    if (W.demonyms.has(k)) return 'MISC';
    if (W.cities.has(k)) return 'LOC';
    return null;
  };

  const cands: Cand[] = [];

  // ---------------------------------------------------------------- pass 1: chunking
  let i = 0;
  while (i < n) {
    if (!isCapWord(i) || W.nonNames.has(low[i])) {
      i++;
      continue;
    }
    if (hyl[i]) {
      // "Vienna-based", "French-made", "Ireland-born": MISC in the CoNLL convention
      cands.push({ s: i, e: i + 1, type: 'MISC', conf: 3, key: low[i] });
      i++;
      continue;
    }
    let s = i;
    let j = i + 1;
    let hasOrgHead = W.orgHead.has(low[i]) || W.locHead.has(low[i]);
    let hasOf = false;
    while (j < n && line[j] === line[s]) {
      if (isCapWord(j) && !W.nonNames.has(low[j]) && !hyl[j]) {
        if (W.orgHead.has(low[j]) || W.locHead.has(low[j])) hasOrgHead = true;
        j++;
        continue;
      }
      // "of the" / "for the" inside org names and title phrases
      if (
        j + 2 < n &&
        (low[j] === 'of' || low[j] === 'for') &&
        low[j + 1] === 'the' &&
        isCapWord(j + 2) &&
        line[j + 2] === line[s] &&
        !W.nonNames.has(low[j + 2]) &&
        (hasOrgHead || W.titleCore.has(low[j - 1]))
      ) {
        hasOf = true;
        j += 2;
        continue;
      }
      // two particles between name words: "Ursula von der Leyen", "Laure de la Raudière"
      if (
        j + 2 < n &&
        W.particles.has(low[j]) &&
        W.particles.has(low[j + 1]) &&
        cap[j] === 0 &&
        cap[j + 1] === 0 &&
        kind[j] === K.Word &&
        kind[j + 1] === K.Word &&
        isCapWord(j + 2) &&
        line[j + 2] === line[s] &&
        !W.nonNames.has(low[j + 2]) &&
        !W.func.has(low[j - 1]) &&
        !hasOrgHead
      ) {
        j += 2;
        continue;
      }
      // joining connectors and particles followed by a capitalized word
      if (j + 1 < n && isCapWord(j + 1) && line[j + 1] === line[s] && !W.nonNames.has(low[j + 1])) {
        const w = low[j];
        if (W.particles.has(w) && kind[j] === K.Word && cap[j] === 0) {
          // "bin Laden", "van Gaal", "de Gaulle": only between name-like words
          if (!W.connectors.has(w) || !hasOrgHead) {
            if (w === 'de' || w === 'la' || w === 'le' || w === 'da' || w === 'di' || w === 'y') {
              if (W.func.has(low[j - 1])) break;
            }
            j += 1;
            continue;
          }
        }
        if (W.connectors.has(w) && cap[j] === 0) {
          const ok =
            w === '&' ||
            ((w === 'of' || w === 'for' || w === 'on' || w === 'de' || w === 'du' || w === 'des' || w === 'del' || w === 'against' || w === 'in') && hasOrgHead) ||
            ((w === 'and' || w === 'the') && hasOf && hasOrgHead) ||
            (w === 'the' && low[j - 1] === 'of' && hasOrgHead) ||
            ((w === 'of' || w === 'for') && W.titleCore.has(low[j - 1])) ||
            (w === 'the' && (low[j - 1] === 'of' || low[j - 1] === 'for') && j >= 2 && W.titleCore.has(low[j - 2]));
          if (ok) {
            if (w === 'of' || w === 'for') hasOf = true;
            j++;
            continue;
          }
        }
      }
      break;
    }
    // trailing connector (shouldn't happen) guard
    while (j - 1 > s && cap[j - 1] === 0) j--;
    splitChunk(s, j);
    i = j;
  }

  function isTitleTok(w: string): boolean {
    if (W.titleCore.has(w)) return true;
    if (w.indexOf('-') > 0) {
      const parts = w.split('-');
      return parts.every((x) => W.titleCore.has(x) || W.titleMod.has(x)) && parts.some((x) => W.titleCore.has(x));
    }
    return false;
  }

  /** Splits a chunk at a title inside it ("… Administration Director Branko Bilbija") and after leading demonyms. */
  function splitChunk(s: number, e: number): void {
    // all single letters ("W D L"): table headers, not names
    let allLetters = true;
    for (let q = s; q < e; q++) if (cap[q] !== 3) allLetters = false;
    if (allLetters) return;
    for (let p = s + 1; p < e - 1; p++) {
      if (!isTitleTok(low[p]) || cap[p] === 0) continue;
      if (!isCapWord(p + 1)) continue;
      const restFirst = low[p + 1];
      if (W.orgSuffix.has(low[e - 1]) || W.locSuffix.has(low[e - 1])) break;
      if (!(W.first.has(restFirst) || e - (p + 1) >= 2)) continue;
      if (W.titleCore.has(low[p - 1]) || W.titleMod.has(low[p - 1])) continue; // part of a longer title
      processChunk(s, p);
      const k = keyOf(tk, p + 1, e);
      cands.push({ s: p + 1, e, type: 'PER', conf: 3, key: k });
      return;
    }
    // leading demonyms: "American Dennis Mitchell", "Australian Rodney Eyles"
    if (e - s >= 2 && W.demonyms.has(low[s]) && !W.countries.has(low[s]) && !sent[s]) {
      let q = s;
      while (q < e && W.demonyms.has(low[q])) q++;
      if (q === e) {
        cands.push({ s, e, type: 'MISC', conf: 3, key: keyOf(tk, s, e) });
        return;
      }
      if (q < e && cap[q] !== 0 && gazType(keyOf(tk, s, e), s, e) === null && !W.miscSuffix.has(low[e - 1])) {
        for (let r = s; r < q; r++) cands.push({ s: r, e: r + 1, type: 'MISC', conf: 3, key: low[r] });
        processChunk(q, e);
        return;
      }
    }
    processChunk(s, e);
  }

  function processChunk(s0: number, e0: number): void {
    // an acronym before a first name is a party label or an employer, not part of the name ("the UMP Laure …")
    if (e0 - s0 >= 3 && cap[s0] === 2 && W.first.has(low[s0 + 1]) && cap[s0 + 1] === 1 && !isWholeKnown(s0, e0)) {
      processChunk(s0, s0 + 1);
      processChunk(s0 + 1, e0);
      return;
    }
    let s = s0;
    const e = e0;
    // sentence-initial capital of a common word: drop it
    while (s < e && sent[s] && !isWholeKnown(s, e)) {
      const w = low[s];
      if (cap[s] === 2 && w.length <= 5) break; // acronym
      const isFunc = W.func.has(w);
      const isCommon = W.common.has(w);
      if (!isFunc && !isCommon) break;
      if (!isFunc) {
        if (W.countries.has(w) || W.bigCities.has(w) || W.places.has(w) || W.knownOrgs.has(w) || W.demonyms.has(w)) break;
        if (e - s >= 2 && (W.first.has(w) || W.titleCore.has(w) || W.titleMod.has(w) || W.orgHead.has(w) || W.locHead.has(w))) break;
        if (e - s >= 2 && isCapWord(s + 1) && (W.orgSuffix.has(low[e - 1]) || W.locSuffix.has(low[e - 1]))) break;
        if (e - s === 1 && e < n && low[e] === ',' && e + 2 < n && kind[e + 1] === K.Num && low[e + 1].length <= 3 && low[e + 2] === ',') break; // "Smith, 45,"
        if (e - s === 1 && (W.last.has(w) || W.first.has(w)) && e < n && SAY.has(low[e])) break;
      }
      s++;
      while (s < e && cap[s] === 0) s++;
    }
    if (s >= e) return;
    // title prefix: [place/demonym]* [title-mod]* title-core, followed by the name
    let personCue = false;
    {
      let p = s;
      let lastCore = -1;
      while (p < e - 1) {
        const w = low[p];
        if (isTitleTok(w)) lastCore = p;
        else if (!(W.titleMod.has(w) || W.demonyms.has(w) || W.countries.has(w) || W.places.has(w) || w === 'of' || w === 'the' || w === 'for')) break;
        p++;
      }
      // "Minister of the Interior", "Secretary for Foreign Affairs": the portfolio belongs to the title
      if (lastCore >= 0 && lastCore + 1 < e && (low[lastCore + 1] === 'of' || low[lastCore + 1] === 'for')) {
        let q = lastCore + 2;
        if (q < e && low[q] === 'the') q++;
        while (q < e && (W.titleMod.has(low[q]) || W.common.has(low[q]) || W.func.has(low[q]))) q++;
        lastCore = q - 1;
        if (q >= e) {
          for (let r = s; r < e; r++) {
            const t = gazType(low[r], r, r + 1);
            if (t === 'LOC' || t === 'MISC') cands.push({ s: r, e: r + 1, type: t, conf: 3, key: low[r] });
          }
          return;
        }
      } else if (p >= e - 1 && isTitleTok(low[e - 1]) && (e - s >= 2 || lastCore >= 0 || !sent[s])) {
        // the chunk is only a title ("French Minister"): keep its place/demonym words
        for (let r = s; r < e; r++) {
          const t = gazType(low[r], r, r + 1);
          if (t === 'LOC' || t === 'MISC') cands.push({ s: r, e: r + 1, type: t, conf: 3, key: low[r] });
        }
        return;
      }
      if (lastCore >= 0) {
        const ns = lastCore + 1;
        let rest = ns;
        while (rest < e && cap[rest] === 0) rest++;
        if (rest < e && !restIsOrgOrLoc(rest, e)) {
          // emit leading place/demonym inside the title phrase ("French Interior Minister", "U.S. President")
          for (let q = s; q < lastCore; q++) {
            const t = gazType(low[q], q, q + 1);
            if (t === 'LOC' || t === 'MISC') {
              if (W.titleMod.has(low[q]) && t !== 'MISC' && t !== 'LOC') continue;
              cands.push({ s: q, e: q + 1, type: t, conf: 3, key: low[q] });
            }
          }
          s = rest;
          personCue = true;
        }
      }
    }
    if (s >= e) return;
    // "Secretary of State Madeleine Albright"
    if (s > 1 && low[s] === 'state' && low[s - 1] === 'of' && e - s > 1) {
      s++;
      personCue = true;
    }
    if (e - s === 1 && !personCue && (W.directions.has(low[s]) || cap[s] === 3 || W.titleCore.has(low[s]))) return;
    const key = keyOf(tk, s, e);
    cands.push({ s, e, type: personCue ? 'PER' : null, conf: personCue ? 3 : 0, key });
  }

  function isWholeKnown(s: number, e: number): boolean {
    if (e - s < 2) return false;
    const k = keyOf(tk, s, e);
    return gazType(k, s, e) !== null;
  }

  function restIsOrgOrLoc(s: number, e: number): boolean {
    const k = keyOf(tk, s, e);
    if (W.knownOrgs.has(k) || W.countries.has(k) || W.places.has(k)) return true;
    if (W.orgSuffix.has(low[e - 1]) && !(e - s >= 2 && W.first.has(low[s]))) return true;
    if (W.orgHead.has(low[s]) && e - s >= 2) return true;
    return false;
  }

  // ---------------------------------------------------------------- pass 2: typing
  const docType = new Map<string, NameType>();
  for (const c of cands) {
    if (!c.type) typeChunk(c);
    if (c.type && c.conf >= 2) {
      if (!docType.has(c.key)) docType.set(c.key, c.type);
      if (c.type === 'PER' && c.e - c.s >= 2 && c.conf >= 3) {
        const lastTok = low[c.e - 1];
        if (!docType.has(lastTok) && cap[c.e - 1] !== 2) docType.set(lastTok, 'PER');
        const firstTok = low[c.s];
        if (!docType.has(firstTok) && !W.first.has(firstTok)) docType.set(firstTok, 'PER');
      }
    }
  }
  // pass 3: document consistency for weakly typed candidates
  for (const c of cands) {
    if (c.conf >= 3) continue;
    const d = docType.get(c.key);
    if (d && c.conf < 2) {
      c.type = d;
      c.conf = 2;
    } else if (!d && c.e - c.s === 1 && cap[c.s] !== 2 && W.common.has(c.key)) {
      // a lone capitalized common word ("Second", "Bowling") with no stronger evidence
      c.type = null;
    }
  }

  function typeChunk(c: Cand): void {
    const { s, e, key } = c;
    const len = e - s;
    const g = gazType(key, s, e);
    if (g) {
      c.type = g;
      c.conf = 3;
      if (sports && g === 'LOC' && !W.countries.has(key) && !W.places.has(key) && sportsCtx(s, e)) c.type = 'ORG';
      return;
    }
    const first = low[s];
    const lastW = low[e - 1];
    if (len >= 2 && W.miscSuffix.has(lastW)) {
      c.type = 'MISC';
      c.conf = 3;
      return;
    }
    // org by suffix / head
    if (len >= 2 && W.locSuffix.has(lastW) && !W.orgSuffix.has(lastW)) {
      c.type = sports && sportsCtx(s, e) ? 'ORG' : 'LOC';
      c.conf = 3;
      return;
    }
    if ((len >= 2 || cap[s] === 2) && W.orgSuffix.has(lastW)) {
      c.type = 'ORG';
      c.conf = 3;
      return;
    }
    let republicOf = false;
    for (let q = s; q + 1 < e; q++) if (low[q + 1] === 'of' && (low[q] === 'republic' || low[q] === 'kingdom' || low[q] === 'emirate' || low[q] === 'sultanate' || low[q] === 'principality')) republicOf = true;
    if ((len >= 3 && W.locHead.has(first) && low[s + 1] === 'of') || republicOf) {
      c.type = 'LOC';
      c.conf = 3;
      return;
    }
    if (len >= 2 && W.orgHead.has(first) && (low[s + 1] === 'of' || low[s + 1] === 'for' || W.orgSuffix.has(lastW))) {
      c.type = 'ORG';
      c.conf = 3;
      return;
    }
    // "Dynamo Moscow", "Inter Milan", "San Francisco Giants": a place inside a longer name
    if (len >= 2 && !W.first.has(first)) {
      let placeAt = -1;
      for (let q = s; q < e; q++) {
        const w = low[q];
        if (W.countries.has(w) || W.places.has(w) || W.cities.has(w)) placeAt = q;
      }
      if (placeAt < 0 && len >= 3) {
        // two-word places: "San Francisco Giants"
        for (let q = s; q + 1 < e; q++) {
          const w2 = low[q] + ' ' + low[q + 1];
          if (W.cities.has(w2) || W.places.has(w2) || W.countries.has(w2)) placeAt = q;
        }
      }
      if (placeAt >= 0 && (sports || !W.last.has(lastW))) {
        c.type = 'ORG';
        c.conf = 2;
        return;
      }
    }
    // acronyms
    if (len === 1 && cap[s] === 2 && first.length <= 6) {
      c.type = 'ORG';
      c.conf = 2;
      return;
    }
    // person names
    const hasInitial = (() => {
      for (let q = s; q < e; q++) if (low[q].length === 2 && low[q][1] === '.') return true;
      return false;
    })();
    let orgInside = false;
    for (let q = s; q < e; q++) if (W.orgSuffix.has(low[q]) || W.orgHead.has(low[q])) orgInside = true;
    if (len >= 2 && len <= 4 && !orgInside) {
      if (W.first.has(first) || hasInitial || (W.last.has(lastW) && !W.common.has(lastW))) {
        c.type = 'PER';
        c.conf = 3;
        return;
      }
    }
    // context
    const prev = s > 0 ? low[s - 1] : '';
    const prev2 = s > 1 ? low[s - 2] : '';
    const next = e < n ? low[e] : '';
    // cricket scorecards: "c Healy b Muralitharan"
    if (sports && (prev === 'b' || prev === 'c' || prev === 'st' || prev === 'lbw') && s > 0 && cap[s - 1] === 0) {
      c.type = 'PER';
      c.conf = 2;
      return;
    }
    // results lists: "Pete Sampras ( U.S. )"
    if (len >= 2 && next === '(' && e + 2 < n && low[e + 2] === ')' && gazType(low[e + 1], e + 1, e + 2) === 'LOC') {
      c.type = 'PER';
      c.conf = 2;
      return;
    }
    if (LOWER_TITLES_PER.has(prev) && cap[s - 1] === 0 && !orgInside) {
      c.type = 'PER';
      c.conf = 2;
      return;
    }
    if (next === ',' && e + 2 < n && kind[e + 1] === K.Num && low[e + 2] === ',' && low[e + 1].length <= 3) {
      c.type = 'PER';
      c.conf = 3;
      return;
    }
    if (e < n && low[e].endsWith('-based')) {
      c.type = 'LOC';
      c.conf = 2;
      return;
    }
    if (orgInside) {
      c.type = 'ORG';
      c.conf = 2;
      return;
    }
    if (sports && sportsCtx(s, e)) {
      c.type = len === 1 && !W.first.has(first) && !W.last.has(first) ? 'ORG' : 'PER';
      c.conf = 1;
      return;
    }
    if (SAY.has(next) || PER_VERB_AFTER.has(next) || (next === ',' && e + 1 < n && PER_VERB_AFTER.has(low[e + 1]))) {
      c.type = 'PER';
      c.conf = len >= 2 ? 2 : 1;
      return;
    }
    if (LOC_PREP.has(prev) && cap[s - 1] === 0 && len <= 2) {
      c.type = 'LOC';
      c.conf = 1;
      return;
    }
    if (prev === 'the' || prev2 === 'the') {
      c.type = 'ORG';
      c.conf = 1;
      return;
    }
    if (len >= 2 && len <= 3) {
      c.type = 'PER';
      c.conf = 1;
      return;
    }
    if (W.first.has(first) || W.last.has(first)) {
      c.type = 'PER';
      c.conf = 1;
      return;
    }
    c.type = 'ORG';
    c.conf = 0;
  }

  function isDate(t: number): boolean {
    const w = low[t];
    return w.length >= 8 && /^\d{4}-\d\d-\d\d$|^\d\d?[-/]\d\d?[-/]\d{2,4}$/.test(w);
  }

  function sportsCtx(s: number, e: number): boolean {
    const pv = s > 0 ? low[s - 1] : '';
    if ((LOC_PREP.has(pv) && pv !== 'to' && pv !== 'with') || pv === 'at' || pv === 'of') return false;
    if (e < n && isDate(e)) return false;
    const nx = e < n ? low[e] : '';
    if (pv === '(' || nx === ')' || pv === ',' || (nx === ',' && sent[s])) return false;
    // a city or region named in sports reporting is usually the team, except as a venue or origin
    if (!caseless[s] && W.cities.has(keyOf(tk, s, e))) return true;
    const next = e < n ? low[e] : '';
    const prev = s > 0 ? low[s - 1] : '';
    if (e < n && kind[e] === K.Num && !isDate(e)) return true;
    if (caseless[s] && next === 'at') return true;
    if (next === 'beat' || next === 'v' || next === 'vs' || next === 'v.' || next === 'drew' || next === 'lost' || next === 'won' || next === 'defeated' || next === 'scored') return true;
    if (prev === 'beat' || prev === 'v' || prev === 'vs' || prev === 'v.' || prev === 'against' || prev === 'with' || prev === 'to' || prev === 'defeated') return true;
    return false;
  }

  // ---------------------------------------------------------------- caseless lines
  const spans: NameSpan[] = [];
  for (const c of cands) {
    if (!c.type || c.conf < 1) continue;
    spans.push({ start: tk.start[c.s], end: tk.end[c.e - 1], text: '', type: c.type });
  }
  {
    let q = 0;
    while (q < n) {
      if (!caseless[q] || kind[q] !== K.Word) {
        q++;
        continue;
      }
      let matched = 0;
      let mType: NameType | null = null;
      for (let len = 4; len >= 1 && !matched; len--) {
        if (q + len > n) continue;
        let ok = true;
        for (let r = q; r < q + len; r++) if (kind[r] !== K.Word || !caseless[r] || line[r] !== line[q]) ok = false;
        if (!ok) continue;
        const k = keyOf(tk, q, q + len);
        const strongLoc = W.countries.has(k) || W.places.has(k) || (W.bigCities.has(k) && !W.common.has(k)) ? 'LOC' : null;
        const t = extra.get(k) ?? strongLoc ?? docType.get(k) ?? (len > 1 || !W.common.has(k) ? caselessGaz(k) : null);
        if (t) {
          matched = len;
          mType = t;
        }
      }
      if (matched && mType) {
        if (sports && mType === 'LOC' && !W.countries.has(keyOf(tk, q, q + matched)) && sportsCtx(q, q + matched)) mType = 'ORG';
        spans.push({ start: tk.start[q], end: tk.end[q + matched - 1], text: '', type: mType });
        q += matched;
      } else q++;
    }
  }
  function caselessGaz(k: string): NameType | null {
    if (W.func.has(k)) return null;
    if (W.knownOrgs.has(k) && k.length > 3) return 'ORG';
    if (W.countries.has(k) || W.places.has(k) || W.cities.has(k)) return 'LOC';
    if (W.demonyms.has(k)) return 'MISC';
    return null;
  }

  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NameSpan[] = [];
  let lastEnd = -1;
  for (const sp of spans) {
    if (sp.start < lastEnd) continue;
    sp.text = text.slice(sp.start, sp.end);
    out.push(sp);
    lastEnd = sp.end;
  }
  return out;
}
