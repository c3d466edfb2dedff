import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isSiteDisabled, loadSettings, sanitizeSettings, setSiteEnabled, settingsBytes, settingsItem, SettingsError, siteOf, SYNC_ITEM_BUDGET, updateSettings } from '../../../lib/settings';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

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

  it('keeps the valid fields of a partly corrupted value', () => {
    expect(sanitizeSettings({ tooltips: false, marks: 42, analyze: 'on-click', disabledSites: ['ok.test', null] })).toEqual({
      tooltips: false,
      marks: 'first',
      analyze: 'on-click',
      disabledSites: ['ok.test'],
    });
  });

  it('repairs a corrupted stored value field by field, and the next change stores the repair', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { tooltips: 'no', marks: 'every', analyze: null, disabledSites: ['News.Test', 'https://www.Other.test/page', 'www.news.test', 42, 'not a host', 'bücher.example', ''] },
    });
    const repaired = { tooltips: true, marks: 'every', analyze: 'auto', disabledSites: ['news.test', 'other.test', 'xn--bcher-kva.example'] };
    const settings = await loadSettings();
    expect(settings).toEqual(repaired);
    // Stored entries cover the pages they name, as the entries the extension writes do.
    for (const url of ['https://www.news.test/a', 'https://other.test/', 'https://bücher.example/x']) expect(isSiteDisabled(settings, url), url).toBe(true);
    await updateSettings({ analyze: 'on-click' });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({ ...repaired, analyze: 'on-click' });
  });

  it('replaces a stored value that is not an object at all', async () => {
    await fakeBrowser.storage.sync.set({ settings: ['news.test'] });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await updateSettings({ marks: 'every' });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({ ...DEFAULT_SETTINGS, marks: 'every' });
  });

  it("reads a newer version's settings (another device, same sync storage) and keeps its fields when writing", async () => {
    const newer = { tooltips: false, marks: 'every', analyze: 'on-click', disabledSites: ['news.test'], highlight: 'underline', sites: { 'paper.test': { analyze: 'auto' } } };
    await fakeBrowser.storage.sync.set({ settings: newer, settings$: { v: 2 } });
    expect(await loadSettings()).toEqual({ tooltips: false, marks: 'every', analyze: 'on-click', disabledSites: ['news.test'] });
    await updateSettings({ marks: 'first' });
    expect(await fakeBrowser.storage.sync.get(['settings', 'settings$'])).toEqual({ settings: { ...newer, marks: 'first' }, settings$: { v: 2 } });
  });

  it("drops a newer version's fields rather than make a change too big for sync storage", async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, notes: 'n'.repeat(SYNC_ITEM_BUDGET) } });
    await updateSettings({ tooltips: false });
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings as object;
    expect(stored).toEqual({ ...DEFAULT_SETTINGS, tooltips: false });
    expect(settingsBytes(stored)).toBeLessThanOrEqual(SYNC_ITEM_BUDGET);
  });

  it('tries a failed write again, with backoff, and saves it', async () => {
    const real = settingsItem.setValue.bind(settingsItem);
    const setValue = vi.spyOn(settingsItem, 'setValue');
    setValue.mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE')).mockRejectedValueOnce(new Error('busy')).mockImplementation(real);
    await updateSettings({ marks: 'every' });
    expect(setValue).toHaveBeenCalledTimes(3);
    expect((await loadSettings()).marks).toBe('every');
  });

  it('reports a write that keeps failing, and keeps what was stored', async () => {
    await updateSettings({ disabledSites: ['kept.test'] });
    vi.spyOn(settingsItem, 'setValue').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const error = await updateSettings({ tooltips: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).reason).toBe('write-failed');
    expect((error as SettingsError).message).toContain('QUOTA_BYTES');
    vi.restoreAllMocks();
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['kept.test'] });
  });

  it('never writes more than one sync item holds: a full list is refused, a stored one is trimmed', async () => {
    const sites = Array.from({ length: 600 }, (_, i) => `site-${String(i).padStart(4, '0')}.example-news.test`);
    const error = await updateSettings({ disabledSites: sites }).catch((e: unknown) => e);
    expect((error as SettingsError).reason).toBe('full');
    expect((await loadSettings()).disabledSites).toEqual([]);

    const trimmed = sanitizeSettings({ disabledSites: sites });
    expect(settingsBytes(trimmed)).toBeLessThanOrEqual(SYNC_ITEM_BUDGET);
    expect(trimmed.disabledSites.length).toBeGreaterThan(200);
    expect(trimmed.disabledSites).toEqual(sites.slice(0, trimmed.disabledSites.length));
    // Turning off a site already covered by the list adds nothing.
    await updateSettings({ disabledSites: ['news.test'] });
    await setSiteEnabled('https://edition.news.test/', false);
    expect((await loadSettings()).disabledSites).toEqual(['news.test']);
  });
});
