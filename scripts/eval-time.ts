/**
 * Measures the temporal tagger on TempEval-3 training data (TimeBank + AQUAINT, TBAQ-cleaned).
 *
 *   npx tsx scripts/eval-time.ts [--baseline] [--errors N] [--json] [--dir PATH]
 *
 * Scores follow TempEval-3: strict extent (exact span) and relaxed extent (any overlap) P/R/F1;
 * value and type accuracy over relaxed matches; value F1 = relaxed F1 × value accuracy. The
 * document creation time (functionInDocument="CREATION_TIME") is the anchor, not a gold timex.
 * The data is research-only: it is read here for measuring and never copied into the product.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as chrono from 'chrono-node';
import { tagTimexes } from '../core/time/index.ts';
import { BENCH } from './paths';
import type { Timex, TimexType } from '../core/types.ts';

interface Doc {
  file: string;
  dct: string;
  text: string;
  gold: Timex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

/** Strips the markup of the TEXT element, keeping TIMEX3 offsets into the plain text. */
export function parseTml(file: string, xml: string): Doc {
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0] ?? '';
  const dct = (attr(dctTag, 'value') ?? '').slice(0, 10);
  const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const gold: Timex[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === '<') {
      const close = body.indexOf('>', i);
      const tag = body.slice(i, close + 1);
      if (tag.startsWith('<TIMEX3')) {
        open.push({ start: text.length, type: attr(tag, 'type') ?? 'DATE', value: attr(tag, 'value') ?? '' });
      } else if (tag.startsWith('</TIMEX3')) {
        const o = open.pop();
        if (o) {
          gold.push({ start: o.start, end: text.length, text: text.slice(o.start), type: o.type as TimexType, value: o.value });
        }
      }
      i = close + 1;
    } else if (c === '&') {
      const semi = body.indexOf(';', i);
      const name = body.slice(i + 1, semi);
      if (semi > i && semi - i < 8 && (name in ENTITIES || name.startsWith('#'))) {
        text += name.startsWith('#')
          ? String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : +name.slice(1))
          : ENTITIES[name];
        i = semi + 1;
      } else {
        text += c;
        i++;
      }
    } else {
      text += c;
      i++;
    }
  }
  return { file, dct, text, gold };
}

function listTml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTml(p));
    else if (name.endsWith('.tml')) out.push(p);
  }
  return out;
}

// -- chrono-node baseline -----------------------------------------------------------------------

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function chronoTag(text: string, dct: string): Timex[] {
  const ref = new Date(`${dct}T12:00:00Z`);
  const out: Timex[] = [];
  for (const r of chrono.parse(text, { instant: ref, timezone: 0 })) {
    const c = r.start;
    const y = c.get('year') ?? 0;
    const mo = c.get('month') ?? 1;
    const d = c.get('day') ?? 1;
    let type: TimexType = 'DATE';
    let value: string;
    if (c.isCertain('hour')) {
      type = 'TIME';
      value = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
    } else if (c.isCertain('day') || c.isCertain('weekday')) value = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
    else if (c.isCertain('month')) value = `${pad(y, 4)}-${pad(mo)}`;
    else value = pad(y, 4);
    out.push({ start: r.index, end: r.index + r.text.length, text: r.text, type, value });
  }
  return out;
}

// -- scoring ------------------------------------------------------------------------------------

interface Counts {
  gold: number;
  sys: number;
  strict: number;
  relaxed: number;
  value: number;
  type: number;
}

interface ErrorSample {
  file: string;
  kind: 'missed' | 'spurious' | 'extent' | 'value' | 'type';
  gold?: string;
  sys?: string;
  context: string;
}

