/**
 * axe-core on the popup, the options page and the seed article with a tooltip open, in real
 * Chromium: no serious or critical violation. (axe cannot see into the tooltip's closed shadow
 * root; it checks the marks and the tooltip host the page exposes, and the same card component is
 * checked inside the popup.)
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tabIdOf, useChromium, waitForTooltip } from './support';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] });
    return result.violations;
  }, include ?? null)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const env = useChromium();

describe('accessibility (axe)', () => {
  it('the seed page with marks and an open tooltip, and the popup in light and dark', async () => {
    const page = await env.chrome.context.newPage();
    await page.goto(`${env.server.origin}/fixtures/seed-article.html`);
    await page.waitForSelector('backstory-mark');
    await page.locator('backstory-mark[tabindex]').first().focus();
    await waitForTooltip(page, true);
    expect(await seriousViolations(page, 'backstory-mark')).toEqual([]);
    expect(await seriousViolations(page, 'backstory-tooltip')).toEqual([]);

    const tabId = await tabIdOf(env.chrome.worker, page.url());
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await env.chrome.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(`chrome-extension://${env.chrome.extensionId}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('.party');
      expect(await seriousViolations(popup), scheme).toEqual([]);
      await popup.close();
    }
    await page.close();
  });

  it('the popup\'s "not an article" state and the options page', async () => {
    const page = await env.chrome.context.newPage();
    await page.goto(`${env.server.origin}/fixtures/news-front-page.html`);
    const tabId = await tabIdOf(env.chrome.worker, page.url());
    const popup = await env.chrome.context.newPage();
    await popup.goto(`chrome-extension://${env.chrome.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: /analyze this page/i }).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    const options = await env.chrome.context.newPage();
    await options.goto(`chrome-extension://${env.chrome.extensionId}/options.html`);
    await options.getByRole('checkbox').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});
