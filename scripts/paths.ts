/**
 * Where the shared research data lives: the seed fixtures, the real-page corpus and the benchmarks
 * sit beside the repository in `../shared` (override with BACKSTORY_SHARED; /work/shared is tried last). Tests read them in
 * place; nothing from there is copied into the extension.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CANDIDATES = [process.env.BACKSTORY_SHARED, resolve(REPO, '../shared'), '/work/shared'].filter((p): p is string => !!p);
export const SHARED = resolve(CANDIDATES.find((p) => existsSync(p)) ?? CANDIDATES[0]!);
/** Throws a clear error when the shared data is missing (call before reading from it). */
export function requireShared(): void {
  if (!existsSync(SHARED)) throw new Error(`shared data not found at ${SHARED} (set BACKSTORY_SHARED)`);
}

export const FIXTURES = resolve(SHARED, 'fixtures/pages');
export const CORPUS = resolve(SHARED, 'corpus');
export const CORPUS_PAGES = resolve(CORPUS, 'pages');
export const BENCH = resolve(SHARED, 'bench');
export const SEED_HTML = resolve(FIXTURES, 'seed-article.html');
export const SEED_EXPECTED = resolve(FIXTURES, 'seed-article.expected.json');
/** The compiled knowledge pack the extension ships: index.json and shard-NNN.json (see core/knowledge/pack). */
export const KNOWLEDGE_DIR = resolve(REPO, 'public/knowledge');
