/**
 * The analysis contract's objects (see shared docs/analysis-contract.md), shared by every stage.
 * Plain data only: everything here crosses the message boundary and is printed by the CLI.
 */

export type PartyType = 'person' | 'organization' | 'country' | 'place' | 'event' | 'other';

/** A span of `article.text`; `text === article.text.slice(start, end)`. UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type Mention = Span;

export type PageKind = 'news' | 'article-other' | 'not-article';

export interface Detection {
  /** True only for news articles: reporting, analysis or opinion from a news outlet. */
  isArticle: boolean;
  kind: PageKind;
  /** 0..1, higher = more likely a news article. */
  score: number;
  /** Short names of the signals that contributed, e.g. "json-ld:NewsArticle", "og:type=article". */
  signals: string[];
}

export interface ArticleMeta {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  /** First publication date, YYYY-MM-DD. Never the last-update date. */
  published: string | null;
  modified: string | null;
}

export interface Article extends ArticleMeta {
  /** The plain article body; every offset in the analysis points into it. */
  text: string;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex extends Span {
  type: TimexType;
  /** TIMEX3 value: 2024, 2024-04, 2024-04-30, 2024-W18, 2024-SU, PRESENT_REF, P3Y, XXXX-04 … */
  value: string;
}

export interface Party {
  /** Knowledge-file id, or null for a party the knowledge file lacks. */
  id: string | null;
  name: string;
  type: PartyType;
  mentions: Mention[];
  note: string | null;
}

export interface ArticleEvent {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** Index into `timexes`. */
  timex: number;
  summary: string;
  partyIds: string[];
}

export interface TimelineItem {
  date: string;
  endDate: string | null;
  label: string;
  source: 'article' | 'knowledge';
  partyIds: string[];
  afterPublication: boolean;
  sourceUrl: string | null;
}

export interface Analysis {
  input?: string;
  isArticle: boolean;
  detection: Detection;
  article: Article | null;
  parties: Party[];
  timexes: Timex[];
  events: ArticleEvent[];
  timeline: TimelineItem[];
}
