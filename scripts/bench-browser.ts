/**
 * The browser half of `npm run bench`, in real Chromium (see shared docs/toolchain.md):
 *
 *  - the detector's time on corpus pages, timed with the Performance API inside the page: the same
 *    core/detect code the always-on content script runs, bundled with esbuild;
 *  - long tasks on the page's main thread while the largest news page of the corpus loads with the
 *    built extension, from a DevTools trace: every task over 50 ms, and which of them ran our code
 *    (a script or callback whose URL is chrome-extension://…), against the same page without the
 *    extension;
 *  - on that page, the first card: how long after the pointer reaches a mark, or a mark takes the
 *    focus, its card shows (the card UI is loaded then, see lib/tooltip).
 *
 * Pages are served from a local server with every other request refused, so the figures do not
 * depend on the network.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CORPUS_PAGES, REPO } from './paths';
import { stopServiceWorker } from './service-worker';

const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
const EXTENSION = join(REPO, '.output/chrome-mv3');
const LONG_TASK_MS = 50;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * `isolated`: serve pages cross-origin isolated (COOP + COEP), where `performance.now()` counts in
 * microseconds rather than 0.1 ms steps; used only to time the detector (it would also refuse
 * the extension's own resources, which the long-task run loads).
 */
async function serve(isolated = false): Promise<{ origin: string; server: Server }> {
  const isolation = isolated ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
  const server = createServer((req, res) => {
    const file = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    if (!/^[\w.-]+\.html$/.test(file)) return void res.writeHead(404).end();
    let body: Buffer;
    try {
      body = readFileSync(join(CORPUS_PAGES, file));
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...isolation }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

/** Refuses every request that is not to the local servers (saved pages point at the whole web). */
async function offline(context: BrowserContext, ...origins: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return origins.some((o) => url.startsWith(o)) || url.startsWith('chrome-extension://') ? route.continue() : route.abort();
  });
}

export interface DetectorFigures {
  pages: number;
  /** Steady state: the mean of 30 runs per page after 5 warm-up runs. */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /**
   * The first run on a freshly loaded page, as the content script runs it once per page load: its
   * functions compiled on the way and not yet optimised. (Timed in the page's world; the content
   * script's own world also wraps each element it touches for the first time.)
   */
  firstRunMedianMs: number;
  firstRunP95Ms: number;
}

/**
 * Detector time per page: the mean of 30 runs after 5 warm-up runs, each run after a DOM change,
 * with the page's URL as the content script passes it. The change (an element added and removed)
 * matters: Chromium caches tag collections until the DOM changes, so repeated runs on an unchanged
 * page would time cache hits (about 0.07 ms), not the page walk the content script really does once
 * per page load. A comment is not enough: it leaves the per-tag caches in place. The first run on
 * each page is reported apart: it is what a page load costs.
 */
async function detectorTimes(context: BrowserContext, origin: string, files: string[]): Promise<DetectorFigures> {
  const bundle = await build({ entryPoints: [join(REPO, 'core/detect/index.ts')], bundle: true, format: 'iife', globalName: '__backstoryDetect', write: false, target: 'es2022' });
  const code = `${bundle.outputFiles[0]!.text};globalThis.__backstoryDetect = __backstoryDetect;`;
  const page = await context.newPage();
  const times: number[] = [];
  const firstRuns: number[] = [];
  for (const file of files) {
    await page.goto(`${origin}/${file}`, { waitUntil: 'load' });
    await page.evaluate(code);
    const { first, steady } = await page.evaluate(() => {
      const detect = (globalThis as unknown as { __backstoryDetect: { detectArticle(d: Document, url: string): unknown } }).__backstoryDetect;
      const t0 = performance.now();
      detect.detectArticle(document, location.href);
      const first = performance.now() - t0;
      for (let i = 0; i < 4; i++) detect.detectArticle(document, location.href);
      const runs = 30;
      let total = 0;
      for (let i = 0; i < runs; i++) {
        const change = document.createElement('span');
        (document.body ?? document.documentElement).appendChild(change);
        change.remove();
        const t = performance.now();
        detect.detectArticle(document, location.href);
        total += performance.now() - t;
      }
      return { first, steady: total / runs };
    });
    firstRuns.push(first);
    times.push(steady);
  }
  await page.close();
  return {
    pages: times.length,
    medianMs: round(median(times)),
    p95Ms: round(p95(times)),
    maxMs: round(Math.max(...times)),
    firstRunMedianMs: round(median(firstRuns)),
    firstRunP95Ms: round(p95(firstRuns)),
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Time the thread was running (CPU), which a loaded machine does not inflate as it does `dur`. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface LongTaskFigures {
  /** Tasks over 50 ms on the renderer's main thread while the page loaded. */
  longTasks: number;
  longestMs: number;
  /** Of those, the tasks that ran extension code, and the longest of them. */
  longTasksWithOurCode: number;
  longestWithOurCodeMs: number;
  /**
   * The most main-thread CPU time any task that ran our code took. On a loaded machine a task's
   * wall time grows with the time the thread waits for a core; this does not.
   */
  longestCpuWithOurCodeMs: number;
  /** The longest single run of our code (a script evaluation or a callback). */
  longestOurSliceMs: number;
  /** Marks placed (with the extension), so a run that did nothing is visible. */
  marks: number;
}

/**
 * Traces the main thread while `url` loads, until `waitUntil` (a page that never finishes loading
 * can only be waited for until it commits) and then its first marks, if `waitForMarks`.
 */
export async function traceLoad(page: Page, url: string, waitForMarks: boolean, marksTimeoutMs = 15_000, waitUntil: 'load' | 'commit' = 'load'): Promise<LongTaskFigures> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil });
  let marks = 0;
  if (waitForMarks) {
    await page.waitForSelector('backstory-mark', { timeout: marksTimeoutMs, state: 'attached' }).catch(() => undefined);
    marks = await page.evaluate(() => document.querySelectorAll('backstory-mark').length);
  }
  await page.waitForTimeout(1500); // the last slices of work after the first marks
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();

  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);
  const ours = events.filter((e) => e.ph === 'X' && onMain(e) && (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile') && (e.args?.data?.url ?? '').startsWith('chrome-extension://'));
  const runsOurs = (t: TraceEvent) => ours.some((o) => o.pid === t.pid && o.tid === t.tid && o.ts >= t.ts && o.ts < t.ts + (t.dur ?? 0));
  const mainTasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e));
  const tasks = mainTasks.filter((e) => (e.dur ?? 0) / 1000 > LONG_TASK_MS);
  const withOurs = tasks.filter(runsOurs);
  const ms = (e: TraceEvent) => round((e.dur ?? 0) / 1000, 1);
  const cpuMs = mainTasks.filter((t) => (t.tdur ?? 0) > 1000 && runsOurs(t)).map((t) => round((t.tdur ?? 0) / 1000, 1));
  return {
    longTasks: tasks.length,
    longestMs: tasks.length ? Math.max(...tasks.map(ms)) : 0,
    longTasksWithOurCode: withOurs.length,
    longestWithOurCodeMs: withOurs.length ? Math.max(...withOurs.map(ms)) : 0,
    longestCpuWithOurCodeMs: cpuMs.length ? Math.max(...cpuMs) : 0,
    longestOurSliceMs: ours.length ? Math.max(...ours.map(ms)) : 0,
    marks,
  };
}

