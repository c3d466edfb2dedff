/**
 * Evaluate page detection and article extraction on the labelled dev corpus.
 *   npx tsx scripts/eval-corpus.ts [--json] [--corpus DIR] [--split dev.json] [--all]
 * --all also runs the unlabelled pages (crash/timing check only; no scores are printed for them).
 * Baselines: @mozilla/readability's isProbablyReaderable (detection) and Readability.parse() (body).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from './paths';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { parseHtml } from '../core/dom/parse-html';
import { detectArticle } from '../core/detect/index';
import { extractArticle } from '../core/extract/index';

interface Entry {
  file: string;
  url: string | null;
  label: 'news' | 'article-other' | 'not-article';
  title: string | null;
  published: string | null;
  expected_file: string | null;
}

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const opt = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const corpus = opt('--corpus', CORPUS);
const pagesDir = join(corpus, 'pages');
const dev: Entry[] = JSON.parse(readFileSync(join(corpus, opt('--split', 'dev.json')), 'utf8'));

function tokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
}
function tokenF1(got: string, want: string): { p: number; r: number; f1: number } {
  const a = tokens(got);
  const b = tokens(want);
  if (!a.length && !b.length) return { p: 1, r: 1, f1: 1 };
  if (!a.length || !b.length) return { p: 0, r: 0, f1: 0 };
  const count = new Map<string, number>();
  for (const t of b) count.set(t, (count.get(t) || 0) + 1);
  let common = 0;
  for (const t of a) {
    const c = count.get(t) || 0;
    if (c > 0) {
      common++;
      count.set(t, c - 1);
    }
  }
  const p = common / a.length;
  const r = common / b.length;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
function stripHtml(html: string): string {
  const doc = parseHtml(html);
  return (doc.body || doc.documentElement)?.textContent || '';
}
function normTitle(s: string | null | undefined): string {
  return (s || '')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
/** Expected body: plain text, or {with, without} string lists for .json files. */
function expected(e: Entry): { text: string } | { with: string[]; without: string[] } | null {
  if (!e.expected_file) return null;
  const p = join(pagesDir, e.expected_file);
  if (!existsSync(p)) return null;
  const raw = readFileSync(p, 'utf8');
  if (p.endsWith('.json')) {
    const j = JSON.parse(raw);
    return { with: j.with || [], without: j.without || [] };
  }
  return { text: p.endsWith('.html') ? stripHtml(raw) : raw };
}
function bodyScore(got: string, exp: NonNullable<ReturnType<typeof expected>>): number {
  if ('text' in exp) return tokenF1(got, exp.text).f1;
  const norm = (s: string) => s.replace(/\s+/g, ' ');
  const g = norm(got);
  const ok = exp.with.filter((s) => g.includes(norm(s))).length + exp.without.filter((s) => !g.includes(norm(s))).length;
  return ok / Math.max(1, exp.with.length + exp.without.length);
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};
function prf(pairs: { gold: boolean; pred: boolean }[]) {
  let tp = 0, fp = 0, fn = 0;
  for (const x of pairs) {
    if (x.pred && x.gold) tp++;
    else if (x.pred) fp++;
    else if (x.gold) fn++;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { precision: round(p), recall: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0), tp, fp, fn };
}
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

const rows: any[] = [];
for (const e of dev) {
  const html = readFileSync(join(pagesDir, e.file), 'utf8');
  const url = e.url || undefined;
  const doc = parseHtml(html, url);
  const [det, tDetect] = time(() => detectArticle(doc, url));
  // Repeat detection for a steadier per-page figure (it is sub-millisecond on most pages).
  const reps = 5;
  const [, tDetectN] = time(() => {
    for (let i = 0; i < reps; i++) detectArticle(doc, url);
  });
  const [ex, tExtract] = time(() => extractArticle(doc, { url }));
  const rdoc = parseHtml(html, url);
  let readerable = false;
  try {
    readerable = isProbablyReaderable(rdoc as any);
  } catch {
    readerable = false;
  }
  let rText = '';
  const [, tReadability] = time(() => {
    try {
      rText = new Readability(rdoc as any).parse()?.textContent || '';
    } catch {
      rText = '';
    }
  });
  const exp = expected(e);
  rows.push({
    file: e.file,
    label: e.label,
    kind: det.kind,
    isArticle: det.isArticle,
    score: det.score,
    signals: det.signals,
    readerable,
    published: { want: e.published, got: ex.article.published },
    title: { want: e.title, got: ex.article.title },
    expectedType: e.expected_file ? e.expected_file.replace(/^.*\./, '') : null,
    body: exp ? round(bodyScore(ex.article.text, exp)) : null,
    bodyReadability: exp ? round(bodyScore(rText.replace(/\s+/g, ' '), exp)) : null,
    chars: ex.article.text.length,
    ms: { detect: round(Math.min(tDetect, tDetectN / reps), 3), extract: round(tExtract, 2), readability: round(tReadability, 2) },
  });
}

