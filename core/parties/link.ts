/**
 * Finds the named parties of an article and links them to the knowledge file.
 *
 * Two sources of mentions are merged:
 *  1. the knowledge file's names (gazetteer matching, longest first), interpreted the way news
 *     writing uses them: possessives and demonyms before institutions ("Azerbaijan's Foreign
 *     Ministry", "French National Assembly"), capitals standing for governments ("Baku said"),
 *     surnames after a full mention ("Darmanin"), "the ministry" for the ministry just named;
 *  2. the recognizer's names (people, organizations, places the knowledge file does not know).
 * Ambiguous names are resolved by context (which other entries the article names); when the
 * context does not decide, the mention stays unlinked rather than linked wrongly.
 */
import type { KnowledgeBase, NameCandidate } from '../knowledge/base';
import type { EntryHead, NameKind } from '../knowledge/pack';
import { normalizeName } from '../knowledge/normalize';
import type { Mention, Party, PartyType } from '../types';
import { tokenize, type Token } from './tokenize';

/** A name the recognizer found; see recognize.ts. */
export interface RecognizedName {
  start: number;
  end: number;
  text: string;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
}

interface Match {
  start: number;
  end: number;
  /** Token range [first, last). */
  first: number;
  last: number;
  candidates: NameCandidate[];
}

interface Resolved {
  start: number;
  end: number;
  entry: EntryHead | null;
  /** For unlinked mentions: the type and the name to group by. */
  type: PartyType;
  name: string;
}

const KIND_WEIGHT: Record<NameKind, number> = {
  name: 1,
  alias: 0.9,
  acronym: 0.9,
  misspelling: 0.85,
  translation: 0.8,
  demonym: 0.8,
  former: 0.7,
  capital: 0.6,
  surname: 0.6,
  titled: 0.9,
};

/** Prepositions after which a capital is the city itself, not its government. */
const LOCATIVE = new Set(['in', 'at', 'from', 'to', 'near', 'outside', 'around', 'across', 'into', 'via', 'visit', 'visited', 'visiting', 'of']);

/** Words that head an institution after a country, demonym or possessive ("Foreign Ministry"). */
const INSTITUTION_HEADS = new Set([
  'parliament', 'government', 'ministry', 'assembly', 'congress', 'senate', 'council', 'army', 'navy',
  'military', 'president', 'presidency', 'cabinet', 'embassy', 'court', 'police', 'committee', 'office',
  'foreign', 'defence', 'defense', 'interior', 'national', 'supreme', 'central', 'federal', 'state',
]);

/** Heads of "the ministry"-style references to an organization named shortly before. */
const ANAPHOR_HEADS = new Set(['ministry', 'parliament', 'assembly', 'congress', 'committee', 'council', 'agency', 'court', 'commission', 'alliance', 'bloc', 'group', 'company']);
const ANAPHOR_WINDOW = 1500;

const RECOGNIZED_TYPE: Record<RecognizedName['type'], PartyType | null> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: null,
};

function isAcronymMatch(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (!tokens[i]!.allCaps) return false;
  return true;
}

/** Gazetteer pass: longest knowledge-file name at each capitalized token. */
function matchNames(tokens: Token[], kb: KnowledgeBase): Match[] {
  const matches: Match[] = [];
  const maxWords = kb.maxNameWords;
  for (let i = 0; i < tokens.length; ) {
    const head = tokens[i]!;
    const startsWithThe = head.key === 'the';
    if (!head.upper && !startsWithThe) {
      i++;
      continue;
    }
    let found: Match | null = null;
    let key = '';
    for (let j = i; j < tokens.length && j - i < maxWords; j++) {
      const t = tokens[j]!;
      key = j === i ? t.key : `${key} ${t.key}`;
      if (!kb.hasNamePrefix(key)) break;
      // A possessive inside a name: "People's Daily", "People's Liberation Army".
      const inner = t.possessive && kb.hasNamePrefix(`${key}'s`);
      if (inner) key = `${key}'s`;
      const nameStart = startsWithThe ? i + 1 : i;
      if (j >= nameStart && tokens[nameStart]?.upper && kb.hasName(key)) {
        const acronym = isAcronymMatch(tokens, nameStart, j + 1);
        const candidates = kb.lookupNormalized(key).filter((c) => c.kind !== 'acronym' || acronym);
        if (candidates.length > 0) {
          found = { start: head.start, end: t.end, first: i, last: j + 1, candidates };
        }
      }
      // After "People's" the name goes on over the "'s " (three characters) to the next word.
      if (!t.joinsNext && !(inner && tokens[j + 1] && tokens[j + 1]!.start - t.end === 3)) break;
    }
    if (found) {
      // "Vice President Biden": the mention is the surname; the title only said who it is.
      if (found.candidates.every((c) => c.kind === 'titled')) {
        while (found.first < found.last - 1 && TITLE_WORDS.has(tokens[found.first]!.key)) found.first++;
        found.start = tokens[found.first]!.start;
      }
      matches.push(found);
      i = found.last;
    } else {
      i++;
    }
  }
  return matches;
}