/** `extensionId`: ours, when loaded (read from its service worker at start). */
async function launch(withExtension: boolean): Promise<{ context: BrowserContext; extensionId: string | null; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (withExtension) args.push(`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_BIN, headless: true, viewport: { width: 1200, height: 900 }, args });
  const worker = withExtension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))) : null;
  return {
    context,
    extensionId: worker ? new URL(worker.url()).host : null,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface BrowserFigures {
  chromium: string;
  detector: DetectorFigures;
  longTasks: { page: string; bytes: number; withExtension: LongTaskFigures; withoutExtension: LongTaskFigures } | null;
  /** Reading and parsing the shipped knowledge index inside the extension's service worker (best of 5). */
  workerIndexLoadMs: number | null;
  /** From the popup's navigation start to its first party card, for the analysed page (median of 5). */
  popupRenderMs: number | null;
  firstCard: FirstCardFigures | null;
}

/** The first card on a page, each on a page just loaded (so the card UI has not been loaded yet). */
export interface FirstCardFigures {
  /** From the pointer reaching a mark to its card shown, the 500 ms dwell included. */
  hoverMs: number;
  /** From a mark taking the focus to its card shown. */
  focusMs: number;
  /** The same, after the extension's service worker was stopped (as Chrome does when it is idle). */
  focusAfterWorkerStopMs: number;
}

/** In the page: resolves to the milliseconds from now until our card host is shown. */
const armCardTimer = () => {
  const t0 = performance.now();
  (window as unknown as { __cardShown: Promise<number> }).__cardShown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if ((document.querySelector('backstory-tooltip') as HTMLElement | null)?.style.display !== 'block') return;
      observer.disconnect();
      resolve(performance.now() - t0);
    });
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
  });
};
const cardShown = (page: Page) => page.evaluate(() => (window as unknown as { __cardShown: Promise<number> }).__cardShown);

async function firstCard(page: Page, extensionId: string): Promise<FirstCardFigures> {
  await page.bringToFront(); // after the popups
  const mark = page.locator('backstory-mark').first();
  await mark.scrollIntoViewIfNeeded();
  await page.mouse.move(1, 1);
  const box = (await mark.boundingBox())!;
  await page.evaluate(armCardTimer);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hoverMs = await cardShown(page);
  const focusFresh = async (): Promise<number> => {
    await page.evaluate(armCardTimer);
    await mark.evaluate((m) => (m as HTMLElement).focus());
    return cardShown(page);
  };
  const reload = async () => {
    await page.reload();
    await page.waitForSelector('backstory-mark', { timeout: 15_000, state: 'attached' });
  };
  await reload();
  const focusMs = await focusFresh();
  await reload();
  await stopServiceWorker(page, extensionId);
  const focusAfterWorkerStopMs = await focusFresh();
  return { hoverMs: round(hoverMs, 1), focusMs: round(focusMs, 1), focusAfterWorkerStopMs: round(focusAfterWorkerStopMs, 1) };
}

async function popupRender(context: BrowserContext, pageUrl: string): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const tabId = await worker.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
  }, pageUrl);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.party');
    times.push(await popup.evaluate(() => performance.now()));
    await popup.close();
  }
  return round(median(times), 1);
}

async function workerIndexLoad(context: BrowserContext): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }).chrome;
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      JSON.parse(await (await fetch(api.runtime.getURL('/knowledge/index.json'))).text());
      best = Math.min(best, performance.now() - t);
    }
    return Math.round(best * 10) / 10;
  });
}

/**
 * `nonArticles`: corpus files the detector calls non-articles; `largestNews`: the news page to load
 * (null to skip the long-task run, e.g. when there is no build).
 */
export async function browserBench(nonArticles: string[], largestNews: string | null): Promise<BrowserFigures> {
  const { origin, server } = await serve();
  const isolated = await serve(true);
  try {
    const plain = await launch(false);
    let detector: DetectorFigures;
    let without: LongTaskFigures | null = null;
    const version = plain.context.browser()?.version() ?? 'unknown';
    try {
      await offline(plain.context, origin, isolated.origin);
      detector = await detectorTimes(plain.context, isolated.origin, nonArticles);
      if (largestNews) without = await traceLoad(await plain.context.newPage(), `${origin}/${largestNews}`, false);
    } finally {
      await plain.close();
    }
    if (!largestNews || !without) return { chromium: version, detector, longTasks: null, workerIndexLoadMs: null, popupRenderMs: null, firstCard: null };
    const ext = await launch(true);
    try {
      await offline(ext.context, origin);
      const page = await ext.context.newPage();
      const withExtension = await traceLoad(page, `${origin}/${largestNews}`, true);
      return {
        popupRenderMs: withExtension.marks > 0 ? await popupRender(ext.context, page.url()) : null,
        chromium: version,
        workerIndexLoadMs: await workerIndexLoad(ext.context),
        firstCard: withExtension.marks > 0 ? await firstCard(page, ext.extensionId!) : null,
        detector,
        longTasks: { page: largestNews, bytes: readFileSync(join(CORPUS_PAGES, largestNews)).length, withExtension, withoutExtension: without },
      };
    } finally {
      await ext.close();
    }
  } finally {
    server.close();
    isolated.server.close();
  }
}
