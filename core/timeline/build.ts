/**
 * The timeline the popup shows: the article's dated events merged with the background events of
 * the parties it links, oldest first, without duplicates, with what happened after the article's
 * publication marked as such.
 */
import type { KnowledgeBase } from '../knowledge/base';
import type { PackEvent } from '../knowledge/pack';
import type { ArticleEvent, Party, TimelineItem } from '../types';

/**
 * Background events kept per linked party: the article's main parties bring their history; a party
 * mentioned once or twice brings only events that involve another party of the article.
 */
function quotaFor(mentions: number): { max: number; needShared: boolean } {
  if (mentions >= 6) return { max: 10, needShared: false };
  if (mentions >= 3) return { max: 8, needShared: false };
  if (mentions === 2) return { max: 3, needShared: true };
  return { max: 2, needShared: true };
}

/** Events below this score (distant past, no other party of the article involved) are left out. */
const MIN_SCORE = 0.3;

/**
 * 0..1: how close an event is to the article, in time. Recent history before the article matters
 * most; the distant past fades over a century; what came after publication is kept but ranks lower.
 */
function closeness(date: string, published: string | null): number {
  const year = Number(date.slice(0, 4));
  const ref = published ? Number(published.slice(0, 4)) : new Date().getUTCFullYear();
  const before = ref - year;
  if (before < 0) return before >= -2 ? 0.6 : 0.3;
  return Math.max(0, 1 - before / 100);
}

/** The first day a date of any precision covers: "2024-05" → "2024-05-01". */
function firstDay(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** True when the whole period of `date` lies after the publication day. */
export function isAfter(date: string, published: string | null): boolean {
  return published !== null && firstDay(date) > published;
}

export function buildTimeline(
  events: readonly ArticleEvent[],
  parties: readonly Party[],
  kb: KnowledgeBase,
  published: string | null,
): TimelineItem[] {
  const items: TimelineItem[] = events.map((e) => ({
    date: e.date,
    endDate: null,
    label: e.summary,
    source: 'article',
    partyIds: e.partyIds,
    afterPublication: isAfter(e.date, published),
    sourceUrl: null,
  }));

  const linked = new Set(parties.flatMap((p) => (p.id ? [p.id] : [])));
  const seen = new Set<PackEvent>();
  const chosen: PackEvent[] = [];
  for (const party of parties) {
    const entry = party.id ? kb.details(party.id) : undefined;
    if (!entry) continue;
    const quota = quotaFor(party.mentions.length);
    const ranked = kb
      .eventsOf(entry)
      .filter((e) => !seen.has(e))
      .map((e) => ({ e, shared: e.related.filter((id) => id !== entry.id && linked.has(id)).length }))
      .filter(({ shared }) => shared > 0 || !quota.needShared)
      .map((r) => ({ ...r, score: 2 * r.shared + closeness(r.e.date, published) }))
      .filter((r) => r.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score || (a.e.date < b.e.date ? 1 : -1))
      .slice(0, quota.max);
    for (const { e } of ranked) {
      seen.add(e);
      chosen.push(e);
    }
  }

  // One event told by several entries (same day, a party in common) is shown once.
  const kept: PackEvent[] = [];
  for (const e of chosen) {
    const twin = kept.find((k) => k.date === e.date && k.related.some((id) => e.related.includes(id)));
    if (twin) {
      for (const id of e.related) if (!twin.related.includes(id)) twin.related = [...twin.related, id];
      continue;
    }
    kept.push({ ...e });
  }
  for (const e of kept) {
    items.push({
      date: e.date,
      endDate: e.end,
      label: e.label,
      source: 'knowledge',
      partyIds: e.related.filter((id) => linked.has(id)),
      afterPublication: isAfter(e.date, published),
      sourceUrl: e.source,
    });
  }
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.source === b.source ? 0 : a.source === 'knowledge' ? -1 : 1));
}