const det = prf(rows.map((r) => ({ gold: r.label === 'news', pred: r.isArticle })));
const base = prf(rows.map((r) => ({ gold: r.label === 'news', pred: r.readerable })));
const kinds = ['news', 'article-other', 'not-article'];
const confusion: Record<string, Record<string, number>> = {};
for (const k of kinds) confusion[k] = Object.fromEntries(kinds.map((x) => [x, 0]));
for (const r of rows) confusion[r.label][r.kind]++;
const news = rows.filter((r) => r.label === 'news');
const dateRows = news.filter((r) => r.published.want);
const dateOk = dateRows.filter((r) => r.published.got === r.published.want);
const titleRows = rows.filter((r) => r.label !== 'not-article' && r.title.want);
const titleOk = titleRows.filter((r) => normTitle(r.title.got) === normTitle(r.title.want));
const bodyRows = rows.filter((r) => r.body !== null && r.label !== 'not-article');
const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
const detectMs = rows.map((r) => r.ms.detect);
const detectMsNon = rows.filter((r) => r.label === 'not-article').map((r) => r.ms.detect);
const extractMs = rows.map((r) => r.ms.extract);
const readMs = rows.map((r) => r.ms.readability);

let heldOut: { pages: number; errors: string[]; detectMedianMs: number; extractMedianMs: number } | undefined;
if (args.includes('--all')) {
  const known = new Set(dev.map((e) => e.file));
  const files = readdirSync(pagesDir).filter((f) => f.endsWith('.html') && !f.includes('.expected.') && !known.has(f));
  const errors: string[] = [];
  const td: number[] = [];
  const tx: number[] = [];
  for (const f of files) {
    try {
      const doc = parseHtml(readFileSync(join(pagesDir, f), 'utf8'));
      td.push(time(() => detectArticle(doc))[1]);
      const [x, t] = time(() => extractArticle(doc));
      tx.push(t);
      for (const p of x.pieces) if (x.article.text.substr(p.textOffset, p.length) !== p.node.data.substr(p.nodeOffset, p.length)) throw new Error('piece mismatch');
    } catch (err) {
      errors.push(`${f}: ${(err as Error).message}`);
    }
  }
  heldOut = { pages: files.length, errors, detectMedianMs: round(median(td)), extractMedianMs: round(median(tx)) };
}

const summary = {
  pages: rows.length,
  detection: { ...det, baseline_isProbablyReaderable: base },
  confusion,
  published: { correct: dateOk.length, total: dateRows.length, accuracy: round(dateOk.length / Math.max(1, dateRows.length)) },
  title: { correct: titleOk.length, total: titleRows.length, accuracy: round(titleOk.length / Math.max(1, titleRows.length)) },
  body: {
    pages: bodyRows.length,
    meanF1: mean(bodyRows.map((r) => r.body)),
    readabilityMeanF1: mean(bodyRows.map((r) => r.bodyReadability)),
    newsMeanF1: mean(bodyRows.filter((r) => r.label === 'news').map((r) => r.body)),
    readabilityNewsMeanF1: mean(bodyRows.filter((r) => r.label === 'news').map((r) => r.bodyReadability)),
    // .txt expected files are independent annotations; .html ones are Readability's own output
    // (Readability's test pages), so Readability scores ~1.0 on them by construction.
    byExpectedType: Object.fromEntries(
      ['txt', 'html', 'json'].map((t) => {
        const rs = bodyRows.filter((r) => r.expectedType === t);
        return [t, { pages: rs.length, meanF1: mean(rs.map((r) => r.body)), readabilityMeanF1: mean(rs.map((r) => r.bodyReadability)) }];
      }),
    ),
  },
  timingMs: {
    detect: { median: round(median(detectMs)), medianNonArticle: round(median(detectMsNon)), max: round(Math.max(...detectMs)) },
    extract: { median: round(median(extractMs)), max: round(Math.max(...extractMs)) },
    readability: { median: round(median(readMs)), max: round(Math.max(...readMs)) },
  },
  wrong: {
    detection: rows.filter((r) => r.kind !== r.label).map((r) => `${r.file}: ${r.label} -> ${r.kind} (${r.signals.join(' ')})`),
    published: dateRows.filter((r) => r.published.got !== r.published.want).map((r) => `${r.file}: want ${r.published.want} got ${r.published.got}`),
    title: titleRows.filter((r) => normTitle(r.title.got) !== normTitle(r.title.want)).map((r) => `${r.file}: want "${r.title.want}" got "${r.title.got}"`),
    body: bodyRows.filter((r) => r.body < 0.8).map((r) => `${r.file}: F1 ${r.body} (Readability ${r.bodyReadability})`),
  },
  heldOut,
  perPage: rows,
};

