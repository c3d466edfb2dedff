/**
 * Pages that never finish loading, in real Firefox ESR: HTML whose response never ends (no mark
 * ever came while only `document_idle` ran the detector; the background now injects it there), and
 * a complete article with an ad frame that never finishes (`document_idle` does come there, as in
 * Chromium: this keeps it so).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_HTML } from '../../scripts/paths';
import { launchFirefox, startStallingServer, type StaticServer } from './support';

let server: StaticServer;
let firefox: Browser;

beforeAll(async () => {
  server = await startStallingServer(readFileSync(SEED_HTML, 'utf8'));
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('pages that never finish loading, in Firefox', () => {
  for (const [name, path, readyState] of [
    ['HTML that never ends', 'stalled-html', 'loading'],
    ['an ad frame that never finishes', 'stalled-frame', 'interactive'],
  ] as const) {
    it(`${name}: marked within a few seconds`, async () => {
      const page = await firefox.newPage();
      const started = Date.now();
      // The navigation never completes: not waited for.
      page.goto(`${server.origin}/${path}/2024-05-02-article.html`).catch(() => undefined);
      await page.waitForSelector('backstory-mark', { timeout: 15_000 });
      console.log(`Firefox, ${name}: first mark within ${Date.now() - started} ms of navigation`);
      expect(await page.evaluate(() => document.readyState)).toBe(readyState);
      await page.close();
    });
  }
});
