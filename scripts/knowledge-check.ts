/**
 * `npm run knowledge:check`: validates every knowledge source, writes the bundled pack to
 * public/knowledge.json (shipped with the extension), and prints a JSON summary as its last line.
 * Exits 1 when any source has an error, so that a broken pack never ships.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { compileKnowledge } from '../knowledge/compiler/compile';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'knowledge.json');
const { pack, errors, summary } = compileKnowledge(join(root, 'knowledge', 'entries'));

for (const error of errors) console.error(error);
const json = JSON.stringify(pack);
if (errors.length === 0) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  console.error(
    `wrote ${out}: ${(json.length / 1024).toFixed(0)} kB, ${(gzipSync(json).length / 1024).toFixed(0)} kB gzipped`,
  );
} else {
  console.error(`${errors.length} error(s): nothing written`);
}
console.log(JSON.stringify(summary));
process.exitCode = errors.length === 0 ? 0 : 1;
