/**
 * Each tab's analysis state, kept by the background. MV3 may stop the service worker at any time,
 * so states are mirrored into `storage.session` (memory-only, cleared with the browser session)
 * when it exists; if a write fails, the in-memory copy still serves this worker's lifetime.
 */
import { browser } from 'wxt/browser';
import type { TabState } from '../core/protocol';

const keyOf = (tabId: number) => `tab:${tabId}`;

export class TabStates {
  readonly #memory = new Map<number, TabState>();

  get #session() {
    return (browser.storage as { session?: typeof browser.storage.local } | undefined)?.session;
  }

  async get(tabId: number): Promise<TabState | undefined> {
    const known = this.#memory.get(tabId);
    if (known) return known;
    try {
      const stored = (await this.#session?.get(keyOf(tabId)))?.[keyOf(tabId)] as TabState | undefined;
      if (stored && typeof stored === 'object' && typeof stored.status === 'string') {
        this.#memory.set(tabId, stored);
        return stored;
      }
    } catch {
      // storage.session unavailable: memory only
    }
    return undefined;
  }

  async set(tabId: number, state: TabState): Promise<void> {
    this.#memory.set(tabId, state);
    try {
      await this.#session?.set({ [keyOf(tabId)]: state });
    } catch {
      // quota or unavailable: the in-memory state still answers
    }
  }

  async delete(tabId: number): Promise<void> {
    this.#memory.delete(tabId);
    try {
      await this.#session?.remove(keyOf(tabId));
    } catch {
      // nothing to clean up
    }
  }
}
