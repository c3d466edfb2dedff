/**
 * The knowledge base for Node tools (CLI, tests, benchmarks): the bundled pack in public/knowledge/
 * when it is there, otherwise compiled from the YAML sources in memory (so a fresh clone works at once).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase, KnowledgeError } from '../core/knowledge/base';
import { INDEX_FILE, shardFile } from '../core/knowledge/pack';
import { compileKnowledge } from '../knowledge/compiler/compile';
import { KNOWLEDGE_DIR, REPO } from './paths';

let cached: KnowledgeBase | null = null;

/** A pack directory read with synchronous file reads: shards are read the first time they are needed. */
export function readPackDir(dir: string): KnowledgeBase {
  const index = join(dir, INDEX_FILE);
  if (!existsSync(index)) throw new KnowledgeError(`no knowledge index at ${index}`);
  return KnowledgeBase.fromJson(readFileSync(index, 'utf8'), (n) => {
    const file = join(dir, shardFile(n));
    if (!existsSync(file)) throw new KnowledgeError(`knowledge shard missing: ${file}`);
    return readFileSync(file, 'utf8');
  });
}

export function loadKnowledge(dir: string = KNOWLEDGE_DIR): KnowledgeBase {
  if (dir === KNOWLEDGE_DIR && cached) return cached;
  let kb: KnowledgeBase;
  if (existsSync(join(dir, INDEX_FILE))) kb = readPackDir(dir);
  else if (dir === KNOWLEDGE_DIR) {
    const { pack, errors } = compileKnowledge(join(REPO, 'knowledge', 'entries'));
    if (errors.length) throw new KnowledgeError(`the knowledge sources have ${errors.length} error(s); run npm run knowledge:check`);
    kb = KnowledgeBase.fromPack(pack);
  } else throw new KnowledgeError(`no knowledge pack at ${dir}`);
  if (dir === KNOWLEDGE_DIR) cached = kb;
  return kb;
}
