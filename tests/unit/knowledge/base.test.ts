/**
 * The knowledge base over the shipped pack format: index read at start, shards read when an entry's
 * details are needed, and a clear KnowledgeError (never a half-loaded base) for a broken pack.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase, KnowledgeError, type ShardSource } from '../../../core/knowledge/base';
import { NAME_KINDS, type KnowledgePack, type PackEntry } from '../../../core/knowledge/pack';
import { compileKnowledge, packOf } from '../../../knowledge/compiler/compile';
import { REPO } from '../../../scripts/paths';

const shipped = compileKnowledge(join(REPO, 'knowledge', 'entries'));

function entry(id: string, name: string, related: string[] = []): PackEntry {
  return {
    id,
    type: 'organization',
    name,
    related,
    wikidata: null,
    note: `About ${name}.`,
    facts: [],
    offices: [],
    events: [{ date: '2020-01-02', end: null, label: `${name} founded`, related: [id], source: 'https://example.org' }],
    source: 'https://example.org',
    asOf: '2025-01-01',
  };
}

/** A small pack whose names are exactly `keys` (all pointing to entry 0). */
function packWithNames(keys: string[], shardSize = 2): KnowledgePack {
  const entries = [entry('a', 'Alpha', ['b']), entry('b', 'Beta'), entry('c', 'Gamma')];
  const sorted = [...new Set(keys)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return packOf(entries, sorted, sorted.map(() => [0, 0]), [], new Date('2025-01-01'), shardSize);
}

describe('knowledge base', () => {
  it('the shipped sources compile with no error and every name resolves to an entry of the pack', () => {
    expect(shipped.errors).toEqual([]);
    const kb = KnowledgeBase.fromPack(shipped.pack);
    expect(kb.size).toBe(shipped.summary.entries);
    for (const key of shipped.pack.index.nameKeys.slice(0, 500)) {
      const hits = kb.lookupNormalized(key);
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(NAME_KINDS).toContain(h.kind);
    }
  });

  it('answers prefix questions exactly like a scan of all names', () => {
    const word = fc.constantFrom('new', 'york', 'news', 'n', 'caledonia', "o'neil", 'al', 'al-', 'é', 'z');
    const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 12 }), name, (keys, probe) => {
        const kb = KnowledgeBase.fromPack(packWithNames(keys));
        const expected = keys.some((k) => k === probe || k.startsWith(probe + ' '));
        expect(kb.hasNamePrefix(probe)).toBe(expected);
        expect(kb.hasName(probe)).toBe(keys.includes(probe));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a shard only when one of its entries is needed, once, and joins it to the index', async () => {
    const pack = packWithNames(['alpha', 'beta']);
    const reads: number[] = [];
    const kb = new KnowledgeBase(pack.index, async (n) => {
      reads.push(n);
      return JSON.stringify(pack.shards[n]);
    });
    expect(kb.entry('a')).toEqual({ id: 'a', type: 'organization', name: 'Alpha', related: ['b'] });
    expect(reads).toEqual([]);
    expect(() => kb.details('c')).toThrow(KnowledgeError);
    await Promise.all([kb.loadDetails(['c']), kb.loadDetails(['c', 'nobody'])]);
    expect(reads.filter((n) => n === 1)).toHaveLength(1);
    expect(kb.details('c')?.note).toBe('About Gamma.');
    expect(kb.eventsOf(kb.details('c')!)[0]?.label).toBe('Gamma founded');
    expect(kb.loadedShards).toBe(1);
  });

  it('rejects a broken index or shard with a KnowledgeError', async () => {
    const pack = packWithNames(['alpha']);
    const noShard = () => {
      throw new Error('unused');
    };
    expect(() => KnowledgeBase.fromJson('{"format":2,', noShard)).toThrow(KnowledgeError);
    expect(() => KnowledgeBase.fromJson(JSON.stringify({ ...pack.index, format: 1 }), noShard)).toThrow(KnowledgeError);
    expect(() => KnowledgeBase.fromJson(JSON.stringify({ ...pack.index, ids: ['a'] }), noShard)).toThrow(/column "ids"/);
    expect(() => KnowledgeBase.fromJson(JSON.stringify({ ...pack.index, nameHits: [] }), noShard)).toThrow(KnowledgeError);

    const withShard = (source: ShardSource) => new KnowledgeBase(pack.index, () => source);
    expect(() => withShard('not json').details('a')).toThrow(/not valid JSON/);
    expect(() => withShard({ ...pack.shards[0]!, first: 5 }).details('a')).toThrow(/does not match/);
    expect(() => withShard({ ...pack.shards[0]!, entries: [pack.shards[0]!.entries[0]!] }).details('a')).toThrow(/does not match/);
    const malformed = { ...pack.shards[0]!, entries: pack.shards[0]!.entries.map((e) => ({ ...e, events: null })) };
    expect(() => withShard(malformed as unknown as ShardSource).details('a')).toThrow(/malformed/);
    // A failed read is not cached: the next attempt reads again.
    let fail = true;
    const flaky = new KnowledgeBase(pack.index, async (n) => {
      if (fail) throw new Error('read failed');
      return pack.shards[n]!;
    });
    await expect(flaky.loadDetails(['a'])).rejects.toThrow('read failed');
    fail = false;
    await flaky.loadDetails(['a']);
    expect(flaky.details('a')?.name).toBe('Alpha');
  });
});
