/**
 * Single-page sites: when the URL changes without a load, the old marks go and a new article is
 * analyzed, without duplicate marks.
 */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support';

const env = useChromium();

describe('single-page navigation', () => {
  it('removes marks on navigation away and marks the next article once', async () => {
    const page = await env.chrome.context.newPage();
    await page.goto(`${env.server.origin}/pages/spa.html`);
    await page.waitForSelector('backstory-mark', { timeout: 15_000 });
    const first = await page.$$eval('backstory-mark', (m) => m.length);

    await page.evaluate(() => (window as unknown as { spa: { front(): void } }).spa.front());
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark, backstory-tooltip').length === 0, null, { timeout: 5000 });
    await page.waitForTimeout(2500); // the front page is not an article: nothing comes back
    expect(await page.$$eval('backstory-mark', (m) => m.length)).toBe(0);

    await page.evaluate(() => (window as unknown as { spa: { seed(): void } }).spa.seed());
    await page.waitForSelector('backstory-mark', { timeout: 15_000 });
    await page.waitForTimeout(1500);
    expect(await page.$$eval('backstory-mark', (m) => m.length)).toBe(first);
    expect(await page.$$eval('backstory-mark backstory-mark', (m) => m.length)).toBe(0);
    await page.close();
  });
});
