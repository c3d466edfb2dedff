/**
 * The popup: for one tab (the active one, or `?tabId=N`), the article's header, who is who, the
 * merged timeline and framing notes, or a clear state: not an article (analyze anyway), analyzing
 * (and, when that takes long, saying so), or an error. It follows the tab: the background tells
 * open popups when a tab's state changes, and the popup asks again.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { PartyCardView, SourceLink } from '../../components/PartyCard';
import { Timeline } from '../../components/Timeline';
import { CANNOT_READ, isAllowed, NO_ARTICLE_TEXT, parseRequest, senderRole, type AnalysisView, type PartyCard, type TabState } from '../../core/protocol';
import type { PartyType } from '../../core/types';
import { formatDate } from '../../lib/format';
import { t } from '../../lib/i18n';
import { isSiteDisabled, loadSettings, SettingsError, setSiteEnabled, siteOf, watchSettings, type Settings } from '../../lib/settings';

const TYPE_ORDER: PartyType[] = ['person', 'organization', 'country', 'place', 'event', 'other'];
/** After this long in "analyzing", the popup says it is taking long and offers to start again. */
const SLOW_MS = 20_000;
/** While a page is being checked, how often the popup asks again. */
const CHECK_AGAIN_MS = 1000;

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function App({ tabId: fixedTabId }: { tabId: number | null }) {
  const [tabId, setTabId] = useState<number | null>(fixedTabId);
  const [state, setState] = useState<TabState | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    if (fixedTabId === null) void activeTabId().then(setTabId);
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, [fixedTabId]);

  const asked = useRef(0);
  const refresh = useCallback(async () => {
    if (tabId === null) return;
    const mine = ++asked.current;
    let next: TabState;
    try {
      next = (await browser.runtime.sendMessage({ type: 'tab:get', tabId })) as TabState;
    } catch (err) {
      next = { status: 'error', url: '', message: (err as Error).message };
    }
    if (mine === asked.current) setState(next); // an older answer never replaces a newer one
  }, [tabId]);

  // The tab's state now, and again each time the background says it changed (an analysis ends, or a
  // settings change starts one or changes why the tab waits).
  useEffect(() => {
    if (tabId === null) return;
    const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender) => {
      const request = parseRequest(raw);
      const role = senderRole(sender, browser.runtime.id, browser.runtime.getURL('/'));
      if (request?.type === 'tab:changed' && request.tabId === tabId && isAllowed(request, role)) void refresh();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    void refresh();
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId, refresh]);

  // An analysis that takes long (a huge page, or one that stopped without a word) is said to be slow.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (state?.status !== 'analyzing') return;
    const timer = setTimeout(() => setSlow(true), Math.max(0, state.since + SLOW_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [state]);

  // A page still being checked: ask again each second (the page may have loaded meanwhile) and when
  // the detector must have spoken; the background also says when the page finishes loading.
  useEffect(() => {
    if (state?.status !== 'checking') return;
    const timer = setTimeout(() => void refresh(), Math.min(CHECK_AGAIN_MS, Math.max(0, state.until - Date.now()) + 50));
    return () => clearTimeout(timer);
  }, [state, refresh]);

  const analyze = async () => {
    if (tabId === null) return;
    setState({ status: 'analyzing', url: '', since: Date.now() });
    await browser.runtime.sendMessage({ type: 'tab:analyze', tabId }).catch(() => undefined);
  };

  return (
    <main class="popup" aria-busy={state === null || state.status === 'analyzing' || state.status === 'checking'}>
      <Body state={state} slow={slow} tabId={tabId} settings={settings} onAnalyze={analyze} />
    </main>
  );
}

function Body({ state, slow, tabId, settings, onAnalyze }: { state: TabState | null; slow: boolean; tabId: number | null; settings: Settings | null; onAnalyze: () => void }) {
  if (state === null || state.status === 'analyzing') {
    return (
      <div class="state" role="status">
        <span class="spinner" aria-hidden="true" />
        <p>{t('analyzing')}</p>
        {slow && <p class="bs-muted">{t('slow')}</p>}
        {slow && (
          <button type="button" class="primary" onClick={onAnalyze}>
            {t('tryAgain')}
          </button>
        )}
      </div>
    );
  }
  if (state.status === 'checking') {
    return (
      <div class="state" role="status">
        <span class="spinner" aria-hidden="true" />
        <p>{t('checking')}</p>
      </div>
    );
  }
  if (state.status === 'ready') return <Analysis view={state.view} tabId={tabId} settings={settings} />;
  if (state.status === 'error') {
    const cannotRead = state.message === CANNOT_READ;
    const known = cannotRead ? t('cannotRead') : state.message === NO_ARTICLE_TEXT ? t('noArticleText') : null;
    return (
      <div class="state" role="alert">
        <h1 class="state-title">{known ?? t('errorTitle')}</h1>
        {!known && <p class="bs-muted">{state.message}</p>}
        {!cannotRead && (
          <button type="button" class="primary" onClick={onAnalyze}>
            {t('tryAgain')}
          </button>
        )}
      </div>
    );
  }
  const siteOff = state.status === 'idle' && state.reason === 'site-off';
  return (
    <div class="state">
      <h1 class="state-title">{state.status === 'idle' ? (siteOff ? t('siteIsOff', siteOf(state.url) ?? '') : '') || t('analyzeAnyway') : t('notArticle')}</h1>
      {state.status === 'none' && <p class="bs-muted">{t('notArticleHint')}</p>}
      <button type="button" class="primary" onClick={onAnalyze}>
        {t('analyzeAnyway')}
      </button>
      {siteOff && settings && <SiteSwitch url={state.url} settings={settings} />}
    </div>
  );
}

