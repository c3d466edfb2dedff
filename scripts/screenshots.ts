/**
 * `npx tsx scripts/screenshots.ts`: the README's screenshots, taken from the built extension in real
 * Chromium on the seed article: the popup (light and dark) and a tooltip. Run `npm run build` first.
 */
import { resolve } from 'node:path';
import { REPO } from './paths';
import { launchChromium, startServer, tabIdOf, waitForTooltip } from '../tests/e2e/support';

const OUT = resolve(REPO, 'docs/screenshots');

const server = await startServer();
const chrome = await launchChromium();
try {
  const page = await chrome.context.newPage();
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(`${server.origin}/fixtures/seed-article.html`);
  await page.waitForSelector('backstory-mark');
  const mark = page.locator('backstory-mark', { hasText: 'Darmanin' }).first();
  await mark.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await mark.hover();
  await waitForTooltip(page, true);
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(OUT, 'tooltip.png') });

  const tabId = await tabIdOf(chrome.worker, page.url());
  for (const scheme of ['light', 'dark'] as const) {
    const popup = await chrome.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${chrome.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.party');
    await popup.screenshot({ path: resolve(OUT, `popup-${scheme}.png`) });
    await popup.evaluate(() => document.querySelector('#timeline')?.scrollIntoView());
    await popup.screenshot({ path: resolve(OUT, `popup-timeline-${scheme}.png`) });
    await popup.close();
  }
  console.log(`screenshots written to ${OUT}`);
} finally {
  await chrome.close();
  await server.close();
}