function score(doc: Doc, sys: Timex[], counts: Counts, errors: ErrorSample[]): void {
  counts.gold += doc.gold.length;
  counts.sys += sys.length;
  const usedSys = new Set<number>();
  const ctx = (s: number, e: number) =>
    `${doc.text.slice(Math.max(0, s - 50), s)}[${doc.text.slice(s, e)}]${doc.text.slice(e, e + 50)}`.replace(/\s+/g, ' ');
  for (const g of doc.gold) {
    let best = -1;
    for (let i = 0; i < sys.length; i++) {
      if (usedSys.has(i)) continue;
      const t = sys[i];
      if (t.start < g.end && g.start < t.end) {
        if (best < 0 || (t.start === g.start && t.end === g.end)) best = i;
      }
    }
    if (best < 0) {
      errors.push({ file: doc.file, kind: 'missed', gold: `${g.text} ${g.type} ${g.value}`, context: ctx(g.start, g.end) });
      continue;
    }
    usedSys.add(best);
    const t = sys[best];
    counts.relaxed++;
    const strict = t.start === g.start && t.end === g.end;
    if (strict) counts.strict++;
    else errors.push({ file: doc.file, kind: 'extent', gold: g.text, sys: t.text, context: ctx(g.start, g.end) });
    if (t.value === g.value) counts.value++;
    else
      errors.push({
        file: doc.file, kind: 'value', gold: `${g.text} ${g.value}`, sys: `${t.text} ${t.value}`,
        context: `DCT ${doc.dct}: ${ctx(g.start, g.end)}`,
      });
    if (t.type === g.type) counts.type++;
    else errors.push({ file: doc.file, kind: 'type', gold: `${g.text} ${g.type}`, sys: `${t.text} ${t.type}`, context: ctx(g.start, g.end) });
  }
  sys.forEach((t, i) => {
    if (!usedSys.has(i)) errors.push({ file: doc.file, kind: 'spurious', sys: `${t.text} ${t.type} ${t.value}`, context: ctx(t.start, t.end) });
  });
}

function prf(hit: number, sys: number, gold: number): { p: number; r: number; f1: number } {
  const p = sys ? hit / sys : 0;
  const r = gold ? hit / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function summarize(c: Counts) {
  const strict = prf(c.strict, c.sys, c.gold);
  const relaxed = prf(c.relaxed, c.sys, c.gold);
  const valueAcc = c.relaxed ? c.value / c.relaxed : 0;
  const typeAcc = c.relaxed ? c.type / c.relaxed : 0;
  return { counts: c, strict, relaxed, valueAccuracy: valueAcc, valueF1: relaxed.f1 * valueAcc, typeAccuracy: typeAcc };
}

function run(docs: Doc[], tagger: (text: string, dct: string) => Timex[]) {
  const counts: Counts = { gold: 0, sys: 0, strict: 0, relaxed: 0, value: 0, type: 0 };
  const errors: ErrorSample[] = [];
  let ms = 0;
  for (const d of docs) {
    const t0 = performance.now();
    const sys = tagger(d.text, d.dct);
    ms += performance.now() - t0;
    score(d, sys, counts, errors);
  }
  return { ...summarize(counts), ms, errors };
}

// -- main -----------------------------------------------------------------------------------------

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = resolve(opt('--dir') ?? join(BENCH, 'tempeval3/tbaq-cleaned'));
  const nErrors = Number(opt('--errors') ?? 0);
  const kind = opt('--kind');
  const docs = listTml(dir).map((f) => parseTml(f.slice(dir.length + 1), readFileSync(f, 'utf8')));

  const results: Record<string, ReturnType<typeof run>> = { backstory: run(docs, tagTimexes) };
  if (flag('--baseline')) results['chrono-node'] = run(docs, chronoTag);

  if (flag('--json')) {
    const out: Record<string, unknown> = { dir, documents: docs.length };
    for (const [name, r] of Object.entries(results)) {
      const { errors, ...rest } = r;
      out[name] = { ...rest, errors: nErrors ? errors.slice(0, nErrors) : undefined };
    }
    console.log(JSON.stringify(out));
    return;
  }

  const f = (x: number) => x.toFixed(3);
  console.log(`TempEval-3 TBAQ-cleaned: ${docs.length} documents, ${results.backstory.counts.gold} gold timexes (DCT excluded)\n`);
  console.log('tagger        strict P  R      F1     | relaxed P  R      F1     | value acc  value F1 | type acc | ms');
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(13)} ${f(r.strict.p)}  ${f(r.strict.r)}  ${f(r.strict.f1)}  | ${f(r.relaxed.p)}      ${f(r.relaxed.r)}  ${f(r.relaxed.f1)}  | ${f(r.valueAccuracy)}      ${f(r.valueF1)}    | ${f(r.typeAccuracy)}    | ${r.ms.toFixed(0)}`,
    );
  }
  if (nErrors > 0) {
    const errs = results.backstory.errors.filter((e) => !kind || e.kind === kind);
    // A spread-out sample, deterministic.
    const step = Math.max(1, Math.floor(errs.length / nErrors));
    console.log(`\n${errs.length} errors${kind ? ` of kind ${kind}` : ''}; ${Math.min(nErrors, errs.length)} shown:`);
    for (let i = 0, k = 0; i < errs.length && k < nErrors; i += step, k++) {
      const e = errs[i];
      console.log(`- ${e.kind.padEnd(8)} gold=${e.gold ?? '-'} | sys=${e.sys ?? '-'}\n    ${e.file}: ${e.context}`);
    }
  }
}

main();