function SiteSwitch({ url, settings }: { url: string; settings: Settings }) {
  const site = siteOf(url);
  const [failed, setFailed] = useState<'full' | 'write-failed' | null>(null);
  if (!site) return null;
  const off = isSiteDisabled(settings, url);
  const toggle = () => {
    setSiteEnabled(url, off).then(
      () => setFailed(null),
      (err: unknown) => setFailed(err instanceof SettingsError ? err.reason : 'write-failed'),
    );
  };
  return (
    <>
      <button type="button" class="link-button" onClick={toggle}>
        {off ? t('siteOn') : t('siteOff')}
      </button>
      {failed && <p role="alert">{failed === 'full' ? t('settingSitesFull') : t('settingSaveFailed')}</p>}
    </>
  );
}

/** One party in the popup: the note clamped to three lines until the reader asks for more. */
function PartyRow({ card, id, onReveal }: { card: PartyCard; id: string; onReveal: () => void }) {
  const [open, setOpen] = useState(false);
  const long = (card.note?.length ?? 0) > 180;
  return (
    <li class={`party${open || !long ? ' open' : ''}`}>
      <PartyCardView
        card={card}
        level={3}
        detailed={open}
        headingId={id}
        footer={
          <span class="party-actions">
            {(long || card.facts.length > 0 || card.events.length > 0) && (
              <button type="button" class="link-button" aria-expanded={open} aria-describedby={id} onClick={() => setOpen(!open)}>
                {open ? t('less') : t('more')}
              </button>
            )}
            <button type="button" class="link-button" onClick={onReveal} aria-describedby={id}>
              {t('showInPage', card.mentions.length === 1 ? t('mentionsOne') : t('mentions', card.mentions.length))}
            </button>
          </span>
        }
      />
    </li>
  );
}

function Analysis({ view, tabId, settings }: { view: AnalysisView; tabId: number | null; settings: Settings | null }) {
  const names = useMemo(() => new Map(view.parties.flatMap((p) => (p.id ? [[p.id, p.name] as const] : []))), [view]);
  const groups = useMemo(() => {
    const byType = new Map<PartyType, PartyCard[]>();
    for (const p of view.parties) byType.set(p.type, [...(byType.get(p.type) ?? []), p]);
    // Groups in order of their most-mentioned party, so the article's main actors come first.
    const weight = (cards: PartyCard[]) => Math.max(...cards.map((c) => c.mentions.length));
    return TYPE_ORDER.flatMap((type) => (byType.has(type) ? [[type, byType.get(type)!] as const] : [])).sort((a, b) => weight(b[1]) - weight(a[1]));
  }, [view]);
  const reveal = (key: string) => {
    if (tabId === null) return;
    void browser.tabs.sendMessage(tabId, { type: 'mention:reveal', key }).catch(() => undefined);
  };
  const { article } = view;
  return (
    <>
      <header class="head">
        <h1 class="title">{article.title || view.url}</h1>
        <p class="bs-muted byline">
          {[article.siteName, article.published ? t('published', formatDate(article.published)) : t('noDate')].filter(Boolean).join(' · ')}
        </p>
        {article.truncated && <p class="bs-muted notice">{t('truncated', article.chars.toLocaleString())}</p>}
      </header>

      <section aria-labelledby="who">
        <h2 id="who" class="section-title">{t('whoIsWho')}</h2>
        {groups.length === 0 && <p class="bs-muted">{t('noParties')}</p>}
        {groups.map(([type, cards]) => (
          <section class="group" key={type} aria-labelledby={`group-${type}`}>
            <h3 id={`group-${type}`} class="group-title">
              {t(`group_${type}`)}
            </h3>
            <ul class="parties">
              {cards.map((card, i) => (
                <PartyRow key={card.key} card={card} id={`party-${type}-${i}`} onReveal={() => reveal(card.key)} />
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="timeline">
        <h2 id="timeline" class="section-title">{t('timeline')}</h2>
        <Timeline items={view.timeline} names={names} />
      </section>

      {view.framing.length > 0 && (
        <section aria-labelledby="framing">
          <h2 id="framing" class="section-title">{t('contestedTerms')}</h2>
          <ul class="framing">
            {view.framing.map((f) => (
              <li key={f.note}>
                <p>
                  <strong>{f.terms.join(' / ')}</strong>
                </p>
                <p>{f.note}</p>
                <SourceLink url={f.source} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer class="foot">
        {settings && <SiteSwitch url={view.url} settings={settings} />}
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('settings')}
        </button>
        <p class="bs-muted small">{t('privacy')}</p>
      </footer>
    </>
  );
}
