/**
 * What a reader does with the marks and the card, in real Chromium on the seed article: moving from
 * a mention onto its card, tapping on a touch screen, turning the site off from the card and on
 * again from the popup, marking every mention, and "Show in article" from the popup. Timing checks
 * have wide margins (the machine may be loaded): they assert order, not exact milliseconds.
 */
import type { CDPSession, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { sleep, tabIdOf, tooltipButtonCenter, tooltipText, useChromium, waitForTooltip } from './support';

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

const markCount = (page: Page) => page.evaluate(() => document.querySelectorAll('backstory-mark').length);
const hostBox = (page: Page) => page.$eval('backstory-tooltip', (h) => h.getBoundingClientRect().toJSON() as DOMRect);

async function setSettings(change: Record<string, unknown> | null): Promise<void> {
  await env.chrome.worker.evaluate(async (c) => {
    type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> };
    const sync = (globalThis as unknown as { chrome: { storage: { sync: Area } } }).chrome.storage.sync;
    if (c === null) return sync.remove('settings');
    const current = ((await sync.get('settings')).settings ?? {}) as object;
    await sync.set({ settings: { ...current, ...c } });
  }, change);
}

async function openPopup(page: Page): Promise<Page> {
  const tabId = await tabIdOf(env.chrome.worker, page.url());
  const popup = await env.chrome.context.newPage();
  await popup.goto(`chrome-extension://${env.chrome.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('.party');
  return popup;
}

/** The tab's state as the background mirrors it into storage.session. */
async function waitForTabState(page: Page, status: string): Promise<void> {
  const tabId = await tabIdOf(env.chrome.worker, page.url());
  const end = Date.now() + 10_000;
  for (;;) {
    const state = await env.chrome.worker.evaluate(async (key) => {
      type Area = { get(k: string): Promise<Record<string, { status?: string } | undefined>> };
      return (await (globalThis as unknown as { chrome: { storage: { session: Area } } }).chrome.storage.session.get(key))[key]?.status;
    }, `tab:${tabId}`);
    if (state === status) return;
    if (Date.now() > end) throw new Error(`tab state is ${state}, not ${status}`);
    await sleep(100);
  }
}

/** The accessible role and name of the focused node, through the accessibility tree (it sees into closed shadow roots, as a screen reader does). */
async function focusedNode(cdp: CDPSession): Promise<string> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] }[];
  };
  const focused = nodes.filter((n) => n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
  return focused.map((n) => `${n.role?.value} ${n.name?.value}`).join(' | ');
}

beforeEach(async () => {
  await setSettings(null); // defaults: tooltips on, first mention, automatic, no site off
});

describe('reading with Backstory in Chromium', () => {
  it('keeps the card open while the pointer moves onto it, and hides it after leaving the card', async () => {
    const page = await openSeed();
    const mark = page.locator('backstory-mark', { hasText: 'Darmanin' }).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await waitForTooltip(page, true, 3000);
    const box = await hostBox(page);
    // Straight from the mention onto the card, as a reader does to click the source link.
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(20, box.height / 2), { steps: 4 });
    await sleep(900); // well past the grace period
    expect(await page.$eval('backstory-tooltip', (h) => (h as HTMLElement).style.display)).toBe('block');
    expect(await tooltipText(page)).toContain('Gérald Darmanin');
    // The card stays within the viewport.
    const viewport = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    // Away from both: hidden after the grace period.
    await page.mouse.move(2, 2);
    await waitForTooltip(page, false, 3000);
    await page.close();
  });

  it('opens the card as a bottom sheet on a tap (touch emulation) and closes it on a tap elsewhere', async () => {
    const page = await openSeed();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const tap = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const mark = page.locator('backstory-mark', { hasText: 'Darmanin' }).first();
    await mark.scrollIntoViewIfNeeded();
    const m = (await mark.boundingBox())!;
    await tap(m.x + m.width / 2, m.y + m.height / 2);
    await waitForTooltip(page, true, 3000);
    const sheet = await hostBox(page);
    const viewport = page.viewportSize()!;
    // A sheet along the bottom edge, as wide as the viewport, with a Close button.
    expect(Math.abs(sheet.y + sheet.height - viewport.height)).toBeLessThanOrEqual(1);
    expect(sheet.width).toBeGreaterThanOrEqual(viewport.width - 1);
    expect(await tooltipButtonCenter(page, 'Close')).not.toBeNull();
    await tap(viewport.width / 2, 40);
    await waitForTooltip(page, false, 3000);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await page.close();
  });

  it('turns the site off from the card (the DOM is restored exactly) and on again from the popup', async () => {
    const page = await openSeed();
    const before = await markCount(page);
    await page.locator('backstory-mark', { hasText: 'Darmanin' }).first().hover();
    await waitForTooltip(page, true, 3000);
    const off = await tooltipButtonCenter(page, 'Turn off on this site');
    expect(off).not.toBeNull();
    await page.mouse.click(off!.x, off!.y);
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark, backstory-tooltip').length === 0, null, { timeout: 5000 });
    expect(await page.evaluate(() => (window as unknown as { __before: string }).__before === document.documentElement.outerHTML)).toBe(true);

    const popup = await openPopup(page);
    await popup.getByRole('button', { name: 'Turn on for this site' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('backstory-mark').length === n, before, { timeout: 5000 });
    await Promise.all([popup.close(), page.close()]);
  });

  it('marks every mention when the setting says so, and only first mentions again after', async () => {
    const page = await openSeed();
    const first = await markCount(page);
    await setSettings({ marks: 'every' });
    await page.waitForFunction((n) => document.querySelectorAll('backstory-mark').length > n, first, { timeout: 5000 });
    const every = await markCount(page);
    await setSettings({ marks: 'first' });
    await page.waitForFunction((n) => document.querySelectorAll('backstory-mark').length === n, first, { timeout: 5000 });
    expect(every).toBeGreaterThan(first);
    await page.close();
  });

  it('"Show in article" in the popup scrolls the page to the first mention and highlights it', async () => {
    const page = await openSeed();
    await page.emulateMedia({ reducedMotion: 'reduce' }); // an instant scroll: the check does not race a smooth one
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const popup = await openPopup(page);
    const row = popup.locator('.party', { hasText: 'Gérald Darmanin' });
    await row.getByRole('button', { name: /show in article/i }).click();
    await page.waitForFunction(
      () => {
        const mark = [...document.querySelectorAll('backstory-mark')].find((m) => m.textContent?.includes('Darmanin')) as HTMLElement | undefined;
        if (!mark) return false;
        const r = mark.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight && mark.style.getPropertyValue('background-color') !== '';
      },
      null,
      { timeout: 5000, polling: 50 },
    );
    await Promise.all([popup.close(), page.close()]);
  });

  it('hides the card after the pointer crosses from its mention over a second mention and away', async () => {
    const page = await openSeed();
    const russia = page.locator('backstory-mark', { hasText: 'Russia' }).first();
    const us = page.locator('backstory-mark', { hasText: 'the US' }).first();
    await russia.scrollIntoViewIfNeeded();
    await russia.hover();
    await waitForTooltip(page, true, 3000);
    expect(await tooltipText(page)).toContain('Russia');
    // Over the second mention for less than the dwell time, then away from both.
    const b = (await us.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 3 });
    await sleep(100);
    await page.mouse.move(2, 2, { steps: 3 }); // up and away: the card opened below the mentions
    await waitForTooltip(page, false, 3000);
    // Crossing over and staying: the second mention's card replaces the first one's.
    await russia.hover();
    await waitForTooltip(page, true, 3000);
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 3 });
    await page.waitForFunction(() => document.querySelector('backstory-mark[aria-describedby]')?.textContent === 'the US', null, { timeout: 3000 });
    await sleep(900);
    expect(await page.$eval('backstory-tooltip', (h) => (h as HTMLElement).style.display)).toBe('block');
    expect(await tooltipText(page)).toContain('United States');
    await page.close();
  });

  it('from a focused mention, Tab reaches the card\'s controls, Escape returns to the mention, and the focus ring survives page CSS', async () => {
    const page = await openSeed();
    await page.addStyleTag({ content: '*, *:focus, *:focus-visible { outline: none !important; }' });
    const cdp = await page.context().newCDPSession(page);
    const mark = page.locator('backstory-mark', { hasText: 'Darmanin' }).first();
    const before = (await mark.boundingBox())!;
    // To the mention by keyboard, back from the one just after it.
    await page.locator('backstory-mark', { hasText: 'New Caledonia' }).first().focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gérard Darmanin');
    await waitForTooltip(page, true, 3000);
    const ring = await mark.evaluate((m) => {
      const cs = getComputedStyle(m);
      return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(1);
    expect(await mark.boundingBox()).toEqual(before); // the ring moves nothing

    // Into the card: its source link, then its button; the card stays open.
    await page.keyboard.press('Tab');
    expect(await focusedNode(cdp)).toMatch(/^link Source: /);
    await page.keyboard.press('Tab');
    expect(await focusedNode(cdp)).toBe('button Turn off on this site');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gérard Darmanin');
    await page.keyboard.press('Tab');
    expect(await focusedNode(cdp)).toMatch(/^link Source: /);
    expect(await page.$eval('backstory-tooltip', (h) => (h as HTMLElement).style.display)).toBe('block');

    // Escape inside the card: closed, and the focus is back on the mention (which does not reopen it).
    await page.keyboard.press('Escape');
    await waitForTooltip(page, false, 1000);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gérard Darmanin');
    await sleep(300);
    expect(await page.$eval('backstory-tooltip', (h) => (h as HTMLElement).style.display)).toBe('none');

    // Enter opens it again; past the card's last control, Tab goes on to what follows the mention.
    await page.keyboard.press('Enter');
    await waitForTooltip(page, true, 3000);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedNode(cdp)).toBe('button Turn off on this site');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New Caledonia');
    expect(await tooltipText(page)).toContain('New Caledonia');
    await page.close();
  });

  it('analyzes a waiting tab as soon as its site is turned on in the popup, and the popup follows', async () => {
    await setSettings({ disabledSites: ['127.0.0.1'] });
    const page = await env.chrome.context.newPage();
    await page.goto(`${env.server.origin}/fixtures/seed-article.html?site-off`);
    await waitForTabState(page, 'idle');
    expect(await markCount(page)).toBe(0);
    const tabId = await tabIdOf(env.chrome.worker, page.url());
    const popup = await env.chrome.context.newPage();
    await popup.goto(`chrome-extension://${env.chrome.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('heading', { name: 'Backstory is off on 127.0.0.1.' }).waitFor();
    await popup.getByRole('button', { name: 'Turn on for this site' }).click();
    // No reload: the same document gets its marks, and the popup shows the analysis.
    await page.waitForSelector('backstory-mark', { timeout: 10_000 });
    await popup.waitForSelector('.party', { timeout: 10_000 });
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await Promise.all([popup.close(), page.close()]);
  });

  it('analyzes waiting tabs when the options page switches to automatic analysis, and an open popup follows', async () => {
    await setSettings({ analyze: 'on-click' });
    const page = await env.chrome.context.newPage();
    await page.goto(`${env.server.origin}/fixtures/seed-article.html?on-click`);
    await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
    await waitForTabState(page, 'idle');
    const tabId = await tabIdOf(env.chrome.worker, page.url());
    const popup = await env.chrome.context.newPage();
    await popup.goto(`chrome-extension://${env.chrome.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('heading', { name: 'Analyze this page' }).waitFor();
    const options = await env.chrome.context.newPage();
    await options.goto(`chrome-extension://${env.chrome.extensionId}/options.html`);
    await options.getByRole('radio', { name: 'Automatically on news articles' }).check();
    await page.waitForSelector('backstory-mark', { timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true);
    await popup.waitForSelector('.party', { timeout: 10_000 });
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});
