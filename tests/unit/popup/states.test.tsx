// @vitest-environment happy-dom
/**
 * What the popup says in each tab state: the result (with the "long page" line when the text was
 * cut), progress (and that it is slow, after a while), each kind of error; and that it follows the
 * tab when the background, and only the background or our pages, says the state changed.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AnalysisView, TabState } from '../../../core/protocol';
import { CANNOT_READ, MAX_ARTICLE_CHARS, NO_ARTICLE_TEXT } from '../../../core/protocol';
import { App } from '../../../entrypoints/popup/App';
import { t } from '../../../lib/i18n';

const TAB = 5;
let current: TabState;
let root: HTMLElement;

const view = (chars: number, truncated: boolean): AnalysisView => ({
  url: 'https://news.test/a',
  detection: { isArticle: true, kind: 'news', score: 0.9, signals: [] },
  article: { title: 'A long story', byline: null, siteName: 'News', lang: 'en', published: '2024-05-02', modified: null, chars, truncated },
  parties: [],
  timeline: [],
  framing: [],
  elapsedMs: 10,
});

/** Lets the popup's pending answers (promises) arrive and render. */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });

/** A freshly opened popup on a tab in `state`. */
async function open(state: TabState): Promise<void> {
  current = state;
  render(null, root);
  await act(() => {
    render(<App tabId={TAB} />, root);
  });
  await settle();
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) =>
    message.type === 'tab:get' ? structuredClone(current) : { ok: true }) as never); // a message's answer is always a copy
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('popup states', () => {
  it('says when only the beginning of a long article was analyzed, and not otherwise', async () => {
    await open({ status: 'ready', view: view(MAX_ARTICLE_CHARS, true) });
    expect(root.querySelector('.notice')?.textContent).toBe(t('truncated', MAX_ARTICLE_CHARS.toLocaleString()));
    await open({ status: 'ready', view: view(12_000, false) });
    expect(root.querySelector('.title')?.textContent).toBe('A long story');
    expect(root.querySelector('.notice')).toBeNull();
  });

  it('shows progress, and after a while that it is slow, with a way to start again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await open({ status: 'analyzing', url: 'https://news.test/a', since: Date.now() });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(root.querySelector('[role="status"]')?.textContent).toContain(t('analyzing'));
    expect(root.textContent).not.toContain(t('slow'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(25_000);
    });
    expect(root.querySelector('[role="status"]')?.textContent).toContain(t('slow'));
    expect(root.querySelector('button')?.textContent).toBe(t('tryAgain'));
  });

  it('on a page still being checked says so, not "not an article", and asks again until it has an answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await open({ status: 'checking', until: Date.now() + 5000 });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(root.querySelector('[role="status"]')?.textContent).toContain(t('checking'));
    expect(root.textContent).not.toContain(t('notArticle'));
    const asked = () => vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.filter(([m]) => (m as { type: string }).type === 'tab:get').length;
    const before = asked();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1100);
    });
    expect(asked()).toBe(before + 1); // still checking: asked again after a second
    current = { status: 'none' };
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1100);
    });
    await settle();
    expect(root.querySelector('.state-title')?.textContent).toBe(t('notArticle'));
  });

  it('words each error: no article text, a page it cannot read, anything else as a plain-text detail', async () => {
    await open({ status: 'error', url: 'u', message: NO_ARTICLE_TEXT });
    expect(root.querySelector('[role="alert"] h1')?.textContent).toBe(t('noArticleText'));
    expect(root.querySelector('button')?.textContent).toBe(t('tryAgain'));

    await open({ status: 'error', url: 'u', message: CANNOT_READ });
    expect(root.querySelector('[role="alert"] h1')?.textContent).toBe(t('cannotRead'));
    expect(root.querySelector('button')).toBeNull(); // trying again cannot help

    const detail = '<img src=x onerror="alert(1)"> knowledge file missing';
    await open({ status: 'error', url: 'u', message: detail });
    expect(root.querySelector('[role="alert"] h1')?.textContent).toBe(t('errorTitle'));
    expect(root.querySelector('[role="alert"] p')?.textContent).toBe(detail);
    expect(root.querySelector('img')).toBeNull();
  });

  it('follows the tab when our background says it changed, and ignores anyone else saying so', async () => {
    await open({ status: 'analyzing', url: 'https://news.test/a', since: Date.now() });
    current = { status: 'ready', view: view(12_000, false) };
    const extension = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') };
    const contentScript = { id: fakeBrowser.runtime.id, url: 'https://news.test/a', tab: { id: TAB } };

    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'tab:changed', tabId: TAB }, contentScript as never).then(() => undefined));
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'tab:changed', tabId: TAB + 1 }, extension as never).then(() => undefined));
    await settle();
    expect(root.querySelector('[role="status"]')).not.toBeNull();

    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'tab:changed', tabId: TAB }, extension as never).then(() => undefined));
    await settle();
    expect(root.querySelector('.title')?.textContent).toBe('A long story');
  });
});
