/**
 * Read access to a compiled knowledge pack: name look-up for the linker, entries, background events
 * and framing notes for the timeline and the UI. Loaded once (in the background worker, or in Node).
 */
import { normalizeName } from './normalize';
import type { KnowledgePack, NameKind, PackEntry, PackEvent, PackFraming } from './pack';

export interface NameCandidate {
  entry: PackEntry;
  kind: NameKind;
}

export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

export class KnowledgeBase {
  readonly #pack: KnowledgePack;
  readonly #byId = new Map<string, PackEntry>();
  /** Normalized framing term -> the framing notes that discuss it. */
  readonly #framingTerms = new Map<string, PackFraming[]>();
  /** Longest framing term in words. */
  readonly maxTermWords: number;
  /** Longest indexed name in words, so the linker knows how far to look ahead. */
  readonly maxNameWords: number;
  /** Every word-prefix of every indexed name ("new", "new caledonia"), so look-ahead stops early. */
  readonly #namePrefixes = new Set<string>();
  readonly #termPrefixes = new Set<string>();

  constructor(pack: KnowledgePack) {
    if (!pack || pack.format !== 1 || !Array.isArray(pack.entries) || !pack.names || !Array.isArray(pack.events)) {
      throw new KnowledgeError('the knowledge pack is not in format 1 (entries, events, names)');
    }
    this.#pack = pack;
    for (const entry of pack.entries) this.#byId.set(entry.id, entry);
    let maxWords = 1;
    for (const key in pack.names) {
      let words = 1;
      for (let i = 0; i < key.length; i++) {
        if (key.charCodeAt(i) === 32) {
          words++;
          this.#namePrefixes.add(key.slice(0, i));
        }
      }
      this.#namePrefixes.add(key);
      if (words > maxWords) maxWords = words;
    }
    this.maxNameWords = Math.min(maxWords, 12);
    let maxTermWords = 1;
    for (const note of pack.framing ?? []) {
      for (const term of note.terms) {
        const key = normalizeName(term);
        if (!key) continue;
        for (let i = key.indexOf(' '); i > 0; i = key.indexOf(' ', i + 1)) this.#termPrefixes.add(key.slice(0, i));
        this.#termPrefixes.add(key);
        const list = this.#framingTerms.get(key) ?? [];
        list.push(note);
        this.#framingTerms.set(key, list);
        maxTermWords = Math.max(maxTermWords, key.split(' ').length);
      }
    }
    this.maxTermWords = Math.min(maxTermWords, 8);
  }

  /** Parses the JSON text of a pack; a broken file gives a KnowledgeError, never a half-loaded base. */
  static fromJson(json: string): KnowledgeBase {
    let pack: KnowledgePack;
    try {
      pack = JSON.parse(json) as KnowledgePack;
    } catch (err) {
      throw new KnowledgeError(`the knowledge pack is not valid JSON: ${(err as Error).message}`);
    }
    return new KnowledgeBase(pack);
  }

  get size(): number {
    return this.#pack.entries.length;
  }

  /** Candidates for an already normalized form (see normalizeName). */
  lookupNormalized(key: string): NameCandidate[] {
    const hits = Object.prototype.hasOwnProperty.call(this.#pack.names, key) ? this.#pack.names[key] : undefined;
    if (!hits) return [];
    return hits.map(([index, kind]) => ({ entry: this.#pack.entries[index]!, kind }));
  }

  lookup(form: string): NameCandidate[] {
    return this.lookupNormalized(normalizeName(form));
  }

  hasName(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.#pack.names, key);
  }

  /** True when some indexed name is `key` or starts with `key` followed by more words. */
  hasNamePrefix(key: string): boolean {
    return this.#namePrefixes.has(key);
  }

  /** True when some framing term is `key` or starts with `key` followed by more words. */
  hasTermPrefix(key: string): boolean {
    return this.#termPrefixes.has(key);
  }

  entry(id: string): PackEntry | undefined {
    return this.#byId.get(id);
  }

  eventsOf(entry: PackEntry): PackEvent[] {
    return entry.events.map((i) => this.#pack.events[i]!);
  }

  /** Framing notes about a term, by its normalized form. */
  framingFor(key: string): readonly PackFraming[] {
    return this.#framingTerms.get(key) ?? [];
  }
}
