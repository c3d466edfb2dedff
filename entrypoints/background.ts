/**
 * The background worker owns the knowledge index: it loads the bundled knowledge file once (not
 * once per tab), runs the analysis on the article text a tab's article script extracted, and keeps
 * each tab's result for the popup. It is also the only place that decides to inject the article
 * script, so pages that are not news articles never load it.
 *
 * Every message is checked at the boundary (core/protocol: shape, sizes, sender role); a content
 * script can only ever speak for its own tab.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyzeArticle } from '../core/analyze';
import { KnowledgeBase } from '../core/knowledge/base';
import { isAllowed, parseRequest, senderRole, type Request, type SenderRole, type TabState } from '../core/protocol';
import { buildView } from '../core/view';
import { isSiteDisabled, loadSettings } from '../lib/settings';
import { TabStates } from '../lib/tab-states';

const ARTICLE_SCRIPT = '/content-scripts/article.js';

export default defineBackground(() => {
  const states = new TabStates();
  /** Tabs where the reader asked for an analysis from the popup. */
  const requested = new Set<number>();
  let knowledge: Promise<KnowledgeBase> | null = null;

  const loadKnowledge = (): Promise<KnowledgeBase> =>
    (knowledge ??= fetch(browser.runtime.getURL('/knowledge.json'))
      .then((r) => {
        if (!r.ok) throw new Error(`knowledge file missing (${r.status})`);
        return r.text();
      })
      .then((text) => KnowledgeBase.fromJson(text))
      .catch((err: unknown) => {
        knowledge = null; // try again next time rather than caching the failure
        throw err;
      }));

  const inject = async (tabId: number) => {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [ARTICLE_SCRIPT] });
  };

  const setTitle = (tabId: number, state: TabState) => {
    const action = browser.action ?? browser.browserAction;
    const title = state.status === 'ready' ? `Backstory: ${state.view.parties.length} parties, ${state.view.timeline.length} events` : 'Backstory';
    action?.setTitle({ tabId, title })?.catch?.(() => undefined);
  };

  const update = async (tabId: number, state: TabState) => {
    await states.set(tabId, state);
    setTitle(tabId, state);
  };

  async function handle(request: Request, role: SenderRole): Promise<unknown> {
    switch (request.type) {
      case 'page:detected': {
        if (role.role !== 'content') return { ok: false };
        const settings = await loadSettings();
        const reason = isSiteDisabled(settings, request.url) ? 'site-off' : settings.analyze === 'on-click' ? 'on-click' : null;
        if (reason) {
          await update(role.tabId, { status: 'idle', url: request.url, detection: request.detection, reason });
          return { ok: true };
        }
        await update(role.tabId, { status: 'analyzing', url: request.url });
        try {
          await inject(role.tabId);
        } catch (err) {
          await update(role.tabId, { status: 'error', url: request.url, message: (err as Error).message });
        }
        return { ok: true };
      }
      case 'page:analyze': {
        if (role.role !== 'content') return { ok: false, message: 'not allowed' };
        const started = performance.now();
        try {
          const kb = await loadKnowledge();
          const analysis = analyzeArticle(request.article, kb);
          const view = buildView(request.url, request.detection, request.article, analysis, kb, performance.now() - started);
          const wasRequested = requested.delete(role.tabId);
          await update(role.tabId, { status: 'ready', view });
          return { ok: true, view, requested: wasRequested };
        } catch (err) {
          const message = (err as Error).message || 'the analysis failed';
          await update(role.tabId, { status: 'error', url: request.url, message });
          return { ok: false, message };
        }
      }
      case 'page:failed':
        if (role.role === 'content') await update(role.tabId, { status: 'error', url: request.url, message: request.message });
        return { ok: true };
      case 'tab:get':
        return (await states.get(request.tabId)) ?? { status: 'none' };
      case 'tab:analyze': {
        requested.add(request.tabId);
        const tab = await browser.tabs.get(request.tabId).catch(() => null);
        await update(request.tabId, { status: 'analyzing', url: tab?.url ?? '' });
        try {
          await inject(request.tabId);
          return { ok: true };
        } catch {
          requested.delete(request.tabId);
          await update(request.tabId, { status: 'error', url: tab?.url ?? '', message: 'cannot-read' });
          return { ok: false };
        }
      }
      case 'mention:reveal':
        return { ok: false }; // addressed to the tab's article script, not to us
    }
  }

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const request = parseRequest(raw);
    if (!request) return undefined;
    const role = senderRole(sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (!isAllowed(request, role) || request.type === 'mention:reveal') return undefined;
    return handle(request, role);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    requested.delete(tabId);
    void states.delete(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document (or a single-page navigation): the old analysis no longer describes the tab.
    if (!change.url) return;
    void states.get(tabId).then((state) => {
      const url = state?.status === 'ready' ? state.view.url : state && 'url' in state ? state.url : null;
      if (url !== change.url) void states.delete(tabId);
    });
  });
});
