/**
 * The one message protocol between the content scripts, the background worker and the popup.
 *
 * Every message crosses a trust boundary, so every receiver calls `parseRequest` (shape, types and
 * sizes checked; anything else is dropped) and checks the sender with `senderRole`. Pages cannot
 * reach runtime messaging (no externally_connectable), but a compromised or confused content
 * script could, so content scripts may only ask about their own tab.
 */
import type { FramingNote } from './framing';
import type { Article, ArticleMeta, Detection, PartyType, Span, TimelineItem } from './types';

/** What a tooltip or a party row shows: the knowledge the page needs, nothing more. */
export interface PartyCard {
  /** Stable within one analysis: the knowledge id, or "name:<type>:<name>" for unlinked parties. */
  key: string;
  id: string | null;
  name: string;
  type: PartyType;
  note: string | null;
  facts: { label: string; value: string }[];
  /** The background events nearest to the article's date, at most three. */
  events: { date: string; endDate: string | null; label: string; sourceUrl: string }[];
  sourceUrl: string | null;
  asOf: string | null;
  mentions: Span[];
}

export interface AnalysisView {
  url: string;
  detection: Detection;
  /** The text analyzed: `chars` characters, `truncated` when the page's article was longer and only its beginning was read. */
  article: ArticleMeta & { chars: number; truncated: boolean };
  parties: PartyCard[];
  timeline: TimelineItem[];
  framing: FramingNote[];
  /** Milliseconds the background spent on the analysis. */
  elapsedMs: number;
}

export type TabState =
  | { status: 'none' }
  /** A page still loading (or just loaded) whose detector has not spoken yet; asked again by `until` (ms since the epoch). */
  | { status: 'checking'; until: number }
  /** A news article that is not analyzed yet: the reader chose "only on click", or turned the site off. */
  | { status: 'idle'; url: string; detection: Detection; reason: 'on-click' | 'site-off' }
  /** `since`: when the analysis was asked for (ms since the epoch), so the popup can tell a slow one. */
  | { status: 'analyzing'; url: string; since: number }
  | { status: 'ready'; view: AnalysisView }
  /** `message`: NO_ARTICLE_TEXT, CANNOT_READ, or what went wrong (shown as a detail). */
  | { status: 'error'; url: string; message: string };

/** Error messages the popup words itself: no article text on the page; a page the browser lets no extension read. */
export const NO_ARTICLE_TEXT = 'no-text';
export const CANNOT_READ = 'cannot-read';

/** The largest article text accepted for analysis (characters); longer texts are cut by the sender. */
export const MAX_ARTICLE_CHARS = 400_000;

export type Request =
  /** Detector content script: this page is (or is not) a news article. */
  | { type: 'page:detected'; url: string; detection: Detection }
  /** Article content script: analyze the article extracted from this tab (`truncated`: its text was cut to MAX_ARTICLE_CHARS). */
  | { type: 'page:analyze'; url: string; detection: Detection; article: Article; truncated: boolean }
  /** Article content script: the analysis could not run (e.g. no article text found). */
  | { type: 'page:failed'; url: string; message: string }
  /** Article content script: inject the tooltip's card UI into this tab (first hover or focus on a mark). */
  | { type: 'card:load' }
  /** Popup: what is known about this tab. */
  | { type: 'tab:get'; tabId: number }
  /** Popup: analyze this tab even though it is not detected as a news article. */
  | { type: 'tab:analyze'; tabId: number }
  /** Popup → the tab's article script: scroll to a party's first mention and highlight it. */
  | { type: 'mention:reveal'; key: string }
  /** Background → open popups: this tab's state changed (they ask again with tab:get). */
  | { type: 'tab:changed'; tabId: number };

export type ResponseOf<R extends Request> = R extends { type: 'page:analyze' }
  ? { ok: true; view: AnalysisView; requested: boolean } | { ok: false; message: string }
  : R extends { type: 'tab:get' }
    ? TabState
    : R extends { type: 'mention:reveal' }
      ? { ok: boolean }
      : { ok: boolean };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isNullableString = (v: unknown, max: number) => v === null || isString(v, max);
const isDate = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v));
const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function isDetection(v: unknown): v is Detection {
  return (
    isObject(v) &&
    typeof v.isArticle === 'boolean' &&
    (v.kind === 'news' || v.kind === 'article-other' || v.kind === 'not-article') &&
    typeof v.score === 'number' &&
    Number.isFinite(v.score) &&
    Array.isArray(v.signals) &&
    v.signals.length <= 64 &&
    v.signals.every((s) => isString(s, 200))
  );
}

function isArticle(v: unknown): v is Article {
  return (
    isObject(v) &&
    isString(v.title, 2000) &&
    isNullableString(v.byline, 500) &&
    isNullableString(v.siteName, 500) &&
    isNullableString(v.lang, 35) &&
    isDate(v.published) &&
    isDate(v.modified) &&
    isString(v.text, MAX_ARTICLE_CHARS)
  );
}

/** The request if `raw` is a well-formed one, otherwise null. */
export function parseRequest(raw: unknown): Request | null {
  if (!isObject(raw) || typeof raw.type !== 'string') return null;
  switch (raw.type) {
    case 'page:detected':
      return isString(raw.url, 8192) && isDetection(raw.detection) ? { type: raw.type, url: raw.url, detection: raw.detection } : null;
    case 'page:analyze':
      return isString(raw.url, 8192) && isDetection(raw.detection) && isArticle(raw.article) && typeof raw.truncated === 'boolean'
        ? { type: raw.type, url: raw.url, detection: raw.detection, article: raw.article, truncated: raw.truncated }
        : null;
    case 'page:failed':
      return isString(raw.url, 8192) && isString(raw.message, 500) ? { type: raw.type, url: raw.url, message: raw.message } : null;
    case 'tab:get':
    case 'tab:analyze':
    case 'tab:changed':
      return isTabId(raw.tabId) ? { type: raw.type, tabId: raw.tabId } : null;
    case 'mention:reveal':
      return isString(raw.key, 500) ? { type: raw.type, key: raw.key } : null;
    case 'card:load':
      return { type: raw.type };
    default:
      return null;
  }
}

/** The part of a runtime.MessageSender this module needs (so it stays free of browser types). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** `frameId`: the content script's frame in its tab (0: the top frame), when the browser says. */
export type SenderRole = { role: 'content'; tabId: number; frameId?: number } | { role: 'extension-page' } | { role: 'untrusted' };

/**
 * Who sent a message: one of our content scripts (and for which tab), one of our own pages (popup,
 * options), or anyone else. `extensionOrigin` is runtime.getURL('/').
 */
export function senderRole(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderRole {
  if (sender.id !== extensionId) return { role: 'untrusted' };
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) return { role: 'extension-page' };
  if (sender.tab && isTabId(sender.tab.id)) return { role: 'content', tabId: sender.tab.id, frameId: sender.frameId };
  return { role: 'untrusted' };
}

/** Which senders may send which requests. */
export function isAllowed(request: Request, role: SenderRole): boolean {
  switch (request.type) {
    case 'page:detected':
    case 'page:analyze':
    case 'page:failed':
      return role.role === 'content';
    case 'card:load':
      // The article script runs in the top frame only, and the card goes where it is.
      return role.role === 'content' && role.frameId === 0;
    case 'tab:get':
    case 'tab:analyze':
      return role.role === 'extension-page';
    case 'mention:reveal':
    case 'tab:changed':
      return role.role === 'extension-page';
  }
}
