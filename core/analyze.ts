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

export function analyzeArticle(article: Article, kb: KnowledgeBase, times?: Partial<StageTimes>): ArticleAnalysis {
  const { text, published } = article;
  let t = performance.now();
  const lap = (stage: keyof StageTimes) => {
    const now = performance.now();
    if (times) times[stage] = now - t;
    t = now;
  };
  const recognized = recognizeNames(text);
  lap('recognize');
  const tokens = tokenize(text);
  const parties = linkParties(text, kb, recognized, tokens);
  const framing = findFraming(text, tokens, kb);
  lap('link');
  const timexes = tagTimexes(text, published);
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
