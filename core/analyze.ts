/**
 * The whole analysis, one stage after another: page → detection → article → parties (recognized
 * and linked) → dates → events → timeline. Plain TypeScript with no browser API: the background
 * worker runs `analyzeArticle` on what the content script extracted, the CLI runs `analyzeDocument`
 * on a parsed HTML file, and both produce the objects of the analysis contract.
 */
import { detectArticle } from './detect';
import { extractArticle } from './extract';
import { findFraming, type FramingNote } from './framing';
import type { KnowledgeBase } from './knowledge/base';
import { linkParties } from './parties/link';
import { recognizeNames } from './parties/recognize';
import { tokenize } from './parties/tokenize';
import { tagTimexes } from './time';
import { extractEvents } from './time/events';
import { buildTimeline } from './timeline/build';
import type { Analysis, Article, ArticleEvent, Party, Timex, TimelineItem } from './types';

export interface ArticleAnalysis {
  parties: Party[];
  timexes: Timex[];
  events: ArticleEvent[];
  timeline: TimelineItem[];
  framing: FramingNote[];
}

/** Milliseconds spent in each stage, for `npm run bench`. */
export type StageTimes = Record<'recognize' | 'link' | 'time' | 'events' | 'timeline', number>;

/**
 * The analysis of an article's text. Needs every linked entry's details (note, events): with a
 * knowledge base whose shards load synchronously (Node) that happens on the way; the worker uses
 * `analyzeArticleAsync`, which reads the shards it needs between linking and the timeline.
 */
export function analyzeArticle(article: Article, kb: KnowledgeBase, times?: Partial<StageTimes>): ArticleAnalysis {
  return completeAnalysis(article, kb, linkStage(article, kb, times), times);
}

/** `analyzeArticle` with the linked entries' details read from a knowledge base that loads them asynchronously. */
export async function analyzeArticleAsync(article: Article, kb: KnowledgeBase, times?: Partial<StageTimes>): Promise<ArticleAnalysis> {
  const linked = linkStage(article, kb, times);
  await kb.loadDetails(linked.parties.flatMap((p) => (p.id ? [p.id] : [])));
  return completeAnalysis(article, kb, linked, times);
}

interface Linked {
  parties: Party[];
  framing: FramingNote[];
}

function linkStage(article: Article, kb: KnowledgeBase, times?: Partial<StageTimes>): Linked {
  const started = performance.now();
  const { text, lang } = article;
  const recognized = recognizeNames(text, lang);
  const mid = performance.now();
  if (times) times.recognize = mid - started;
  const tokens = tokenize(text, lang);
  const parties = linkParties(text, kb, recognized, tokens);
  const framing = findFraming(text, tokens, kb);
  if (times) times.link = performance.now() - mid;
  return { parties, framing };
}

function completeAnalysis(article: Article, kb: KnowledgeBase, { parties, framing }: Linked, times?: Partial<StageTimes>): ArticleAnalysis {
  const { text, published } = article;
  let t = performance.now();
  const lap = (stage: keyof StageTimes) => {
    const now = performance.now();
    if (times) times[stage] = now - t;
    t = now;
  };
  for (const party of parties) if (party.id) party.note = kb.details(party.id)?.note ?? null;
  const timexes = tagTimexes(text, published, article.lang);
  lap('time');
  const events = extractEvents(text, timexes, parties, published);
  lap('events');
  const timeline = buildTimeline(events, parties, kb, published);
  lap('timeline');
  return { parties, timexes, events, timeline, framing };
}

export interface DocumentOptions {
  url?: string;
  /** Overrides the page's publication date (YYYY-MM-DD). */
  published?: string | null;
  /** Analyze the page even when it is not a news article (the popup's "analyze anyway"). */
  force?: boolean;
}

export type DocumentAnalysis = Analysis & { framing: FramingNote[] };

export function analyzeDocument(doc: Document, kb: KnowledgeBase, options: DocumentOptions = {}): DocumentAnalysis {
  const detection = detectArticle(doc, options.url);
  const empty: DocumentAnalysis = { isArticle: false, detection, article: null, parties: [], timexes: [], events: [], timeline: [], framing: [] };
  if (!detection.isArticle && !options.force) return empty;
  const { article: extracted } = extractArticle(doc, { url: options.url });
  const article: Article = options.published !== undefined ? { ...extracted, published: options.published } : extracted;
  return { isArticle: detection.isArticle, detection, article, ...analyzeArticle(article, kb) };
}
