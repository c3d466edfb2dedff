import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isSiteDisabled, loadSettings, sanitizeSettings, setSiteEnabled, siteOf, updateSettings } from '../../../lib/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('falls back to defaults for corrupted stored values', async () => {
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ tooltips: 'yes', marks: 'all', analyze: 7, disabledSites: 'x' })).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ disabledSites: ['A.test', 'a.test', 3, ''] }).disabledSites).toEqual(['a.test']);
    await fakeBrowser.storage.sync.set({ settings: '{{not json' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves and reads back a change', async () => {
    await updateSettings({ marks: 'every', disabledSites: ['news.test'] });
    const s = await loadSettings();
    expect(s.marks).toBe('every');
    expect(s.tooltips).toBe(true);
    expect(s.disabledSites).toEqual(['news.test']);
  });

  it('turns a site off including its subdomains, and nothing else', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['news.test'] };
    expect(siteOf('https://www.news.test/a')).toBe('news.test');
    expect(isSiteDisabled(s, 'https://www.news.test/a')).toBe(true);
    expect(isSiteDisabled(s, 'https://edition.news.test/a')).toBe(true);
    expect(isSiteDisabled(s, 'https://othernews.test/a')).toBe(false);
    expect(isSiteDisabled(s, 'not a url')).toBe(false);
  });

  it('turns a site off and back on, removing every entry that covers it', async () => {
    await updateSettings({ disabledSites: ['news.test', 'other.test'] });
    await setSiteEnabled('https://edition.news.test/a', true);
    expect((await loadSettings()).disabledSites).toEqual(['other.test']);
    await setSiteEnabled('https://www.news.test/b', false);
    expect((await loadSettings()).disabledSites).toEqual(['other.test', 'news.test']);
  });
});
