import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AnalysisView, TabState } from '../../../core/protocol';
import { TabStates } from '../../../lib/tab-states';

beforeEach(() => fakeBrowser.reset());

const view = (chars: number, truncated: boolean): AnalysisView => ({
  url: 'https://news.test/long',
  detection: { isArticle: true, kind: 'news', score: 0.9, signals: ['og:type=article'] },
  article: { title: 'Long', byline: null, siteName: null, lang: 'en', published: '2024-05-02', modified: null, chars, truncated },
  parties: [],
  timeline: [],
  framing: [],
  elapsedMs: 12,
});

describe('TabStates', () => {
  it('keeps whether the article was cut, also for a worker started after the analysis (storage.session)', async () => {
    const before = new TabStates();
    await before.set(7, { status: 'ready', view: view(400_000, true) });
    await before.set(8, { status: 'ready', view: view(5_000, false) });
    const restarted = new TabStates();
    const cut = (await restarted.get(7)) as Extract<TabState, { status: 'ready' }>;
    const whole = (await restarted.get(8)) as Extract<TabState, { status: 'ready' }>;
    expect(cut.view.article).toMatchObject({ chars: 400_000, truncated: true });
    expect(whole.view.article).toMatchObject({ chars: 5_000, truncated: false });
  });

  it('keeps when an analysis started, and forgets a closed tab', async () => {
    const states = new TabStates();
    await states.set(3, { status: 'analyzing', url: 'https://news.test/a', since: 1_700_000_000_000 });
    expect(await new TabStates().get(3)).toEqual({ status: 'analyzing', url: 'https://news.test/a', since: 1_700_000_000_000 });
    await states.delete(3);
    expect(await new TabStates().get(3)).toBeUndefined();
  });
});