/**
 * "Azerbaijan's Foreign Ministry", "French National Assembly", "Azerbaijani parliament": a country
 * (by name, demonym or possessive) followed by an institution that the knowledge file knows as
 * "<institution> of <country>", "<country> <institution>" or "<demonym> <institution>".
 */
function composeInstitution(match: Match, tokens: Token[], kb: KnowledgeBase): Match | null {
  const country = match.candidates.find((c) => c.entry.type === 'country');
  if (!country) return null;
  const lastToken = tokens[match.last - 1]!;
  if (!lastToken.possessive && !lastToken.joinsNext) return null;
  const heads: Token[] = [];
  for (let j = match.last; j < tokens.length && heads.length < 5; j++) {
    const t = tokens[j]!;
    if (!t.upper && !INSTITUTION_HEADS.has(t.key)) break;
    heads.push(t);
    if (!t.joinsNext) break;
  }
  const countryKey = normalizeName(country.entry.name);
  const ownKey = tokens
    .slice(match.first, match.last)
    .map((t) => t.key)
    .join(' ');
  for (let n = heads.length; n >= 1; n--) {
    const headKey = heads
      .slice(0, n)
      .map((t) => t.key)
      .join(' ');
    for (const key of [`${headKey} of ${countryKey}`, `${countryKey} ${headKey}`, `${ownKey} ${headKey}`, `${headKey} ${countryKey}`]) {
      const hits = kb.lookupNormalized(key).filter((c) => c.entry.type !== 'country');
      if (hits.length > 0) {
        return { start: match.start, end: heads[n - 1]!.end, first: match.first, last: match.last + n, candidates: hits };
      }
    }
  }
  return null;
}

function precededByLocative(tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  return prev !== undefined && !prev.upper && LOCATIVE.has(prev.key);
}

export function linkParties(
  text: string,
  kb: KnowledgeBase,
  recognized: readonly RecognizedName[] = [],
  tokens: Token[] = tokenize(text),
): Party[] {
  const matches = matchNames(tokens, kb);

  // Institutions composed from a country and what follows it; the country keeps its own mention.
  const composed: Match[] = [];
  for (const m of matches) {
    const c = composeInstitution(m, tokens, kb);
    if (c) composed.push(c);
  }
  const all = [...matches, ...composed.filter((c) => !matches.some((m) => m.start === c.start && m.end === c.end))];

  // Entries named unambiguously by a strong form: the context that resolves everything else.
  const strong = new Set<string>();
  for (const m of all) {
    const ids = new Set(m.candidates.map((c) => c.entry.id));
    if (ids.size === 1 && m.candidates.some((c) => c.kind !== 'surname' && c.kind !== 'capital')) {
      strong.add(m.candidates[0]!.entry.id);
    }
  }
  // A surname alone names a person the article never names in full ("President Trump" in house
  // styles that drop first names) when only one entry has that surname and the article makes it
  // plain: a title right before it, or the surname used again and again.
  const surnameUses = new Map<string, { count: number; titled: boolean }>();
  for (const m of all) {
    const surnames = m.candidates.filter((c) => c.kind === 'surname');
    if (surnames.length !== 1 || m.candidates.length !== 1) continue;
    const id = surnames[0]!.entry.id;
    const use = surnameUses.get(id) ?? { count: 0, titled: false };
    use.count++;
    if (m.first > 0 && TITLES.has(tokens[m.first - 1]!.key)) use.titled = true;
    surnameUses.set(id, use);
  }
  for (const [id, use] of surnameUses) if (use.titled || use.count >= 3) strong.add(id);

  const related = new Set<string>();
  for (const id of strong) for (const r of kb.entry(id)?.related ?? []) related.add(r);
  // A surname no one is named by in full can still be the one namesake tied to a person or body the
  // article does name ("Williams" in a story naming Mike Pence, whose aide she was). Ties through a
  // country do not count: nearly everyone is tied to one.
  const named = new Set([...strong].filter((id) => kb.entry(id)?.type !== 'country'));
  const tiedToNamed = (entry: EntryHead) => entry.related.some((r) => named.has(r)) || [...named].some((id) => kb.entry(id)?.related.includes(entry.id));

  const resolved: Resolved[] = [];
  for (const m of all) {
    const r = resolveMatch(m, tokens, text, strong, related, tiedToNamed);
    if (r) resolved.push(r);
  }

  resolveAnaphora(tokens, resolved);

  // Recognized names the knowledge file does not cover.
  const covered = (start: number, end: number) => resolved.some((r) => r.start < end && start < r.end);
  for (const name of recognized) {
    const type = RECOGNIZED_TYPE[name.type];
    if (!type || covered(name.start, name.end)) continue;
    resolved.push({ start: name.start, end: name.end, entry: null, type, name: name.text });
  }

  return groupParties(text, resolved);
}

