/**
 * The foundation, end to end in real Chromium with the built extension: marks and tooltips on the
 * seed article, the popup for that tab, and a news front page left untouched.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEED_EXPECTED } from '../../scripts/paths';
import { sleep, tabIdOf, tooltipText, useChromium, waitForTooltip } from './support';

const expected = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as {
  parties: { name: string; required: boolean }[];
  backgroundEvents: { date: string }[];
};

const env = useChromium();

/** Records the page's text and markup at DOMContentLoaded, before any content script runs. */
const RECORD_BEFORE = () => {
  document.addEventListener('DOMContentLoaded', () => {
    const w = window as unknown as { __before: { text: string; html: string } };
    w.__before = { text: document.body.textContent ?? '', html: document.documentElement.outerHTML };
  });
};

/** Writes the settings the way the options page does (WXT storage item "sync:settings"). */
async function setSettings(change: Record<string, unknown>): Promise<void> {
  await env.chrome.worker.evaluate(async (c) => {
    type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    const sync = (globalThis as unknown as { chrome: { storage: { sync: Area } } }).chrome.storage.sync;
    const current = ((await sync.get('settings')).settings ?? {}) as object;
    await sync.set({ settings: { ...current, ...c } });
  }, change);
}

async function openSeed(): Promise<Page> {
  const page = await env.chrome.context.newPage();
  await page.addInitScript(RECORD_BEFORE);
  await page.goto(`${env.server.origin}/fixtures/seed-article.html`);
  await page.waitForSelector('backstory-mark', { timeout: 15_000 });
  return page;
}


describe('seed article in Chromium', () => {
  it('marks mentions without changing the article text, and unmarks exactly', async () => {
    const page = await openSeed();
    const marks = await page.$$eval('backstory-mark', (els) => els.map((e) => e.textContent));
    expect(marks.length).toBeGreaterThanOrEqual(10);
    expect(marks.some((t) => t?.includes('Darmanin'))).toBe(true);
    const same = await page.evaluate(() => (window as unknown as { __before: { text: string } }).__before.text === document.body.textContent);
    expect(same).toBe(true);

    // Turning tooltips off in the settings removes every mark from the open tab, restoring the DOM.
    await setSettings({ tooltips: false });
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark').length === 0, null, { timeout: 5000 });
    const restored = await page.evaluate(() => (window as unknown as { __before: { html: string } }).__before.html === document.documentElement.outerHTML);
    expect(restored).toBe(true);
    await setSettings({ tooltips: true });
    await page.waitForSelector('backstory-mark', { timeout: 5000 });
    await page.close();
  });

  it('shows Darmanin\'s card on hover after a dwell, and hides it after leaving', async () => {
    const page = await openSeed();
    const cdp = await page.context().newCDPSession(page);
    const mark = page.locator('backstory-mark', { hasText: 'Darmanin' }).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await sleep(100);
    expect(await page.$eval('backstory-tooltip', (h) => (h as HTMLElement).style.display).catch(() => 'none')).toBe('none');
    await waitForTooltip(page, true, 3000);
    const text = await tooltipText(page, cdp);
    expect(text).toContain('Gérald Darmanin');
    expect(text).toMatch(/Minister|minister|interior/i);
    expect(await mark.getAttribute('aria-describedby')).toMatch(/^backstory-tooltip-/);
    await page.mouse.move(5, 5);
    await waitForTooltip(page, false, 3000);
    await page.close();
  });

  it('reaches a mention with Tab, shows its card, and Escape dismisses it', async () => {
    const page = await openSeed();
    let onMark = false;
    for (let i = 0; i < 80 && !onMark; i++) {
      await page.keyboard.press('Tab');
      onMark = await page.evaluate(() => document.activeElement?.tagName === 'BACKSTORY-MARK');
    }
    expect(onMark).toBe(true);
    await waitForTooltip(page, true, 2000);
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await tooltipText(page)).not.toBe('');
    expect(focused.length).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await waitForTooltip(page, false, 2000);
    await page.close();
  });

  it('the popup lists the required parties with notes and a merged timeline', async () => {
    const page = await openSeed();
    const tabId = await tabIdOf(env.chrome.worker, page.url());
    const popup = await env.chrome.context.newPage();
    await popup.goto(`chrome-extension://${env.chrome.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.party', { timeout: 10_000 });
    const names = await popup.$$eval('.party .bs-name', (els) => els.map((e) => e.textContent ?? ''));
    for (const p of expected.parties.filter((p) => p.required)) {
      const want = p.name.replace(/ \(.*\)$/, '');
      expect(names.some((n) => n.includes(want)), `party ${p.name}`).toBe(true);
    }
    const notes = await popup.$$eval('.party .bs-note:not(.bs-muted)', (els) => els.length);
    expect(notes).toBeGreaterThanOrEqual(expected.parties.filter((p) => p.required).length);
    const dates = await popup.$$eval('.tl-item time', (els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect([...dates].sort()).toEqual(dates); // oldest first
    for (const year of ['1992', '1994', '1998', '2018', '2020', '2021', '2023']) expect(dates.some((d) => d.startsWith(year)), year).toBe(true);
    for (const e of expected.backgroundEvents) expect(dates, e.date).toContain(e.date);
    expect(await popup.locator('.tl-article').count()).toBeGreaterThanOrEqual(5);
    expect(await popup.locator('.tl-since').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('leaves a news front page untouched', async () => {
    const page = await env.chrome.context.newPage();
    await page.addInitScript(RECORD_BEFORE);
    await page.goto(`${env.server.origin}/fixtures/news-front-page.html`);
    await sleep(2000);
    const result = await page.evaluate(() => ({
      same: (window as unknown as { __before: { html: string } }).__before.html === document.documentElement.outerHTML,
      ours: document.querySelectorAll('backstory-mark, backstory-tooltip').length,
    }));
    expect(result).toEqual({ same: true, ours: 0 });
    const tabId = await tabIdOf(env.chrome.worker, page.url());
    const popup = await env.chrome.context.newPage();
    await popup.goto(`chrome-extension://${env.chrome.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: /analyze this page/i }).waitFor({ timeout: 5000 });
    await popup.close();
    await page.close();
  });
});
