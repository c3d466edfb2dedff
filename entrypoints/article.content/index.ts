/**
 * The article script, injected by the background only into tabs whose page is a news article (or
 * when the reader asks from the popup). It extracts the article, has the background analyze it,
 * then marks party mentions and wires the context tooltips. Everything it adds is tied to WXT's
 * content-script context, so an extension reload or update removes it; a single-page navigation
 * removes it and analyzes the new article.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle } from '../../core/detect';
import { extractArticleSteps, type TextPiece } from '../../core/extract';
import { isAllowed, MAX_ARTICLE_CHARS, NO_ARTICLE_TEXT, parseRequest, senderRole, type AnalysisView, type PartyCard } from '../../core/protocol';
import { applyMarks, type MarkSet, type MarkTarget } from '../../lib/marks';
import { isSiteDisabled, loadSettings, setSiteEnabled, watchSettings, type Settings } from '../../lib/settings';
import { sendWithRetry } from '../../lib/send';
import { runSliced, yieldToPage } from '../../lib/slice';
import { CARD_GLOBAL, createTooltip, type Tooltip } from '../../lib/tooltip';
import type { CreateTooltipCard } from '../../lib/tooltip-card';
import { revealMark } from './reveal';

/** How often an orphaned article script looks for its extension (and removes its marks when gone). */
const INVALIDATION_CHECK_MS = 2000;

/** Below this many characters there is no article to analyze. */
const MIN_TEXT = 200;

interface Session {
  url: string;
  view: AnalysisView;
  pieces: TextPiece[];
  /** The reader asked for this analysis from the popup (so marks are fine on non-news pages). */
  requested: boolean;
  marks: MarkSet | null;
  tooltip: Tooltip | null;
}

type AnalyzeResponse = { ok: true; view: AnalysisView; requested: boolean } | { ok: false; message: string };

function targetsFor(cards: readonly PartyCard[], mode: Settings['marks']): MarkTarget[] {
  const targets: MarkTarget[] = [];
  for (const card of cards) {
    if (!card.id) continue; // a party the knowledge file lacks has no card worth a mark
    const mentions = mode === 'every' ? card.mentions : card.mentions.slice(0, 1);
    for (const m of mentions) targets.push({ key: card.key, start: m.start, end: m.end });
  }
  return targets;
}

function run(ctx: ContentScriptContext) {
  let session: Session | null = null;
  let settings: Settings | null = null;
  let generation = 0;

  /**
   * The tooltip's card UI is a script of its own (entrypoints/tooltip-card.ts), which the background
   * injects into this world when the tooltip first needs it: this script's first evaluation, on
   * every article page, stays small. Loaded once; a failed load is tried again on the next ask. The
   * global is read only after this instance's injection set it, so one left by an earlier
   * instance of the extension (before a reload) is never used.
   */
  let cardScript: Promise<CreateTooltipCard> | null = null;
  const loadCard = () =>
    (cardScript ??= sendWithRetry(() => browser.runtime.sendMessage({ type: 'card:load' }))
      .then((response) => {
        const create = (globalThis as Record<string, unknown>)[CARD_GLOBAL];
        if (!(response as { ok?: boolean } | undefined)?.ok || typeof create !== 'function') throw new Error('the card UI did not load');
        return create as CreateTooltipCard;
      })
      .catch((err: unknown) => {
        cardScript = null;
        throw err;
      }));

  const unmark = () => {
    if (!session) return;
    session.tooltip?.destroy();
    session.marks?.remove();
    session.tooltip = null;
    session.marks = null;
  };

  /** Marks and tooltips as the settings say: on, off, first or every mention. */
  const applySettings = () => {
    if (!session || !settings) return;
    unmark();
    const allowed = settings.tooltips && !isSiteDisabled(settings, session.url) && (session.view.detection.isArticle || session.requested);
    if (!allowed) return;
    const cards = new Map(session.view.parties.map((c) => [c.key, c]));
    const marks = applyMarks(document, session.pieces, targetsFor(session.view.parties, settings.marks));
    session.marks = marks;
    session.tooltip = createTooltip({
      doc: document,
      marks,
      cards,
      // Saved, the settings watcher removes the marks; if the setting cannot be saved (its
      // retries failed), the marks still go from this page, as the reader asked.
      onSiteOff: () => void setSiteEnabled(location.href, false).catch(() => unmark()),
      loadCard,
    });
  };

  const analyze = async () => {
    const mine = ++generation;
    unmark();
    session = null;
    const url = location.href;
    // Each step in tasks of its own, none near a long task: the script's own evaluation, the
    // detection, then the extraction in slices (see lib/slice).
    await yieldToPage();
    const detection = detectArticle(document, url);
    await yieldToPage();
    const { article, pieces, truncated: cut } = await runSliced(extractArticleSteps(document, { url }));
    if (mine !== generation || ctx.isInvalid) return;
    if (article.text.length < MIN_TEXT) {
      await browser.runtime.sendMessage({ type: 'page:failed', url, message: NO_ARTICLE_TEXT });
      return;
    }
    // A text cut by the extraction's limits, or longer than a message may carry, is analyzed up to
    // there, and the popup says so.
    const truncated = cut || article.text.length > MAX_ARTICLE_CHARS;
    if (truncated) article.text = article.text.slice(0, MAX_ARTICLE_CHARS);
    const response = (await sendWithRetry(() => browser.runtime.sendMessage({ type: 'page:analyze', url, detection, article, truncated }))) as AnalyzeResponse | undefined;
    if (mine !== generation || ctx.isInvalid || !response?.ok) return;
    settings ??= await loadSettings();
    session = { url, view: response.view, pieces, requested: response.requested, marks: null, tooltip: null };
    applySettings();
  };

  const start = () =>
    analyze().catch(() => {
      // The background is gone (extension reloaded) or the page changed under us: step aside.
      unmark();
    });

  ctx.onInvalidated(() => {
    generation++;
    unmark();
    session = null;
  });
  // After an extension reload or update this script is orphaned (runtime.id is gone) and nothing
  // tells it so; WXT's interval checks that on each tick and then runs the cleanup above.
  ctx.setInterval(() => undefined, INVALIDATION_CHECK_MS);
  ctx.onInvalidated(watchSettings((next) => {
    settings = next;
    applySettings();
  }));
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    generation++;
    unmark();
    session = null;
    // The detector re-checks the new page and asks the background to analyze it if it is an article.
  });

  // The popup's "show in article": only our own extension pages may ask, and only this. Answered
  // with sendResponse, which the browsers' own runtime (no polyfill here) honours everywhere.
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse) => {
    if (ctx.isInvalid) return undefined;
    const request = parseRequest(raw);
    const role = senderRole(sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (request?.type !== 'mention:reveal' || !isAllowed(request, role)) return undefined;
    sendResponse({ ok: session ? revealMark(session.marks, session.pieces, session.view, request.key) : false });
    return undefined;
  });

  return start;
}

export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main(ctx) {
    // Injected again into a tab that already has it (re-analysis from the popup, a single-page
    // navigation, a detection sent again after a worker stop): WXT's context, as it starts,
    // invalidates the earlier instance in this world, which removes that one's marks and drops its
    // pending analysis; this one analyzes the page afresh.
    run(ctx)();
  },
});