/** Words that, right before a surname, show it names a person in office or of note. */
const TITLES = new Set(['president', 'mr', 'mrs', 'ms', 'dr', 'minister', 'chancellor', 'senator', 'sen', 'rep', 'gov', 'governor', 'king', 'queen', 'prince', 'general', 'gen', 'secretary', 'premier', 'leader', 'ayatollah', 'sheikh', 'pope', 'speaker', 'judge', 'justice', 'commissioner', 'ambassador', 'envoy', 'chairman', 'mayor']);
/** The words of the titles in `titled` name forms (see officeTitles in the knowledge compiler). */
const TITLE_WORDS = new Set([...TITLES, 'vice', 'prime', 'deputy', 'attorney', 'supreme', 'crown', 'taoiseach', 'tanaiste', 'emir']);

function resolveMatch(
  m: Match,
  tokens: Token[],
  text: string,
  strong: Set<string>,
  related: Set<string>,
  tiedToNamed: (entry: EntryHead) => boolean,
): Resolved | null {
  const mentionText = text.slice(m.start, m.end);
  const base = (entry: EntryHead | null, type: PartyType, name = mentionText): Resolved => ({ start: m.start, end: m.end, entry, type, name });

  // A capital after "in", "from"… is the city; otherwise it stands for the country's government.
  const locative = precededByLocative(tokens, m.first);
  // (Only when no namesake is named in full: then the surname is that one's.)
  const tied = m.candidates.some((c) => strong.has(c.entry.id)) ? [] : m.candidates.filter((c) => c.kind === 'surname' && tiedToNamed(c.entry));
  const usable = m.candidates.filter((c) => {
    if (c.kind === 'surname') return strong.has(c.entry.id) || (tied.length === 1 && tied[0] === c);
    if (c.kind === 'capital') return !locative;
    return true;
  });
  if (usable.length === 0) {
    return m.candidates.some((c) => c.kind === 'capital') ? base(null, 'place') : null;
  }

  const scores = new Map<string, { entry: EntryHead; score: number }>();
  for (const c of usable) {
    let score = KIND_WEIGHT[c.kind];
    if (strong.has(c.entry.id)) score += 0.4;
    if (related.has(c.entry.id)) score += 0.3;
    const prev = scores.get(c.entry.id);
    if (!prev || prev.score < score) scores.set(c.entry.id, { entry: c.entry, score });
  }
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  const second = ranked[1];
  if (second && best.score - second.score < 0.3) {
    // Context does not decide: keep the mention, unlinked, when its candidates agree on a type.
    const types = new Set(ranked.map((r) => r.entry.type));
    return types.size === 1 ? base(null, best.entry.type) : null;
  }
  return base(best.entry, best.entry.type, best.entry.name);
}

/** "the ministry" → the organization with "ministry" in its name named most recently before. */
function resolveAnaphora(tokens: Token[], resolved: Resolved[]): void {
  const orgs = resolved.filter((r) => r.entry?.type === 'organization').sort((a, b) => a.start - b.start);
  if (orgs.length === 0) return;
  for (let i = 1; i < tokens.length; i++) {
    const the = tokens[i - 1]!;
    const head = tokens[i]!;
    if (the.key !== 'the' || head.upper || !ANAPHOR_HEADS.has(head.key)) continue;
    const next = tokens[i + 1];
    if (head.joinsNext && next && next.upper) continue; // "the ministry Foo": a name follows
    let antecedent: Resolved | undefined;
    for (const o of orgs) {
      if (o.start >= the.start) break;
      if (the.start - o.end > ANAPHOR_WINDOW) continue;
      if (normalizeName(o.entry!.name).split(' ').includes(head.key) || o.name.toLowerCase().includes(head.key)) antecedent = o;
    }
    if (antecedent && !resolved.some((r) => r.start < head.end && the.start < r.end)) {
      resolved.push({ start: the.start, end: head.end, entry: antecedent.entry, type: antecedent.type, name: antecedent.name });
    }
  }
}

/** One party per entry (or per unlinked name), mentions in text order, most-mentioned first. */
function groupParties(text: string, resolved: Resolved[]): Party[] {
  const parties = new Map<string, Party>();
  const unlinkedPeople: Party[] = [];
  resolved.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const r of resolved) {
    const mention: Mention = { start: r.start, end: r.end, text: text.slice(r.start, r.end) };
    let key = r.entry ? `id:${r.entry.id}` : `name:${r.type}:${normalizeName(r.name)}`;
    if (!r.entry && r.type === 'person') {
      // "Smith" after "John Smith": the same person.
      const norm = normalizeName(r.name);
      const full = unlinkedPeople.find((p) => normalizeName(p.name).endsWith(` ${norm}`));
      if (full) key = `name:person:${normalizeName(full.name)}`;
    }
    let party = parties.get(key);
    if (!party) {
      party = {
        id: r.entry?.id ?? null,
        name: r.entry?.name ?? r.name,
        type: r.type,
        mentions: [],
        note: null, // the entry's note is attached once its details are loaded (see analyze)
      };
      parties.set(key, party);
      if (!r.entry && r.type === 'person') unlinkedPeople.push(party);
    }
    party.mentions.push(mention);
  }
  return [...parties.values()].sort(
    (a, b) => b.mentions.length - a.mentions.length || a.mentions[0]!.start - b.mentions[0]!.start,
  );
}
