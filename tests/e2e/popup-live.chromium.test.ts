/**
 * The popup follows its tab while it is open, in real Chromium: opened during a long analysis it
 * shows the progress state and then the result; opened on a page whose article renders late it
 * goes from "not an article" to the result; asked to analyze a page without article text it says
 * so. Never reopened in between: each test checks that the popup document is the one it opened.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TabState } from '../../core/protocol';
import { join } from 'node:path';
import { FIXTURES, SEED_HTML } from '../../scripts/paths';
import { sleep, startStallingServer, tabIdOf, useChromium } from './support';

const env = useChromium();

const seed = readFileSync(SEED_HTML, 'utf8');

function serve(page: Page, path: string, body: string): Promise<string> {
  const url = `${env.server.origin}/pages/${path}`;
  return page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })).then(() => url);
}

/** Records, in the popup, each state it shows in turn: progress, result, or a state's title. */
const RECORD_STATES = () => {
  const w = window as unknown as { __shown: string[]; __opened: number };
  w.__shown = [];
  w.__opened = Math.random();
  const note = () => {
    if (!document.querySelector('.popup')) return; // not rendered yet
    const shown = document.querySelector('.party')
      ? 'result'
      : document.querySelector('[role="status"]')
        ? 'progress'
        : `title: ${document.querySelector('.state-title')?.textContent ?? ''}`;
    if (w.__shown[w.__shown.length - 1] !== shown) w.__shown.push(shown);
  };
  new MutationObserver(note).observe(document, { childList: true, subtree: true, characterData: true });
};

async function openPopup(tabId: number): Promise<{ popup: Page; opened: number }> {
  const popup = await env.chrome.context.newPage();
  await popup.addInitScript(RECORD_STATES);
  await popup.goto(`chrome-extension://${env.chrome.extensionId}/popup.html?tabId=${tabId}`);
  return { popup, opened: await popup.evaluate(() => (window as unknown as { __opened: number }).__opened) };
}

const shown = (popup: Page) => popup.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
const sameDocument = (popup: Page) => popup.evaluate(() => (window as unknown as { __opened: number }).__opened);

/** The tab's state as the background keeps it (mirrored in storage.session). */
async function stateOf(tabId: number): Promise<TabState['status'] | undefined> {
  return env.chrome.worker.evaluate(async (id) => {
    type Area = { get(k: string): Promise<Record<string, { status: TabState['status'] } | undefined>> };
    const session = (globalThis as unknown as { chrome: { storage: { session: Area } } }).chrome.storage.session;
    return (await session.get(`tab:${id}`))[`tab:${id}`]?.status;
  }, tabId);
}

async function waitForState(tabId: number, status: TabState['status'], timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await stateOf(tabId)) !== status) {
    if (Date.now() > deadline) throw new Error(`tab ${tabId} never reached ${status}`);
    await sleep(50);
  }
}

