/**
 * Pages that never finish loading, in real Chromium: the article's HTML arrives but the server holds
 * the connection open (so the document stays 'loading'), or the article is complete but an ad frame
 * in it never finishes (so `load` never fires). A reader sees the whole article either way, and
 * Backstory must give them its context within a bounded time, without an error and without a task
 * of ours over 50 ms. That bound is checked on the main thread's CPU time: the tests share two cores
 * with other work, which stretches a task's wall time several-fold (it is logged too).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceLoad } from '../../scripts/bench-browser';
import { SEED_HTML } from '../../scripts/paths';
import { startStallingServer, useChromium, type StaticServer } from './support';

const env = useChromium();

let stalling: StaticServer;
beforeAll(async () => {
  stalling = await startStallingServer(readFileSync(SEED_HTML, 'utf8'));
});
afterAll(() => stalling?.close());

/** Records, in the page, when the first mark arrives (ms since navigation start). */
async function watchFirstMark(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((records, observer) => {
      if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName === 'BACKSTORY-MARK'))) {
        (window as { firstMarkAt?: number }).firstMarkAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

function ourErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => {
    if ((err.stack ?? '').includes('chrome-extension://')) errors.push(err.message);
  });
  return errors;
}

describe('pages that never finish loading', () => {
  for (const [name, path, readyState] of [
    ['HTML that never ends', 'stalled-html', 'loading'],
    ['an ad frame that never finishes', 'stalled-frame', 'interactive'],
  ] as const) {
    it(`${name}: marked within a few seconds, no task of ours over 50 ms, no error`, { timeout: 60_000 }, async () => {
      const page = await env.chrome.context.newPage();
      const errors = ourErrors(page);
      await watchFirstMark(page);
      const trace = await traceLoad(page, `${stalling.origin}/${path}/2024-05-02-article.html`, true, 15_000, 'commit');
      const firstMarkAt = await page.evaluate(() => (window as { firstMarkAt?: number }).firstMarkAt ?? null);
      console.log(`${name}: ${trace.marks} marks, the first ${firstMarkAt === null ? 'never' : `${Math.round(firstMarkAt)} ms`} after navigation; longest task with our code ${trace.longestCpuWithOurCodeMs} ms of CPU; wall time: ${trace.longTasksWithOurCode} over 50 ms (longest ${trace.longestWithOurCodeMs} ms), our longest slice ${trace.longestOurSliceMs} ms`);
      // The page really never finished: no load event, and (for the open HTML) no end of parsing.
      expect(await page.evaluate(() => document.readyState)).toBe(readyState);
      expect(trace.marks).toBeGreaterThan(0);
      expect(firstMarkAt).toBeLessThan(10_000);
      expect(trace.longestCpuWithOurCodeMs).toBeGreaterThan(0);
      expect(trace.longestCpuWithOurCodeMs).toBeLessThan(50);
      // Nothing of ours in the ad frame.
      for (const frame of page.frames().slice(1)) expect(await frame.evaluate(() => document.querySelectorAll('backstory-mark').length)).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('HTML that ends after a long pause: read as it is, then again in full once it is all there', { timeout: 60_000 }, async () => {
    const page = await env.chrome.context.newPage();
    const errors = ourErrors(page);
    await page.goto(`${stalling.origin}/whole/2024-05-02-article.html`);
    await page.waitForSelector('backstory-mark', { state: 'attached' });
    await page.waitForTimeout(1000);
    const whole = await page.evaluate(() => document.querySelectorAll('backstory-mark').length);

    await page.goto(`${stalling.origin}/slow-html/2024-05-02-article.html`, { waitUntil: 'commit' });
    await page.waitForSelector('backstory-mark', { state: 'attached', timeout: 15_000 });
    expect(await page.evaluate(() => document.readyState)).toBe('loading'); // marked from the first half
    await page.waitForLoadState('load');
    await page.waitForFunction((n) => document.querySelectorAll('backstory-mark').length === n, whole, { timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
