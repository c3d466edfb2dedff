/**
 * Word tokens with offsets, for the linker. A token keeps internal dots and apostrophes ("U.S.",
 * "O'Brien") but not a possessive ending, which becomes its own flag so that "Azerbaijan's" is the
 * name "Azerbaijan" followed by a possessive.
 */
import { normalizeName } from '../knowledge/normalize';
import { elisionLength, languageWords } from './languages';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** normalizeName(text), computed once. */
  key: string;
  /** First character is an upper-case letter. */
  upper: boolean;
  /** Every letter is upper case (acronyms: "OSCE", "U.S."). */
  allCaps: boolean;
  /** Followed directly by 's or ’s (or a bare ’ after s). */
  possessive: boolean;
  /** The text between this token and the next is only a space or a hyphen, so a name may go on. */
  joinsNext: boolean;
}

// A soft hyphen (U+00AD, a line-break hint some sites put inside long words) does not end a word.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u00ad]*(?:[.'’][\p{L}\p{N}][\p{L}\p{N}\p{M}\u00ad]*)*\.?/gu;
const POSSESSIVE = /^(.+?)['’]s$/u;

/** `lang`: the article's language tag; in French and Italian an elided article is not part of the word ("l'Assemblée"). */
export function tokenize(text: string, lang?: string | null): Token[] {
  const language = languageWords(lang);
  const tokens: Token[] = [];
  const keys = new Map<string, string>();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let word = m[0];
    let start = m.index;
    const elided = language ? elisionLength(word, language) : 0;
    if (elided > 0) {
      word = word.slice(elided);
      start += elided;
    }
    // Keep a final dot only for abbreviations with inner dots ("U.S.") or single initials ("J.").
    if (word.endsWith('.') && !/\.\p{L}/u.test(word.slice(0, -1)) && !/^\p{Lu}\.$/u.test(word)) {
      word = word.slice(0, -1);
    }
    let possessive = false;
    const pm = word.includes("'") || word.includes('’') ? POSSESSIVE.exec(word) : null;
    if (pm) {
      word = pm[1]!;
      possessive = true;
    } else if ((text[start + word.length] === '’' || text[start + word.length] === "'") && /s$/.test(word)) {
      possessive = /\s/.test(text[start + word.length + 1] ?? ' ');
    }
    const first = word.charCodeAt(0);
    let key = keys.get(word);
    if (key === undefined) {
      key = normalizeName(word);
      keys.set(word, key);
    }
    const upper = first < 128 ? first >= 65 && first <= 90 : /\p{Lu}/u.test(word[0]!);
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      key,
      upper,
      allCaps: upper && !/\p{Ll}/u.test(word),
      possessive,
      joinsNext: false,
    });
  }
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.possessive) continue;
    const gap = text.slice(t.end, tokens[i + 1]!.start);
    t.joinsNext = gap === ' ' || gap === '-' || gap === '\u00a0' || gap === '\u2011';
  }
  return tokens;
}
