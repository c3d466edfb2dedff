/**
 * Huge and odd pages in real Chromium with the extension, traced with the DevTools protocol (the
 * same trace as `npm run bench`): a 20 MB article, a page of 100,000 elements, and an article in
 * scripts the analyzer does not read. Nothing of ours throws, non-articles stay untouched, the
 * popup says when only the beginning of an article was analyzed, and the
 * work is sliced: on these pages, up to 20 times the largest corpus page, no task that runs our
 * code may take 100 ms. (The 50 ms target is checked on the largest corpus news page by the bench;
 * on a 20 MB page the first evaluation of our scripts, with the page's garbage collection inside
 * it, takes 50–80 ms on this machine.)
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { traceLoad } from '../../scripts/bench-browser';
import { MAX_ARTICLE_CHARS } from '../../core/protocol';
import { SEED_HTML } from '../../scripts/paths';
import { tabIdOf, useChromium } from './support';

const env = useChromium();

function serve(page: Page, path: string, body: string): Promise<string> {
  const url = `${env.server.origin}/pages/${path}`;
  return page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })).then(() => url);
}

function ourErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => {
    if ((err.stack ?? '').includes('chrome-extension://')) errors.push(err.message);
  });
  return errors;
}

const seed = readFileSync(SEED_HTML, 'utf8');
const paragraphs = [...seed.matchAll(/<p\b[^>]*>[\s\S]*?<\/p>/gi)].map((m) => m[0]).join('\n');

describe('huge and odd pages', () => {
  it('a 20 MB article: marks arrive, no task with our code reaches 100 ms, and the popup says only the beginning was read', { timeout: 180_000 }, async () => {
    const copies = Math.ceil(20_000_000 / paragraphs.length);
    const body = seed.replace(/<\/article>/i, `${Array.from({ length: copies }, () => paragraphs).join('\n')}</article>`);
    expect(body.length).toBeGreaterThan(20_000_000);
    const page = await env.chrome.context.newPage();
    const errors = ourErrors(page);
    const url = await serve(page, 'huge-article.html', body);
    const started = Date.now();
    const trace = await traceLoad(page, url, true, 90_000);
    console.log(`20 MB article: ${trace.marks} marks within ${Date.now() - started} ms of navigation; tasks with our code over 50 ms: ${trace.longTasksWithOurCode} (longest ${trace.longestWithOurCodeMs} ms); our longest slice ${trace.longestOurSliceMs} ms`);
    expect(trace.marks).toBeGreaterThan(0);
    expect(trace.longestWithOurCodeMs).toBeLessThan(100);
    expect(errors).toEqual([]);

    const popup = await env.chrome.context.newPage();
    await popup.goto(`chrome-extension://${env.chrome.extensionId}/popup.html?tabId=${await tabIdOf(env.chrome.worker, url)}`);
    await popup.waitForSelector('.party');
    const limit = await popup.evaluate((n) => n.toLocaleString(), MAX_ARTICLE_CHARS);
    const notice = (await popup.locator('.notice').textContent()) ?? '';
    console.log(`20 MB article, popup: "${notice}"`);
    expect(notice).toContain(limit);
    expect(await popup.locator('.notice').isVisible()).toBe(true);
    await Promise.all([popup.close(), page.close()]);
  });

  it('a page of 100,000 elements that is not an article: left alone, and no task of ours reaches 100 ms', { timeout: 60_000 }, async () => {
    const cells = Array.from({ length: 25_000 }, (_, i) => `<div class="cell"><span>${i}</span><a href="#${i}">item ${i}</a><i></i></div>`).join('');
    const body = `<!doctype html><html lang="en"><head><title>Catalogue</title></head><body><main>${cells}</main></body></html>`;
    const page = await env.chrome.context.newPage();
    const errors = ourErrors(page);
    const url = await serve(page, 'many-elements.html', body);
    const trace = await traceLoad(page, url, false);
    const count = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`${count} elements: tasks with our code over 50 ms: ${trace.longTasksWithOurCode}; our longest slice ${trace.longestOurSliceMs} ms`);
    expect(count).toBeGreaterThan(100_000);
    expect(trace.longestWithOurCodeMs).toBeLessThan(100);
    expect(await page.evaluate(() => document.querySelectorAll('backstory-mark, backstory-tooltip').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an article in Thai, Amharic, Chinese and Arabic: no error, no mark on words it cannot read', { timeout: 60_000 }, async () => {
    const text = [
      'รัฐบาลไทยประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากภัยแล้งในภาคตะวันออกเฉียงเหนือ',
      'የኢትዮጵያ መንግሥት በአዲስ አበባ ስለ ኢኮኖሚ ማሻሻያ አዲስ ዕቅድ ይፋ አድርጓል።',
      '国务院周二发布了关于促进经济发展的新措施，专家表示这将有助于稳定就业。',
      'أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم الاقتصاد وتوفير فرص العمل للشباب.',
    ];
    const body = `<!doctype html><html><head><title>News</title><meta property="og:type" content="article"><meta property="article:published_time" content="2024-05-02T10:00:00Z"></head><body><article><h1>News</h1>${Array.from({ length: 12 }, (_, i) => `<p>${text[i % 4]} ${text[(i + 1) % 4]}</p>`).join('')}</article></body></html>`;
    const page = await env.chrome.context.newPage();
    const errors = ourErrors(page);
    const url = await serve(page, 'scripts-2024-05-02-government-plans.html', body);
    const trace = await traceLoad(page, url, false);
    console.log(`article in four unknown scripts: our longest slice ${trace.longestOurSliceMs} ms`);
    expect(trace.longestWithOurCodeMs).toBeLessThan(100);
    expect(await page.evaluate(() => document.querySelectorAll('backstory-mark').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