if (asJson) {
  console.log(JSON.stringify(summary));
} else {
  const pct = (x: number) => (x * 100).toFixed(1) + '%';
  console.log(`Dev corpus: ${rows.length} pages (${news.length} news)`);
  console.log(`Detection (news vs rest): P ${pct(det.precision)} R ${pct(det.recall)} F1 ${pct(det.f1)}   [isProbablyReaderable: P ${pct(base.precision)} R ${pct(base.recall)} F1 ${pct(base.f1)}]`);
  console.log('Confusion (rows = label, cols = predicted):');
  console.log('  ' + ''.padEnd(14) + kinds.map((k) => k.padStart(14)).join(''));
  for (const k of kinds) console.log('  ' + k.padEnd(14) + kinds.map((x) => String(confusion[k][x]).padStart(14)).join(''));
  console.log(`Published date (news): ${dateOk.length}/${dateRows.length} = ${pct(summary.published.accuracy)}`);
  console.log(`Title (articles): ${titleOk.length}/${titleRows.length} = ${pct(summary.title.accuracy)}`);
  console.log(`Body token F1 (${bodyRows.length} pages with expected text): ours ${summary.body.meanF1}  Readability ${summary.body.readabilityMeanF1}   news only: ours ${summary.body.newsMeanF1}  Readability ${summary.body.readabilityNewsMeanF1}`);
  for (const [t, v] of Object.entries(summary.body.byExpectedType)) console.log(`  expected .${t} (${v.pages} pages): ours ${v.meanF1}  Readability ${v.readabilityMeanF1}`);
  console.log(`Timing ms: detect median ${summary.timingMs.detect.median} (non-article ${summary.timingMs.detect.medianNonArticle}) max ${summary.timingMs.detect.max}; extract median ${summary.timingMs.extract.median} max ${summary.timingMs.extract.max}; Readability.parse median ${summary.timingMs.readability.median} max ${summary.timingMs.readability.max}`);
  console.log('\nPer page: label / predicted / score / date / body F1 (Readability) / ms detect, extract');
  for (const r of rows) {
    const d = r.label === 'news' ? (r.published.got === r.published.want ? 'date ok' : `date ${r.published.got}≠${r.published.want}`) : '';
    console.log(`  ${r.kind === r.label ? ' ' : 'X'} ${r.file.padEnd(48)} ${r.label.padEnd(13)} ${r.kind.padEnd(13)} ${r.score.toFixed(2)} ${d.padEnd(30)} ${r.body === null ? '    -' : r.body.toFixed(3)} (${r.bodyReadability === null ? '-' : r.bodyReadability.toFixed(3)}) ${r.ms.detect.toFixed(2)} ${r.ms.extract.toFixed(1)}`);
  }
  for (const [k, list] of Object.entries(summary.wrong)) {
    if (!list.length) continue;
    console.log(`\nWrong ${k}:`);
    for (const l of list) console.log('  ' + l);
  }
  if (heldOut) console.log(`\nHeld-out pages (unlabelled, crash check): ${heldOut.pages} run, ${heldOut.errors.length} errors; detect median ${heldOut.detectMedianMs} ms, extract median ${heldOut.extractMedianMs} ms` + (heldOut.errors.length ? '\n  ' + heldOut.errors.join('\n  ') : ''));
}
