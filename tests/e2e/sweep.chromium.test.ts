/**
 * Every saved page of the corpus, loaded in real Chromium with the extension, offline (every request
 * that is not to the local server is refused, so the pages behave the same on every run):
 *
 *  - no uncaught error and no console error from our code on any page;
 *  - pages the detector calls non-articles: nothing of ours ever enters their DOM (a mutation
 *    observer installed before any script records every node added or removed);
 *  - article pages: the marks do not move the article's text: the line boxes of every paragraph
 *    that holds a mark are measured with the marks, then after the extension removes them (tooltips
 *    turned off in the settings), in the same page state, and must not differ by more than 1 px;
 *  - no request leaves the extension: every request of the service worker, and every request a page
 *    sends with our origin (a content script's), is recorded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../core/detect';
import { parseHtml } from '../../core/dom/parse-html';
import { CORPUS_PAGES } from '../../scripts/paths';
import { sleep, useChromium } from './support';

const env = useChromium();

const files = readdirSync(CORPUS_PAGES)
  .filter((f) => f.endsWith('.html') && !f.endsWith('.expected.html'))
  .sort()
  .slice(0, Number(process.env.SWEEP_LIMIT) || undefined);

/** Records, from before any script runs, every node added to or removed from the document that is one of ours. */
const WATCH_OUR_NODES = () => {
  const w = window as unknown as { __ours: string[] };
  w.__ours = [];
  const ours = (n: Node) => n.nodeType === 1 && /^BACKSTORY-/.test((n as Element).tagName);
  new MutationObserver((records) => {
    for (const r of records) for (const n of [...r.addedNodes, ...r.removedNodes]) if (ours(n)) w.__ours.push((n as Element).tagName);
  }).observe(document, { childList: true, subtree: true });
};

/**
 * The text lines of every paragraph-like block holding a mark: for each line, its left, top, right
 * and bottom, from the boxes of the block's text (marks split text into more boxes, not more lines).
 */
async function markedLines(page: Page): Promise<number[][]> {
  return page.evaluate(() => {
    const w = window as unknown as { __blocks?: Element[] };
    w.__blocks ??= [...new Set([...document.querySelectorAll('backstory-mark')].map((m) => m.closest('p, li, blockquote, h2, h3, td, div') ?? m.parentElement!))];
    return w.__blocks.map((block) => {
      const lines: { l: number; t: number; r: number; b: number }[] = [];
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) {
          if (r.width === 0) continue;
          const line = lines.find((x) => Math.abs(x.t - r.top) < 0.5 && Math.abs(x.b - r.bottom) < 0.5);
          if (line) {
            line.l = Math.min(line.l, r.left);
            line.r = Math.max(line.r, r.right);
          } else lines.push({ l: r.left, t: r.top, r: r.right, b: r.bottom });
        }
      }
      return lines.flatMap((x) => [x.l, x.t, x.r, x.b]);
    });
  });
}

async function setTooltips(on: boolean): Promise<void> {
  await env.chrome.worker.evaluate(async (value) => {
    type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    const sync = (globalThis as unknown as { chrome: { storage: { sync: Area } } }).chrome.storage.sync;
    const current = ((await sync.get('settings')).settings ?? {}) as object;
    await sync.set({ settings: { ...current, tooltips: value } });
  }, on);
}

describe('corpus sweep in Chromium', () => {
  it('breaks nothing on any corpus page, and sends nothing anywhere', { timeout: 600_000 }, async () => {
    const { context } = env.chrome;
    const origin = env.server.origin;
    const outside: string[] = [];
    const CONTROL = `${origin}/corpus/?backstory-sweep-control`;
    let controlSeen = false;
    await context.route('**/*', (route) => {
      const request = route.request();
      const url = request.url();
      if (request.serviceWorker()?.url().startsWith(`chrome-extension://${env.chrome.extensionId}/`)) {
        // Our service worker (pages' own workers are not ours). Reading its own files is not a
        // network request and is not routed; anything routed is a request to somewhere.
        if (url === CONTROL) controlSeen = true;
        else outside.push(url);
      }
      if (url.startsWith(origin) || url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
      return route.abort();
    });
    // The recorder sees what our worker sends: a control request from inside the worker.
    await env.chrome.worker.evaluate((u) => fetch(u).then(() => undefined, () => undefined), CONTROL);
    expect(controlSeen).toBe(true);
    const errors: string[] = [];
    const problems: string[] = [];
    let articles = 0;
    let marksPlaced = 0;
    let maxShift = 0;

    const page = await context.newPage();
    await page.addInitScript(WATCH_OUR_NODES);
    page.on('pageerror', (err) => {
      if ((err.stack ?? '').includes('chrome-extension://')) errors.push(`${page.url()}: ${err.message}`);
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error' && msg.location().url.startsWith('chrome-extension://')) errors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('request', (req) => {
      // Requests the page itself makes (its images, scripts) are refused above and are not ours;
      // anything from our origin to the outside would be.
      const from = req.headers()['origin'] ?? '';
      if (from.startsWith('chrome-extension://') && !req.url().startsWith('chrome-extension://')) outside.push(req.url());
    });

    for (const file of files) {
      // Decided as the detector decides in the browser: the page's URL on the local server included.
      const isArticle = detectArticle(parseHtml(readFileSync(join(CORPUS_PAGES, file), 'utf8')), `${origin}/corpus/${file}`).isArticle;
      await page.goto(`${origin}/corpus/${file}`, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      if (!isArticle) {
        await sleep(600); // the detector runs at document_idle; give a wrongly sent analysis time to show
        const ours = await page.evaluate(() => (window as unknown as { __ours?: string[] }).__ours ?? []);
        if (ours.length) problems.push(`${file}: non-article page got ${ours.join(', ')}`);
        continue;
      }
      articles++;
      const marked = await page.waitForSelector('backstory-mark', { state: 'attached', timeout: 8000 }).then(
        () => true,
        () => false,
      );
      if (!marked) continue; // an article with no party the knowledge file knows: nothing to mark
      marksPlaced += await page.evaluate(() => document.querySelectorAll('backstory-mark').length);
      const withMarks = await markedLines(page);
      await setTooltips(false);
      await page.waitForFunction(() => document.querySelectorAll('backstory-mark').length === 0, null, { timeout: 5000 });
      const without = await markedLines(page);
      await setTooltips(true);
      for (let b = 0; b < withMarks.length; b++) {
        const a = withMarks[b]!;
        const z = without[b]!;
        if (a.length !== z.length) {
          problems.push(`${file}: block ${b} has ${a.length / 4} line boxes with marks, ${z.length / 4} without`);
          continue;
        }
        for (let i = 0; i < a.length; i++) maxShift = Math.max(maxShift, Math.abs(a[i]! - z[i]!));
      }
    }
    await page.close();

    const leaving = outside;
    console.log(
      `corpus sweep: ${files.length} pages, ${articles} articles (${marksPlaced} marks), ${files.length - articles} non-articles; ` +
        `max line shift ${maxShift.toFixed(2)} px; extension errors ${errors.length}; requests leaving the extension ${leaving.length}` +
        `${leaving.length ? `: ${leaving.join(' ')}` : ''}`,
    );
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
    expect(maxShift).toBeLessThanOrEqual(1);
    expect(leaving).toEqual([]);
    expect(articles).toBeGreaterThan(20);
    expect(marksPlaced).toBeGreaterThan(articles);
  });
});
