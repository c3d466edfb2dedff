/**
 * The `analyze` command as other tools use it (shared docs/analysis-contract.md): formats, exit
 * codes, --text offsets into the input byte for byte, --published overriding the page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO } from '../../../scripts/paths';

function analyze(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'scripts/analyze.ts'), ...args], { cwd: REPO, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run analyze', () => {
  it('prints one JSON object with the contract fields', () => {
    const r = analyze(['--format', 'json', join(FIXTURES, 'seed-article.html')]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const k of ['input', 'isArticle', 'detection', 'article', 'parties', 'timexes', 'events', 'timeline']) expect(out).toHaveProperty(k);
    expect(out.article.published).toBe('2024-05-02');
    for (const p of out.parties) for (const m of p.mentions) expect(out.article.text.slice(m.start, m.end)).toBe(m.text);
  }, 60_000);

  it('jsonl: one line per input in order; a missing file is exit 1 and the rest still print', () => {
    const r = analyze(['--format', 'jsonl', join(FIXTURES, 'news-front-page.html'), '/nonexistent/page.html', join(FIXTURES, 'seed-article-bare.html')]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.isArticle)).toEqual([false, true]);
    expect(r.stderr).toMatch(/nonexistent\/page\.html/);
  }, 60_000);

  it('--text keeps the input byte for byte and resolves dates against --published', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const file = join(dir, 'a.txt');
    const text = '  Émilie said on Tuesday that France 🇫🇷 would act.\r\n';
    writeFileSync(file, text);
    const r = analyze(['--text', '--published', '2024-05-02', '--format', 'json', file]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.article.text).toBe(text);
    expect(out.timexes.find((t: { text: string }) => t.text.includes('Tuesday'))?.value).toBe('2024-04-30');
    const fromStdin = analyze(['--text', '--format', 'json', '-'], 'Paris said on Monday it would act.');
    expect(JSON.parse(fromStdin.stdout).article.text).toBe('Paris said on Monday it would act.');
  }, 60_000);

  it('bad arguments are exit 2', () => {
    expect(analyze(['--format', 'xml', 'x.html']).status).toBe(2);
    expect(analyze(['--published', 'yesterday', 'x.html']).status).toBe(2);
    expect(analyze([]).status).toBe(2);
  }, 60_000);
});
