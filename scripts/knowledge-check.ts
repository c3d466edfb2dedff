/**
 * `npm run knowledge:check`: validates every knowledge source, writes the bundled pack to
 * public/knowledge/ (index.json and the shards, shipped with the extension), and prints a JSON
 * summary as its last line. Exits 1 when any source has an error, so that a broken pack never ships.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { INDEX_FILE, shardFile } from '../core/knowledge/pack';
import { compileKnowledge } from '../knowledge/compiler/compile';
import { KNOWLEDGE_DIR, REPO } from './paths';

const { pack, errors, summary } = compileKnowledge(join(REPO, 'knowledge', 'entries'));

for (const error of errors) console.error(error);
if (errors.length === 0) {
  rmSync(KNOWLEDGE_DIR, { recursive: true, force: true });
  mkdirSync(KNOWLEDGE_DIR, { recursive: true });
  const files: [string, string][] = [[INDEX_FILE, JSON.stringify(pack.index)], ...pack.shards.map((s, n): [string, string] => [shardFile(n), JSON.stringify(s)])];
  let raw = 0;
  let gz = 0;
  for (const [name, json] of files) {
    writeFileSync(join(KNOWLEDGE_DIR, name), json);
    raw += Buffer.byteLength(json);
    gz += gzipSync(json).length;
  }
  const kB = (n: number) => (n / 1024).toFixed(0);
  console.error(`wrote ${KNOWLEDGE_DIR}: index + ${pack.shards.length} shards, ${kB(raw)} kB (index ${kB(Buffer.byteLength(files[0]![1]))} kB), ${kB(gz)} kB gzipped`);
} else {
  console.error(`${errors.length} error(s): nothing written`);
}
console.log(JSON.stringify(summary));
process.exitCode = errors.length === 0 ? 0 : 1;
