/**
 * The extension's life around an open article, in real Chromium: the MV3 service worker stopped
 * (as Chrome does after 30 s idle) after an analysis and in the middle of one, and the extension
 * reloaded (as an update does) with the tab open. The reload test runs last: this harness's
 * browser does not bring an unpacked extension back after runtime.reload().
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { stopServiceWorker } from '../../scripts/service-worker';
import { sleep, tabIdOf, useChromium } from './support';

const env = useChromium();

const RECORD_BEFORE = () => {
  document.addEventListener('DOMContentLoaded', () => {
    (window as unknown as { __before: string }).__before = document.documentElement.outerHTML;
  });
};

async function openSeed(): Promise<Page> {
  const page = await env.chrome.context.newPage();
  await page.addInitScript(RECORD_BEFORE);
  await page.goto(`${env.server.origin}/fixtures/seed-article.html`);
  await page.waitForSelector('backstory-mark', { timeout: 15_000 });
  return page;
}

function extensionErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && (msg.location().url.startsWith('chrome-extension://') || /extension context/i.test(msg.text()))) errors.push(msg.text());
  });
  return errors;
}

describe('worker restarts and extension reloads', () => {
  it('after the service worker is stopped, the popup still shows the article from session storage', async () => {
    const page = await openSeed();
    const tabId = await tabIdOf(env.chrome.worker, page.url());
    expect(await env.chrome.worker.evaluate(() => ((globalThis as { __beforeStop?: number }).__beforeStop = 1))).toBe(1);
    expect(await stopServiceWorker(page, env.chrome.extensionId)).toBe(true);

    const started = Date.now();
    const popup = await env.chrome.context.newPage();
    await popup.goto(`chrome-extension://${env.chrome.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.party', { timeout: 10_000 });
    console.log(`popup after a worker stop: parties shown in ${Date.now() - started} ms`);
    expect(await popup.locator('.party').count()).toBeGreaterThanOrEqual(10);
    // It was a new worker that answered (the old one's globals are gone).
    expect(await env.chrome.worker.evaluate(() => (globalThis as { __beforeStop?: number }).__beforeStop)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('backstory-mark').length)).toBeGreaterThan(0);
    await Promise.all([popup.close(), page.close()]);
  });

  it('a worker stopped in the middle of an analysis: the tab still ends up analysed', async () => {
    const page = await env.chrome.context.newPage();
    const loading = page.goto(`${env.server.origin}/fixtures/seed-article.html`);
    await stopServiceWorker(page, env.chrome.extensionId);
    await loading;
    await stopServiceWorker(page, env.chrome.extensionId);
    await page.waitForSelector('backstory-mark', { timeout: 20_000 });
    await page.close();
  });

  it('an extension reload (as an update does) removes the old marks exactly, without an error', async () => {
    const page = await openSeed();
    const errors = extensionErrors(page);
    await env.chrome.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark, backstory-tooltip').length === 0, null, { timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __before: string }).__before === document.documentElement.outerHTML)).toBe(true);
    // Reading and hovering the page afterwards raises nothing from the orphaned script.
    await page.mouse.move(200, 300);
    await page.keyboard.press('Tab');
    await sleep(500);
    expect(errors).toEqual([]);
    await page.close();
  });
});