describe('the popup follows its tab while open', () => {
  it('opened during a long analysis: shows progress, then the result', { timeout: 120_000 }, async () => {
    // About 4 MB of article: its analysis takes seconds, so the popup opens well inside it.
    const paragraphs = [...seed.matchAll(/<p\b[^>]*>[\s\S]*?<\/p>/gi)].map((m) => m[0]).join('\n');
    const body = seed.replace(/<\/article>/i, `${Array.from({ length: Math.ceil(4_000_000 / paragraphs.length) }, () => paragraphs).join('\n')}</article>`);
    const page = await env.chrome.context.newPage();
    const url = await serve(page, 'long-article.html', body);
    await page.goto(url, { waitUntil: 'commit' });
    const tabId = await tabIdOf(env.chrome.worker, url);
    await waitForState(tabId, 'analyzing', 30_000);

    const started = Date.now();
    const { popup, opened } = await openPopup(tabId);
    await popup.getByRole('status').waitFor();
    expect(await stateOf(tabId)).toBe('analyzing'); // the popup's first answer was the progress state
    await popup.waitForSelector('.party', { timeout: 90_000 });
    console.log(`popup opened during the analysis: result shown ${Date.now() - started} ms later, states ${JSON.stringify(await shown(popup))}`);
    expect(await shown(popup)).toEqual(['progress', 'result']);
    expect(await popup.locator('.notice').count()).toBe(1); // its text is longer than the analysis reads
    expect(await sameDocument(popup)).toBe(opened);
    await Promise.all([popup.close(), page.close()]);
  });

  it('opened before a late article renders: from "not an article" to the result', { timeout: 60_000 }, async () => {
    // The seed article's metadata at once, its text only when the test says (as a script-rendered
    // page that also updates its URL).
    const late = seed.replace(
      /(<article\b[^>]*>)([\s\S]*?)(<\/article>)/i,
      '$1$3<template id="late">$2</template><script>window.renderArticle = () => { document.querySelector("article").append(document.getElementById("late").content); history.pushState({}, "", "?rendered"); };</script>',
    );
    expect(late).not.toBe(seed);
    const page = await env.chrome.context.newPage();
    const url = await serve(page, 'late-article.html', late);
    await page.goto(url);
    const { popup, opened } = await openPopup(await tabIdOf(env.chrome.worker, url));
    await popup.getByRole('button', { name: /analyze this page/i }).waitFor();
    await page.evaluate(() => (window as unknown as { renderArticle(): void }).renderArticle());
    await popup.waitForSelector('.party', { timeout: 30_000 });
    const states = await shown(popup);
    console.log(`popup opened before the article rendered: states ${JSON.stringify(states)}`);
    // First its answer for a page without an article (after the progress shown while it asks), last the result.
    expect(states.findIndex((s) => s.startsWith('title: '))).toBe(1);
    expect(states[states.length - 1]).toBe('result');
    expect(await popup.locator('.notice').count()).toBe(0); // the whole article was read
    expect(await sameDocument(popup)).toBe(opened);
    await Promise.all([popup.close(), page.close()]);
  });

  it('opened while a page loads: "checking" until the page has loaded, then its answer', { timeout: 60_000 }, async () => {
    const stalling = await startStallingServer(readFileSync(join(FIXTURES, 'news-front-page.html'), 'utf8'), 4500);
    try {
      const page = await env.chrome.context.newPage();
      const url = `${stalling.origin}/slow-html/front.html`;
      const loaded = page.goto(url);
      loaded.catch(() => undefined); // awaited below; a failure before then must not go unhandled
      // The tab shows its new URL to the extension a moment after the navigation commits.
      let tabId: number | null = null;
      for (const deadline = Date.now() + 5000; tabId === null && Date.now() < deadline; await sleep(50)) tabId = await tabIdOf(env.chrome.worker, url).catch(() => null);
      if (tabId === null) throw new Error(`no tab for ${url}`);
      const { popup, opened } = await openPopup(tabId);
      await popup.getByRole('status').filter({ hasText: /checking/i }).waitFor({ timeout: 5000 });
      await loaded;
      await popup.getByRole('button', { name: /analyze this page/i }).waitFor({ timeout: 10_000 });
      const states = await shown(popup);
      console.log(`popup opened while the page loaded: states ${JSON.stringify(states)}`);
      expect(states).toEqual(['progress', `title: ${"This page doesn't look like a news article."}`]);
      expect(await sameDocument(popup)).toBe(opened);
      await Promise.all([popup.close(), page.close()]);
    } finally {
      await stalling.close();
    }
  });

  it('asked to analyze a page without article text: says so, and offers to try again', async () => {
    const page = await env.chrome.context.newPage();
    const url = await serve(page, 'no-text.html', '<!doctype html><html lang="en"><head><title>Sign in</title></head><body><form><input name="q"><button>Go</button></form></body></html>');
    await page.goto(url);
    const { popup, opened } = await openPopup(await tabIdOf(env.chrome.worker, url));
    await popup.getByRole('button', { name: /analyze this page/i }).click();
    const alert = popup.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    const text = (await alert.textContent()) ?? '';
    console.log(`no article text: "${text}"`);
    expect(text).toMatch(/no article text/i);
    expect(await alert.getByRole('button', { name: /try again/i }).isVisible()).toBe(true);
    expect(await sameDocument(popup)).toBe(opened);
    await Promise.all([popup.close(), page.close()]);
  });
});
