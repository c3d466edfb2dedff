/**
 * A fixed sample of the labelled dev corpus in real Firefox with the extension: news, other
 * long-form pages and non-articles, spread evenly over each label's pages in name order (so the same
 * pages every run). Offline: the pages' own requests to anywhere but the local server are refused
 * inside the browser, and every other request leaving Firefox goes through a recording proxy, so
 * anything the proxy sees came from outside the pages: from the extension, or from Firefox itself
 * (its own services' hosts are told apart).
 *
 *  - no uncaught error from our code;
 *  - pages the detector does not call news articles: the DOM is exactly as the page made it;
 *  - news articles in which the analysis links a party of the knowledge file: marks appear;
 *  - the proxy records no request but Firefox's own (and does record a control request, so it is
 *    listening).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../core/analyze';
import { parseHtml } from '../../core/dom/parse-html';
import { loadKnowledge } from '../../scripts/load-knowledge';
import { CORPUS, CORPUS_PAGES } from '../../scripts/paths';
import { launchFirefox, sleep, startServer, type StaticServer } from './support';

interface CorpusEntry {
  file: string;
  label: 'news' | 'article-other' | 'not-article';
}

const PER_LABEL = { news: 3, 'article-other': 2, 'not-article': 3 } as const;
const CONTROL = 'http://backstory-control.invalid/';
/**
 * Firefox's own services (remote settings and the like), which a release build contacts whatever
 * the profile's preferences say; nothing of ours has any reason to reach these hosts.
 */
const FIREFOX_OWN = /^(CONNECT |https?:\/\/)[^/:]*\.(mozilla\.(com|net|org)|firefox\.com)(:\d+)?(\/|$)/;

/** `count` entries spread evenly over `entries` (sorted by file name). */
function spread<T>(entries: T[], count: number): T[] {
  return Array.from({ length: Math.min(count, entries.length) }, (_, i) => entries[Math.floor((i * entries.length) / count)]!);
}

const corpus = (JSON.parse(readFileSync(join(CORPUS, 'dev.json'), 'utf8')) as CorpusEntry[]).sort((a, b) => a.file.localeCompare(b.file));
const sample = (Object.keys(PER_LABEL) as CorpusEntry['label'][]).flatMap((label) => spread(corpus.filter((e) => e.label === label), PER_LABEL[label]));

let server: StaticServer;
let proxy: Server;
const proxied: string[] = [];
let firefox: Browser;

beforeAll(async () => {
  server = await startServer();
  // Records every request sent to it (plain HTTP and CONNECT tunnels) and refuses it.
  proxy = createServer((req, res) => {
    proxied.push(req.url ?? '');
    res.writeHead(502).end();
  });
  proxy.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as { port: number }).port;
  // Every request to anywhere but the local server (localhost is never proxied) goes to the recorder.
  firefox = await launchFirefox(undefined, {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': true,
  });
});
afterAll(async () => {
  await firefox?.close();
  await new Promise((r) => proxy?.close(r));
  await server?.close();
});

/** Keeps, from before any script runs, the document as the page made it at DOMContentLoaded. */
const KEEP_BEFORE = () => {
  document.addEventListener('DOMContentLoaded', () => {
    (window as unknown as { __before: string }).__before = document.documentElement.outerHTML;
  });
};

describe('a sample of the corpus in Firefox', () => {
  it('breaks nothing, changes no non-article, marks the articles, and sends nothing', { timeout: 120_000 }, async () => {
    const kb = loadKnowledge();
    const page: Page = await firefox.newPage();
    await page.evaluateOnNewDocument(KEEP_BEFORE);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url().startsWith(server.origin)) void req.continue();
      else void req.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (err) => {
      if (/moz-extension:\/\//.test((err as Error).stack ?? '')) errors.push(`${page.url()}: ${(err as Error).message}`);
    });

    const problems: string[] = [];
    const outcomes: string[] = [];
    const seen = { untouched: 0, marked: 0 };
    const started = Date.now();
    for (const { file } of sample) {
      const url = `${server.origin}/corpus/${file}`;
      // As the extension sees the page: the detector's verdict, and whether the analysis links anyone.
      const analysis = analyzeDocument(parseHtml(readFileSync(join(CORPUS_PAGES, file), 'utf8')), kb, { url });
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      if (!analysis.isArticle) {
        await sleep(1000); // the detector runs at document_idle; give a wrongly sent analysis time to show
        const same = await page.evaluate(() => (window as unknown as { __before?: string }).__before === document.documentElement.outerHTML);
        if (same) seen.untouched++;
        else problems.push(`${file}: a non-article page changed`);
        outcomes.push(`${file}: ${same ? 'untouched' : 'changed'}`);
        continue;
      }
      if (!analysis.parties.some((p) => p.id)) {
        outcomes.push(`${file}: article, nothing known to mark`);
        continue;
      }
      const marked = await page.waitForSelector('backstory-mark', { timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      if (marked) seen.marked++;
      else problems.push(`${file}: an article with known parties got no mark`);
      outcomes.push(`${file}: ${marked ? 'marked' : 'no mark'}`);
    }
    await page.close();

    // The recorder is listening: a request that is not refused inside the browser reaches it.
    const control = await firefox.newPage();
    await control.goto(CONTROL).catch(() => undefined);
    await control.close();
    const fromExtension = proxied.filter((u) => !u.includes('backstory-control.invalid') && !FIREFOX_OWN.test(u));
    console.log(
      `Firefox corpus sample: ${sample.length} pages in ${Date.now() - started} ms; ${seen.untouched} non-articles untouched, ${seen.marked} articles marked; ` +
        `extension errors ${errors.length}; requests through the proxy: ${fromExtension.length}${fromExtension.length ? ` (${fromExtension.join(' ')})` : ''}, ` +
        `and ${proxied.filter((u) => FIREFOX_OWN.test(u)).length} of Firefox's own\n  ${outcomes.join('\n  ')}`,
    );
    expect(proxied.some((u) => u.includes('backstory-control.invalid'))).toBe(true);
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
    expect(fromExtension).toEqual([]);
    expect(seen.untouched).toBeGreaterThanOrEqual(3);
    expect(seen.marked).toBeGreaterThanOrEqual(2);
  });
});
