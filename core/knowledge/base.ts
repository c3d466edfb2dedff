/**
 * Read access to a compiled knowledge pack (format 2, see pack.ts): name look-up for the linker,
 * entries, background events and framing notes for the timeline and the UI. Loaded once (in the
 * background worker, or in Node).
 *
 * Only the index is read at start. An entry's details (note, facts, offices, events) live in a
 * shard that is read the first time one of its entries is asked for: synchronously when the shard
 * loader is synchronous (Node tools), otherwise after `await loadDetails(ids)` (the worker).
 */
import { normalizeName } from './normalize';
import { NAME_KINDS, type EntryDetails, type EntryHead, type KnowledgePack, type NameKind, type PackEntry, type PackEvent, type PackFraming, type PackIndex, type PackShard } from './pack';

export interface NameCandidate {
  entry: EntryHead;
  kind: NameKind;
}

export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

/** A shard's JSON text or the parsed shard. */
export type ShardSource = string | PackShard;
/** Reads shard `n`; synchronous in Node, a fetch in the extension. */
export type ShardLoader = (n: number) => ShardSource | Promise<ShardSource>;

const isArray = Array.isArray;

function checkIndex(index: PackIndex): void {
  if (!index || typeof index !== 'object' || index.format !== 2) throw new KnowledgeError('the knowledge index is not in format 2');
  const n = index.entryCount;
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(index.shardSize) || index.shardSize < 1) throw new KnowledgeError('the knowledge index has no valid entry count or shard size');
  for (const column of ['ids', 'types', 'names', 'related'] as const) {
    if (!isArray(index[column]) || index[column].length !== n) throw new KnowledgeError(`the knowledge index column "${column}" does not have ${n} rows`);
  }
  if (!isArray(index.nameKeys) || !isArray(index.nameHits) || index.nameKeys.length !== index.nameHits.length) throw new KnowledgeError('the knowledge index name table is broken');
  if (!isArray(index.framing)) throw new KnowledgeError('the knowledge index has no framing notes list');
}

export class KnowledgeBase {
  readonly #index: PackIndex;
  readonly #load: ShardLoader;
  readonly #rowById = new Map<string, number>();
  readonly #nameRow = new Map<string, number>();
  readonly #heads: (EntryHead | undefined)[] = [];
  readonly #shards: (EntryDetails[] | undefined)[] = [];
  readonly #pending = new Map<number, Promise<void>>();
  readonly #full = new Map<number, PackEntry>();
  /** Normalized framing term -> the framing notes that discuss it. */
  readonly #framingTerms = new Map<string, PackFraming[]>();
  readonly #termPrefixes = new Set<string>();
  /** Longest framing term in words. */
  readonly maxTermWords: number;
  /** Longest indexed name in words, so the linker knows how far to look ahead. */
  readonly maxNameWords: number;

