/**
 * The knowledge base for Node tools (CLI, tests, benchmarks): the bundled public/knowledge.json when
 * it is there, otherwise compiled from the YAML sources in memory (so a fresh clone works at once).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase, KnowledgeError } from '../core/knowledge/base';
import { compileKnowledge } from '../knowledge/compiler/compile';
import { KNOWLEDGE_JSON, REPO } from './paths';

let cached: KnowledgeBase | null = null;

export function loadKnowledge(file: string = KNOWLEDGE_JSON): KnowledgeBase {
  if (file === KNOWLEDGE_JSON && cached) return cached;
  let kb: KnowledgeBase;
  if (existsSync(file)) kb = KnowledgeBase.fromJson(readFileSync(file, 'utf8'));
  else if (file === KNOWLEDGE_JSON) {
    const { pack, errors } = compileKnowledge(join(REPO, 'knowledge', 'entries'));
    if (errors.length) throw new KnowledgeError(`the knowledge sources have ${errors.length} error(s); run npm run knowledge:check`);
    kb = new KnowledgeBase(pack);
  } else throw new KnowledgeError(`no knowledge file at ${file}`);
  if (file === KNOWLEDGE_JSON) cached = kb;
  return kb;
}
