/**
 * The reader's settings, in extension storage (WXT storage items, versioned so that later formats
 * migrate instead of resetting). Every reader validates what it reads: a corrupted stored value
 * falls back to the default instead of breaking the extension.
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

const MAX_SITES = 5000;

/** A well-formed Settings from whatever was stored (missing or malformed fields take their default). */
export function sanitizeSettings(raw: unknown): Settings {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const sites = Array.isArray(s.disabledSites)
    ? [...new Set(s.disabledSites.filter((h): h is string => typeof h === 'string' && h.length > 0 && h.length < 256).map((h) => h.toLowerCase()))].slice(0, MAX_SITES)
    : DEFAULT_SETTINGS.disabledSites;
  return {
    tooltips: typeof s.tooltips === 'boolean' ? s.tooltips : DEFAULT_SETTINGS.tooltips,
    marks: s.marks === 'every' || s.marks === 'first' ? s.marks : DEFAULT_SETTINGS.marks,
    analyze: s.analyze === 'on-click' || s.analyze === 'auto' ? s.analyze : DEFAULT_SETTINGS.analyze,
    disabledSites: sites,
  };
}

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  try {
    return sanitizeSettings(await settingsItem.getValue());
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Saves a change; a failed write (quota, storage off) is retried once and then reported to the caller. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await loadSettings()), ...change });
  try {
    await settingsItem.setValue(next);
  } catch {
    await new Promise((r) => setTimeout(r, 200));
    await settingsItem.setValue(next);
  }
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(sanitizeSettings(value)));
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
  const disabledSites = enabled ? current.disabledSites.filter((s) => !coveredBy(site, s)) : [...current.disabledSites, site];
  return updateSettings({ disabledSites });
}
