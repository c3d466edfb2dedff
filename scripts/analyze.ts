/**
 * `npm run --silent analyze -- [options] <input>...`: what the extension would find on a page,
 * from the command line (see shared docs/analysis-contract.md for the output's fields).
 *
 *   --url URL            the page's address (first input only)
 *   --text               inputs are plain text; article.text is exactly the input
 *   --published DATE     YYYY-MM-DD to resolve relative dates against (overrides the page)
 *   --format FORMAT      text (default) | json | jsonl
 *   --knowledge DIR      a compiled knowledge pack directory (default: public/knowledge)
 *
 * Exit status: 0 all inputs analysed, 1 an input could not be read or parsed, 2 bad arguments.
 */
import { readFileSync } from 'node:fs';
import { analyzeArticle, analyzeDocument, type DocumentAnalysis } from '../core/analyze';
import { parseHtml } from '../core/dom/parse-html';
import type { KnowledgeBase } from '../core/knowledge/base';
import type { Article } from '../core/types';
import { loadKnowledge } from './load-knowledge';

const USAGE = 'usage: analyze [--url URL] [--text] [--published YYYY-MM-DD] [--format text|json|jsonl] [--knowledge DIR] <input>...';

interface Options {
  url?: string;
  text: boolean;
  published?: string;
  format: 'text' | 'json' | 'jsonl';
  knowledge?: string;
  inputs: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const o: Options = { text: false, format: 'text', inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--url') o.url = value();
    else if (a === '--text') o.text = true;
    else if (a === '--published') {
      const v = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--published wants YYYY-MM-DD, got "${v}"`);
      o.published = v;
    } else if (a === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'jsonl') throw new UsageError(`--format is text, json or jsonl, got "${v}"`);
      o.format = v;
    } else if (a === '--knowledge') o.knowledge = value();
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else o.inputs.push(a);
  }
  if (o.inputs.length === 0) throw new UsageError('no input given');
  if (o.format === 'json' && o.inputs.length > 1) throw new UsageError('--format json takes one input; use jsonl for several');
  return o;
}

function readInput(input: string): string {
  return input === '-' ? readFileSync(0, 'utf8') : readFileSync(input, 'utf8');
}

function analyzeText(text: string, published: string | null, kb: KnowledgeBase): DocumentAnalysis {
  const article: Article = { title: '', byline: null, siteName: null, lang: null, published, modified: null, text };
  return {
    isArticle: true,
    detection: { isArticle: true, kind: 'news', score: 1, signals: ['input:text'] },
    article,
    ...analyzeArticle(article, kb),
  };
}

function summary(r: DocumentAnalysis & { input: string }): string {
  const lines: string[] = [];
  const d = r.detection;
  lines.push(`${r.input}: ${r.isArticle ? 'news article' : d.kind === 'article-other' ? 'an article, not news' : 'not an article'} (score ${d.score.toFixed(2)}; ${d.signals.slice(0, 6).join(', ')})`);
  if (r.article) {
    const a = r.article;
    lines.push(`  title:     ${a.title}`);
    lines.push(`  byline:    ${a.byline ?? '-'}   site: ${a.siteName ?? '-'}   published: ${a.published ?? '-'}   modified: ${a.modified ?? '-'}`);
    lines.push(`  text:      ${a.text.length} characters`);
  }
  if (r.parties.length) {
    lines.push(`  parties (${r.parties.length}):`);
    for (const p of r.parties) lines.push(`    ${p.name} [${p.type}${p.id ? `, ${p.id}` : ', not in knowledge'}] ×${p.mentions.length}: ${[...new Set(p.mentions.map((m) => m.text))].join(' | ')}`);
  }
  if (r.timeline.length) {
    lines.push(`  timeline (${r.timeline.length}):`);
    for (const t of r.timeline) lines.push(`    ${t.date.padEnd(10)} ${t.source === 'article' ? 'article   ' : 'background'} ${t.afterPublication ? '(after) ' : ''}${t.label}`);
  }
  return lines.join('\n');
}

function main(): number {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`analyze: ${err.message}\n${USAGE}`);
    return 2;
  }
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledge(options.knowledge);
  } catch (err) {
    console.error(`analyze: ${(err as Error).message}`);
    return 1;
  }
  let status = 0;
  options.inputs.forEach((input, i) => {
    let result: DocumentAnalysis;
    try {
      const content = readInput(input);
      if (options.text) result = analyzeText(content, options.published ?? null, kb);
      else {
        const url = i === 0 ? options.url : undefined;
        const doc = parseHtml(content, url);
        result = analyzeDocument(doc, kb, { url, published: options.published, force: false });
      }
    } catch (err) {
      console.error(`analyze: ${input}: ${(err as Error).message.split('\n')[0]}`);
      status = 1;
      return;
    }
    const out = { input, ...result };
    if (options.format === 'text') console.log(summary(out) + (i < options.inputs.length - 1 ? '\n' : ''));
    else if (options.format === 'json') console.log(JSON.stringify(out, null, 2));
    else console.log(JSON.stringify(out));
  });
  return status;
}

process.exitCode = main();
