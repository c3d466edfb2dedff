/**
 * Article events: the dated happenings an article reports, one line each, for the timeline.
 * Built from the tagger's DATE timexes: the clause carrying the date becomes the summary, the
 * parties mentioned in the same sentence become the event's parties.
 */
import type { ArticleEvent, Party, Timex } from '../types.ts';
import { sentenceBounds } from './tense.ts';

const MAX_SUMMARY = 160;
const DATED = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const STOP = new Set(
  ('a an the and or but of in on at to for from by with as is are was were be been has have had its it ' +
    'that this which who whom whose their his her they he she them than then also after before over into ' +
    'about said says will would not no so such while during between against within under up out new one')
    .split(' '),
);

const LEADING_JUNK = /^(?:[\s,;:—–\-"“”‘’'(]|(?:and|but|or|so|yet|however|meanwhile|moreover|also|while|which|who)\b)+/i;
const TRAILING_JUNK = /(?:[\s,;:—–\-"“‘(]|\b(?:and|but|or|so|yet|while|which|who|that|the|a|an|of|to|in|on|as|by|with|for)\b)+$/i;

function tidy(s: string): string {
  let t = s.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '').replace(/[.!?]+["”’]?$/, '').trim();
    if (t === before) break;
  }
  // Balance a stray closing quote left over from cutting.
  if (/^[^“"]*[”"]/.test(t) && !/[“"]/.test(t.slice(0, t.search(/[”"]/)))) t = t.replace(/[”"]/, '');
  return t ? t[0].toUpperCase() + t.slice(1) : t;
}

interface Segment {
  start: number;
  end: number;
}

/** Comma/semicolon-separated pieces of the sentence (commas inside numbers do not split). */
function segments(text: string, s: number, e: number): Segment[] {
  const out: Segment[] = [];
  let from = s;
  for (let i = s; i < e; i++) {
    const c = text[i];
    if ((c === ',' || c === ';' || c === ':' || c === '—') && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end: e });
  return out.filter((g) => /[A-Za-z0-9]/.test(text.slice(g.start, g.end)));
}

/** The clause around [ts, te): the whole sentence if short, else its pieces around the date. */
export function clauseAround(text: string, ts: number, te: number, bounds: [number, number]): string {
  const [s, e] = bounds;
  if (e - s <= MAX_SUMMARY) return tidy(text.slice(s, e));
  const segs = segments(text, s, e);
  let k = segs.findIndex((g) => g.start <= ts && g.end >= te);
  if (k < 0) k = 0;
  // A last piece that is only the date (", mardi 5 mai.", ", on Tuesday."): what happened is before it.
  if (k > 0 && k === segs.length - 1 && !/\p{L}{3,}/u.test(text.slice(segs[k].start, ts) + text.slice(te, segs[k].end))) {
    let a = Math.max(segs[k - 1].start, ts - MAX_SUMMARY);
    const cut = a > segs[k - 1].start;
    if (cut) while (a < ts && /\S/.test(text[a - 1])) a++;
    const before = tidy(text.slice(a, segs[k - 1].end));
    return before ? (cut ? '…' + before[0].toLowerCase() + before.slice(1) : before) : tidy(text.slice(ts, te));
  }
  let lo = k;
  let hi = k;
  // Grow to the right first (the main clause usually follows an opening phrase), then left.
  for (let grew = true; grew; ) {
    grew = false;
    if (hi + 1 < segs.length && segs[hi + 1].end - segs[lo].start <= MAX_SUMMARY) {
      hi++;
      grew = true;
    } else if (lo > 0 && segs[hi].end - segs[lo - 1].start <= MAX_SUMMARY) {
      lo--;
      grew = true;
    }
  }
  let a = segs[lo].start;
  let b = segs[hi].end;
  let cutStart = false;
  let cutEnd = false;
  if (b - a > MAX_SUMMARY) {
    // One long piece: keep its start if the date is near it, else a window ending after the date.
    if (te <= a + MAX_SUMMARY - 10) b = a + MAX_SUMMARY;
    else {
      b = Math.min(segs[hi].end, te + 30);
      a = Math.max(segs[lo].start, b - MAX_SUMMARY);
    }
  } else if (hi + 1 < segs.length && b - a < MAX_SUMMARY - 30) {
    // Room left: carry on into the next piece ("In January, the members … blamed France …").
    b = Math.min(segs[hi + 1].end, a + MAX_SUMMARY);
  }
  if (a > bounds[0]) {
    while (a < ts && /\S/.test(text[a - 1])) a++;
    cutStart = a > segs[0].start && !/[,;:—]\s*$/.test(text.slice(Math.max(bounds[0], a - 3), a));
  }
  if (b < e && /\S/.test(text[b] ?? '') && /\S/.test(text[b - 1])) {
    while (b > te && /\S/.test(text[b - 1])) b--;
  }
  cutEnd = b < segs[segs.length - 1].end && !/^[\s]*[,;:—]/.test(text.slice(b, b + 2)) && b < e - 1;
  let out = tidy(text.slice(a, b));
  if (cutEnd && out) out += '…';
  if (cutStart && out) out = '…' + out[0].toLowerCase() + out.slice(1);
  return out;
}

function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().split(/[^a-z0-9\u00c0-\u024f-]+/)) {
    const k = w.replace(/^-+|-+$/g, '');
    if (k.length > 2 && !STOP.has(k) && !/^\d+$/.test(k)) out.add(k.replace(/(?:ies)$/, 'y').replace(/s$/, ''));
  }
  return out;
}

function similar(a: Set<string>, b: Set<string>): boolean {
  let inter = 0;
  a.forEach((w) => {
    if (b.has(w)) inter++;
  });
  const small = Math.min(a.size, b.size);
  return small > 0 && inter >= Math.min(2, small) && inter / small >= 0.4;
}

/** A date on the byline or copyright line, or the article's own publication date near the top. */
function isDateline(text: string, t: Timex, published: string | null): boolean {
  const lineStart = text.lastIndexOf('\n', t.start - 1) + 1;
  let lineEnd = text.indexOf('\n', t.end);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  if (/(?:©|\(c\)|copyright)\s*$/i.test(text.slice(Math.max(lineStart, t.start - 12), t.start))) return true;
  if (/^\s*(?:by|updated|published|posted)\b/i.test(line) && line.length < 120) return true;
  // "Updated on …" in the languages whose dates the tagger reads
  if (/(?:updated|mis à jour|modifié|actualizado|aggiornato|atualizado)(?:\s+(?:on|le|el|il|em|:))?\s*$/i.test(text.slice(Math.max(lineStart, t.start - 30), t.start))) return true;
  if (published && t.value === published && (line.length < 80 || t.start < 200)) return true;
  return false;
}

/**
 * Dated happenings of the article. `timexes` are the tagger's output for `text`; `published` is
 * the publication date (its dateline is not an event).
 */
export function extractEvents(
  text: string,
  timexes: Timex[],
  parties: Party[],
  published: string | null,
): ArticleEvent[] {
  const mentions: { start: number; end: number; id: string }[] = [];
  for (const p of parties) {
    if (!p.id) continue;
    for (const m of p.mentions) mentions.push({ start: m.start, end: m.end, id: p.id });
  }
  const events: (ArticleEvent & { words: Set<string> })[] = [];
  for (let i = 0; i < timexes.length; i++) {
    const t = timexes[i];
    if (t.type !== 'DATE' || !DATED.test(t.value)) continue;
    if (isDateline(text, t, published)) continue;
    const bounds = sentenceBounds(text, t.start, t.end, 1200);
    const summary = clauseAround(text, t.start, t.end, bounds);
    if (!summary) continue;
    const ids: string[] = [];
    for (const m of mentions) {
      if (m.start >= bounds[0] && m.end <= bounds[1] && !ids.includes(m.id)) ids.push(m.id);
    }
    const words = contentWords(summary);
    const dup = events.find(
      (ev) =>
        ev.date === t.value &&
        (ev.partyIds.length === 0 || ids.length === 0 || ev.partyIds.some((id) => ids.includes(id))) &&
        similar(ev.words, words),
    );
    if (dup) {
      for (const id of ids) if (!dup.partyIds.includes(id)) dup.partyIds.push(id);
      continue;
    }
    events.push({ date: t.value, timex: i, summary, partyIds: ids, words });
  }
  return events.map(({ words: _w, ...ev }) => ev);
}