  constructor(index: PackIndex, loadShard: ShardLoader) {
    checkIndex(index);
    this.#index = index;
    this.#load = loadShard;
    const { ids, nameKeys } = index;
    for (let i = 0; i < ids.length; i++) this.#rowById.set(ids[i]!, i);
    let maxWords = 1;
    for (let i = 0; i < nameKeys.length; i++) {
      const key = nameKeys[i]!;
      this.#nameRow.set(key, i);
      let words = 1;
      for (let at = key.indexOf(' '); at !== -1; at = key.indexOf(' ', at + 1)) words++;
      if (words > maxWords) maxWords = words;
    }
    this.maxNameWords = Math.min(maxWords, 12);
    let maxTermWords = 1;
    for (const note of index.framing) {
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

  /** A pack held in memory (the compiler's output). */
  static fromPack(pack: KnowledgePack): KnowledgeBase {
    return new KnowledgeBase(pack.index, (n) => {
      const shard = pack.shards[n];
      if (!shard) throw new KnowledgeError(`the knowledge pack has no shard ${n}`);
      return shard;
    });
  }

  /** Parses the JSON text of an index; a broken file gives a KnowledgeError, never a half-loaded base. */
  static fromJson(indexJson: string, loadShard: ShardLoader): KnowledgeBase {
    let index: PackIndex;
    try {
      index = JSON.parse(indexJson) as PackIndex;
    } catch (err) {
      throw new KnowledgeError(`the knowledge index is not valid JSON: ${(err as Error).message}`);
    }
    return new KnowledgeBase(index, loadShard);
  }

  get size(): number {
    return this.#index.entryCount;
  }

  /** Candidates for an already normalized form (see normalizeName). */
  lookupNormalized(key: string): NameCandidate[] {
    const row = this.#nameRow.get(key);
    if (row === undefined) return [];
    const hits = this.#index.nameHits[row]!;
    const out: NameCandidate[] = [];
    for (let i = 0; i + 1 < hits.length; i += 2) {
      const entry = this.#head(hits[i]!);
      const kind = NAME_KINDS[hits[i + 1]!];
      if (entry && kind) out.push({ entry, kind });
    }
    return out;
  }

  lookup(form: string): NameCandidate[] {
    return this.lookupNormalized(normalizeName(form));
  }

  hasName(key: string): boolean {
    return this.#nameRow.has(key);
  }

  /** True when some indexed name is `key` or starts with `key` followed by more words. */
  hasNamePrefix(key: string): boolean {
    if (this.#nameRow.has(key)) return true;
    // Keys are sorted and never contain a character below the space, so the names that continue
    // `key` with more words come first among the keys at or after `key + ' '`.
    const keys = this.#index.nameKeys;
    const probe = key + ' ';
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < probe) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length && keys[lo]!.startsWith(probe);
  }

  /** True when some framing term is `key` or starts with `key` followed by more words. */
  hasTermPrefix(key: string): boolean {
    return this.#termPrefixes.has(key);
  }

  /** What the linker knows of an entry (from the index; always available). */
  entry(id: string): EntryHead | undefined {
    const row = this.#rowById.get(id);
    return row === undefined ? undefined : this.#head(row);
  }

  /**
   * The whole entry with its note, facts, offices and events. Reads its shard now when the loader is
   * synchronous; with an asynchronous loader, `loadDetails` must have been awaited for this id.
   */
  details(id: string): PackEntry | undefined {
    const row = this.#rowById.get(id);
    if (row === undefined) return undefined;
    const cached = this.#full.get(row);
    if (cached) return cached;
    const n = Math.floor(row / this.#index.shardSize);
    const pending = this.#read(n);
    if (pending) {
      pending.catch(() => undefined); // reported to whoever awaits loadDetails
      throw new KnowledgeError(`the details of "${id}" are not loaded yet (await loadDetails first)`);
    }
    const full: PackEntry = { ...this.#head(row)!, ...this.#shards[n]![row - n * this.#index.shardSize]! };
    this.#full.set(row, full);
    return full;
  }

  /** Reads the shards holding these entries (each shard once, however many ask at the same time). */
  async loadDetails(ids: Iterable<string>): Promise<void> {
    const wanted = new Set<number>();
    for (const id of ids) {
      const row = this.#rowById.get(id);
      if (row !== undefined) wanted.add(Math.floor(row / this.#index.shardSize));
    }
    await Promise.all([...wanted].map((n) => this.#read(n)));
  }

  /** How many shards are in memory (for the benchmark). */
  get loadedShards(): number {
    return this.#shards.filter(Boolean).length;
  }

  eventsOf(entry: PackEntry): PackEvent[] {
    return entry.events;
  }

  /** Framing notes about a term, by its normalized form. */
  framingFor(key: string): readonly PackFraming[] {
    return this.#framingTerms.get(key) ?? [];
  }

  #head(row: number): EntryHead | undefined {
    let head = this.#heads[row];
    if (head || row < 0 || row >= this.#index.entryCount) return head;
    const { ids, types, names, related } = this.#index;
    head = { id: ids[row]!, type: types[row]!, name: names[row]!, related: (related[row] ?? []).flatMap((r) => (ids[r] === undefined ? [] : [ids[r]!])) };
    this.#heads[row] = head;
    return head;
  }

  /** Reads shard `n` unless it is in memory or on its way: at once with a synchronous loader, else a promise. */
  #read(n: number): Promise<void> | undefined {
    if (this.#shards[n]) return undefined;
    let pending = this.#pending.get(n);
    if (pending) return pending;
    const source = this.#load(n);
    if (!(source instanceof Promise)) {
      this.#accept(n, source);
      return undefined;
    }
    pending = source.then((s) => this.#accept(n, s)).finally(() => this.#pending.delete(n));
    this.#pending.set(n, pending);
    return pending;
  }

  #accept(n: number, source: ShardSource): void {
    let shard: PackShard;
    try {
      shard = typeof source === 'string' ? (JSON.parse(source) as PackShard) : source;
    } catch (err) {
      throw new KnowledgeError(`knowledge shard ${n} is not valid JSON: ${(err as Error).message}`);
    }
    const { shardSize, entryCount } = this.#index;
    const expected = Math.min(shardSize, entryCount - n * shardSize);
    if (!shard || shard.format !== 2 || shard.first !== n * shardSize || !isArray(shard.entries) || shard.entries.length !== expected) {
      throw new KnowledgeError(`knowledge shard ${n} does not match the index`);
    }
    for (const e of shard.entries) {
      if (!e || typeof e.note !== 'string' || !isArray(e.facts) || !isArray(e.offices) || !isArray(e.events)) throw new KnowledgeError(`knowledge shard ${n} has a malformed entry`);
    }
    this.#shards[n] = shard.entries;
  }
}
