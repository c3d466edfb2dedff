/**
 * The seed article served with a hostile page script and style sheet, in real Chromium. The page
 * breaks the built-ins our code would use if it shared the page's world, sends look-alike messages,
 * fakes our navigation event, hides everything with `all: unset`, covers the page with a maximal
 * z-index overlay, mutates the DOM hundreds of times a second and removes marks under us. Backstory
 * keeps working (or steps aside) without an error, and the page cannot read more than the user sees.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEED_HTML } from '../../scripts/paths';
import { sleep, tooltipText, useChromium } from './support';

const env = useChromium();

/** Runs first in the page's world: everything a page could do to confuse a content script. */
const HOSTILE_SCRIPT = `<script>
(() => {
  const boom = (name) => function () { throw new Error('hostile ' + name); };
  const saved = { Array: Object.getOwnPropertyDescriptors(Array.prototype), parse: JSON.parse, stringify: JSON.stringify };
  // Only the test calls this, through the DevTools protocol, once our scripts have done their work,
  // so that its own checks can run in the page (the test driver's helpers use these built-ins).
  window.__restoreBuiltins = () => { Object.defineProperties(Array.prototype, saved.Array); JSON.parse = saved.parse; JSON.stringify = saved.stringify; };
  for (const m of ['map', 'forEach', 'filter', 'some', 'find', 'includes', 'indexOf', 'slice', 'sort', 'flatMap', 'reduce', 'join'])
    Array.prototype[m] = boom('Array.prototype.' + m);
  Array.prototype.push = function () { return 0; };
  JSON.parse = () => ({ type: 'page:analyze', url: 'https://evil.example/' });
  JSON.stringify = () => '{"type":"tab:analyze","tabId":1}';
  Element.prototype.attachShadow = boom('attachShadow');
  window.MutationObserver = boom('MutationObserver');
  window.chrome = { runtime: { id: 'fake', sendMessage: boom('chrome.runtime.sendMessage') } };
  window.browser = window.chrome;
  window.postMessage({ type: 'page:analyze', url: location.href, detection: { isArticle: true }, article: { text: 'x' } }, '*');
  window.postMessage({ type: 'mention:reveal', key: 'france' }, '*');
  // A storm of DOM changes next to the article, for as long as the page is open.
  const storm = document.createElement('div');
  storm.id = 'storm';
  document.addEventListener('DOMContentLoaded', () => document.body.prepend(storm));
  let n = 0;
  setInterval(() => { storm.textContent = 'tick ' + n++; storm.setAttribute('data-n', String(n)); }, 2);
})();
</script>
<style>
  * { all: unset !important; }
  html, body, p, div, article { display: block !important; }
  #overlay { position: fixed !important; inset: 0 0 60% 0 !important; z-index: 2147483647 !important; display: block !important; }
</style>`;

async function openHostile(): Promise<Page> {
  const page = await env.chrome.context.newPage();
  const url = `${env.server.origin}/pages/hostile-seed.html`;
  const seed = readFileSync(SEED_HTML, 'utf8');
  const body = seed.replace(/<head([^>]*)>/i, `<head$1>${HOSTILE_SCRIPT}`).replace(/<body([^>]*)>/i, '<body$1><div id="overlay"></div>');
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  await page.goto(url);
  await page.waitForSelector('backstory-mark', { timeout: 15_000, state: 'attached' });
  // Marks are there: our scripts ran with the page's built-ins broken. Mend them for the driver.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.evaluate', { expression: 'window.__restoreBuiltins()' });
  await cdp.detach();
  return page;
}

/**
 * Polls with plain evaluations. (Playwright's waitForFunction keeps the built-ins it found when it
 * first ran in the page, which here were the page's broken ones.)
 */
async function until(page: Page, check: () => boolean, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(check))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${check.toString()}`);
    await sleep(100);
  }
}
const tooltipShown = () => (document.querySelector('backstory-tooltip') as HTMLElement | null)?.style.display === 'block';

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => {
    if ((err.stack ?? '').includes('chrome-extension://')) errors.push(err.message);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && msg.location().url.startsWith('chrome-extension://')) errors.push(msg.text());
  });
  return errors;
}

describe('a hostile page', () => {
  it('cannot stop the analysis, the marks or the card, and learns nothing beyond what is shown', async () => {
    const page = await openHostile();
    const errors = watchErrors(page);
    const marks = await page.evaluate(() => document.querySelectorAll('backstory-mark').length);
    expect(marks).toBeGreaterThanOrEqual(10);

    // Under the DOM storm, the card still opens on focus and sits on top of the page's overlay.
    const focusDarmanin = () =>
      page.evaluate(() => ([...document.querySelectorAll('backstory-mark')].find((m) => m.textContent?.includes('Darmanin')) as HTMLElement).focus());
    await focusDarmanin();
    await until(page, tooltipShown);
    expect(await tooltipText(page)).toContain('Gérald Darmanin');
    const onTop = await page.evaluate(() => {
      const host = document.querySelector('backstory-tooltip')!;
      const r = host.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(20, r.height / 2)) === host;
    });
    expect(onTop).toBe(true);

    // What a page script can read: the host without its closed shadow root, marks without data.
    const exposed = await page.evaluate(() => {
      const host = document.querySelector('backstory-tooltip') as HTMLElement;
      const attrs = new Set<string>();
      for (const m of document.querySelectorAll('backstory-mark')) for (const a of m.getAttributeNames()) attrs.add(a);
      return { shadow: host.shadowRoot === null, hostText: host.textContent, markAttributes: [...attrs].sort() };
    });
    expect(exposed.shadow).toBe(true);
    expect(exposed.hostText).toBe('');
    expect(exposed.markAttributes.every((a) => ['aria-describedby', 'aria-expanded', 'role', 'style', 'tabindex'].includes(a))).toBe(true);

    // A forged navigation event does not make us drop the marks of a page that did not change.
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.dispatchEvent(new Event('wxt:locationchange')));
    await sleep(1500);
    expect(await page.evaluate(() => document.querySelectorAll('backstory-mark').length)).toBe(marks);

    // The page removes some of our marks: the rest keep working, and turning marks off is clean.
    await page.evaluate(() => {
      const p = document.querySelector('backstory-mark')!.closest('p')!;
      p.innerHTML = p.textContent ?? '';
    });
    const left = await page.evaluate(() => document.querySelectorAll('backstory-mark').length);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(marks);
    await page.evaluate(() => ([...document.querySelectorAll('backstory-mark')].pop() as HTMLElement).focus());
    await until(page, tooltipShown);
    await env.chrome.worker.evaluate(async () => {
      type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
      const sync = (globalThis as unknown as { chrome: { storage: { sync: Area } } }).chrome.storage.sync;
      await sync.set({ settings: { ...(((await sync.get('settings')).settings ?? {}) as object), tooltips: false } });
    });
    await until(page, () => document.querySelectorAll('backstory-mark, backstory-tooltip').length === 0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
