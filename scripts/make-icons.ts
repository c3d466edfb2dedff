/** `npx tsx scripts/make-icons.ts`: renders assets/icon.svg to public/icon/<size>.png with Chromium. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO } from './paths';
import { CHROMIUM_BIN } from '../tests/e2e/support';

const svg = readFileSync(resolve(REPO, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: ['--no-sandbox'] });
for (const size of [16, 32, 48, 96, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}`);
  await page.screenshot({ path: resolve(REPO, `public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
