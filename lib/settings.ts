/**
 * The reader's settings, in extension storage (WXT storage items, versioned so that later formats
 * migrate instead of resetting). Every reader validates what it reads: a corrupted stored value
 * keeps its valid fields, and the others fall back to their default instead of breaking the
 * extension.
 *
 * Sync storage is shared by the reader's browsers, which may run different versions of Backstory.
 * The format has not changed since the first version (v1, the shape below; nothing to migrate yet),
 * but a later one may add fields or change the format: this version reads such a value for the
 * fields it knows, and keeps the rest when it writes, so that changing a setting here does not
 * erase one that only the newer version knows. (A later format must in turn read what this one
 * writes, whatever version the stored metadata says: this version never updates it.) Its migration
 * must also give the same result when run twice, or on a value already migrated: WXT runs an item's
 * migrations wherever this module is loaded (background, popup, options, article script), each
 * context on its own.
 */
import { storage } from 'wxt/utils/storage';

export interface Settings {
  /** Show inline marks and tooltips on news articles. */
  tooltips: boolean;
  /** Mark the first mention of each party, or every mention. */
  marks: 'first' | 'every';
  /** Analyze news articles as soon as they load, or only when the popup asks. */
  analyze: 'auto' | 'on-click';
  /** Hostnames where Backstory stays off entirely. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { tooltips: true, marks: 'first', analyze: 'auto', disabledSites: [] };

/**
 * chrome.storage.sync keeps at most 8,192 bytes per item (QUOTA_BYTES_PER_ITEM; Firefox has the same
 * limit). Settings must fit in one item, so the list of sites turned off is bounded by bytes, with a
 * margin for the key and WXT's metadata: about 400 typical hostnames.
 */
export const SYNC_ITEM_BUDGET = 7_800;
const MAX_SITES = 2000;

/** A change that could not be saved; `reason` says why, for the message the reader sees. */
export class SettingsError extends Error {
  override name = 'SettingsError';
  constructor(readonly reason: 'full' | 'write-failed', message: string) {
    super(message);
  }
}

/** Bytes the settings take in sync storage (UTF-8 JSON, as the quota counts them). */
export const settingsBytes = (settings: object): number => new TextEncoder().encode(JSON.stringify(settings)).length + 'settings'.length;

/** A stored site entry as the key `siteOf` makes for its pages ("News.Example.com", "https://www.news.test/x" → "news.test"), or null. */
const siteKey = (entry: string): string | null => (entry.length < 256 ? siteOf(/^[a-z][a-z\d+.-]*:\/\//i.test(entry.trim()) ? entry.trim() : `https://${entry.trim()}`) : null);

/** A well-formed Settings from whatever was stored (missing or malformed fields take their default). */
export function sanitizeSettings(raw: unknown): Settings {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const sites = Array.isArray(s.disabledSites)
    ? [...new Set(s.disabledSites.map((h) => (typeof h === 'string' ? siteKey(h) : null)).filter((h): h is string => h !== null))].slice(0, MAX_SITES)
    : DEFAULT_SETTINGS.disabledSites;
  const settings: Settings = {
    tooltips: typeof s.tooltips === 'boolean' ? s.tooltips : DEFAULT_SETTINGS.tooltips,
    marks: s.marks === 'every' || s.marks === 'first' ? s.marks : DEFAULT_SETTINGS.marks,
    analyze: s.analyze === 'on-click' || s.analyze === 'auto' ? s.analyze : DEFAULT_SETTINGS.analyze,
    disabledSites: sites,
  };
  // A stored list too long for one sync item (written by hand, or by an older version): keep the
  // sites that fit, the oldest first.
  while (settings.disabledSites.length > 0 && settingsBytes(settings) > SYNC_ITEM_BUDGET) settings.disabledSites = settings.disabledSites.slice(0, -1);
  return settings;
}

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** What is stored, as stored (null when storage cannot be read). */
const readStored = (): Promise<unknown> => settingsItem.getValue().catch(() => null);

export async function loadSettings(): Promise<Settings> {
  return sanitizeSettings(await readStored());
}

/** The stored fields this version does not know (a newer version's, written on another device). */
function otherFields(stored: unknown): Record<string, unknown> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter(([key]) => !Object.hasOwn(DEFAULT_SETTINGS, key)));
}

/** Waits before the second and third attempts of a write (a busy or briefly failing storage). */
export const WRITE_BACKOFF_MS = [250, 1000];

/**
 * Saves a change. A change that would not fit in sync storage is refused with a SettingsError
 * ('full'); a failed write (storage off, write-rate limit) is tried again twice, with backoff, and
 * then reported with a SettingsError ('write-failed'), never dropped silently. Stored fields of a
 * newer version are written back with the change, unless they would make it not fit.
 */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const stored = await readStored();
  const wanted = { ...sanitizeSettings(stored), ...change };
  const next = sanitizeSettings(wanted);
  if (next.disabledSites.length < (wanted.disabledSites?.length ?? 0)) {
    throw new SettingsError('full', 'The list of sites where Backstory is off is full; remove a site to add another.');
  }
  const withOthers = { ...otherFields(stored), ...next };
  const value = settingsBytes(withOthers) <= SYNC_ITEM_BUDGET ? withOthers : next;
  let lastError: unknown;
  for (let attempt = 0; attempt <= WRITE_BACKOFF_MS.length; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, WRITE_BACKOFF_MS[attempt - 1]));
    try {
      await settingsItem.setValue(value);
      return next;
    } catch (err) {
      lastError = err;
    }
  }
  throw new SettingsError('write-failed', `The setting could not be saved (${(lastError as Error)?.message ?? 'storage error'}).`);
}

/** Calls back on every change; the returned stop function is safe after an extension reload. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const unwatch = settingsItem.watch((value) => callback(sanitizeSettings(value)));
  return () => {
    try {
      unwatch();
    } catch {
      // The extension was reloaded: its storage events are gone with it.
    }
  };
}

/** The site key for a URL: its hostname without a leading "www.". */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return null;
    return u.hostname.toLowerCase().replace(/^www\./, '') || (u.protocol === 'file:' ? 'file' : null);
  } catch {
    return null;
  }
}

/** True when `site` is `entry` or one of its subdomains. */
const coveredBy = (site: string, entry: string) => site === entry || site.endsWith(`.${entry}`);

export function isSiteDisabled(settings: Settings, url: string): boolean {
  const site = siteOf(url);
  if (!site) return false;
  return settings.disabledSites.some((s) => coveredBy(site, s));
}

/** Turns Backstory off or back on for the site of `url` (on: every entry covering it is removed). */
export async function setSiteEnabled(url: string, enabled: boolean): Promise<Settings> {
  const site = siteOf(url);
  const current = await loadSettings();
  if (!site) return current;
  const disabledSites = enabled ? current.disabledSites.filter((s) => !coveredBy(site, s)) : current.disabledSites.some((s) => coveredBy(site, s)) ? current.disabledSites : [...current.disabledSites, site];
  return updateSettings({ disabledSites });
}
