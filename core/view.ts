/**
 * What the popup and the tooltips show, built from an analysis: one card per party with the
 * knowledge it needs (note, key facts, the background events nearest the article's date), plus the
 * timeline and framing notes. Plain data, so it crosses the message boundary as it is.
 */
import type { ArticleAnalysis } from './analyze';
import type { KnowledgeBase } from './knowledge/base';
import type { PackEntry, PackEvent } from './knowledge/pack';
import type { AnalysisView, PartyCard } from './protocol';
import type { Article, Detection, Party } from './types';

const FACTS_PER_CARD = 3;
const EVENTS_PER_CARD = 3;

/** Days between the start of a date of any precision and `anchor` (YYYY-MM-DD), absolute. */
function distanceInDays(date: string, anchor: string): number {
  const day = date.length === 4 ? `${date}-07-01` : date.length === 7 ? `${date}-15` : date;
  return Math.abs(Date.parse(day) - Date.parse(anchor)) / 86_400_000;
}

/** The background events nearest the article's date (or the latest ones when it has none), oldest first. */
export function nearestEvents(events: readonly PackEvent[], published: string | null, count = EVENTS_PER_CARD): PackEvent[] {
  const anchor = published ?? '9999-12-31';
  return [...events]
    .sort((a, b) => distanceInDays(a.date, anchor) - distanceInDays(b.date, anchor))
    .slice(0, count)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The entry's own key facts; for people without any, their offices ("Minister of X, 2020–2024"). */
function keyFacts(entry: PackEntry): { label: string; value: string }[] {
  if (entry.facts.length > 0) return entry.facts.slice(0, FACTS_PER_CARD).map(({ label, value }) => ({ label, value }));
  return [...entry.offices]
    .sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''))
    .slice(0, FACTS_PER_CARD)
    .map((o) => ({
      label: o.end === null ? 'Office' : 'Former office',
      value: `${o.office} (${o.start ? o.start.slice(0, 4) : '?'}–${o.end ? o.end.slice(0, 4) : ''})`.replace('(?–)', '').trim(),
    }));
}

export function partyKey(party: Pick<Party, 'id' | 'type' | 'name'>): string {
  return party.id ?? `name:${party.type}:${party.name}`;
}

export function partyCard(party: Party, kb: KnowledgeBase, published: string | null): PartyCard {
  const entry = party.id ? kb.details(party.id) : undefined;
  return {
    key: partyKey(party),
    id: party.id,
    name: party.name,
    type: party.type,
    note: entry?.note ?? party.note,
    facts: entry ? keyFacts(entry) : [],
    events: entry
      ? nearestEvents(kb.eventsOf(entry), published).map((e) => ({ date: e.date, endDate: e.end, label: e.label, sourceUrl: e.source }))
      : [],
    sourceUrl: entry?.source ?? null,
    asOf: entry?.asOf ?? null,
    mentions: party.mentions,
  };
}

export function buildView(
  url: string,
  detection: Detection,
  article: Article,
  truncated: boolean,
  analysis: ArticleAnalysis,
  kb: KnowledgeBase,
  elapsedMs: number,
): AnalysisView {
  const { text, ...meta } = article;
  return {
    url,
    detection,
    article: { ...meta, chars: text.length, truncated },
    parties: analysis.parties.map((p) => partyCard(p, kb, article.published)),
    timeline: analysis.timeline,
    framing: analysis.framing,
    elapsedMs: Math.round(elapsedMs),
  };
}
