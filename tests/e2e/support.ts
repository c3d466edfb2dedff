/**
 * End-to-end support: a local HTTP server for the shared fixtures and corpus pages, and launchers
 * for the real browsers with the built extension (see shared docs/toolchain.md).
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import puppeteer, { type Browser as PBrowser } from 'puppeteer-core';
import { CORPUS_PAGES, FIXTURES, REPO, requireShared } from '../../scripts/paths';

export const CHROME_EXT = resolve(REPO, '.output/chrome-mv3');
export const FIREFOX_EXT = resolve(REPO, '.output/firefox-mv2');
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
export const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/lib/firefox-esr/firefox-esr';
export const EXTRA_PAGES = resolve(REPO, 'tests/e2e/pages');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves /fixtures/* (shared seed fixtures), /corpus/* (shared corpus pages) and /pages/* (tests/e2e/pages). */
export async function startServer(): Promise<StaticServer> {
  requireShared();
  const roots: Record<string, string> = { fixtures: FIXTURES, corpus: CORPUS_PAGES, pages: EXTRA_PAGES };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, root, ...rest] = decodeURIComponent(url.pathname).split('/');
    const base = root ? roots[root] : undefined;
    const file = base ? normalize(join(base, ...rest)) : '';
    if (!base || !file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * Serves `html` (an article with a </body> and an </article>) in the ways a page can fail to finish:
 * /stalled-html/* sends it without its end and holds the response open (the document stays
 * 'loading'); /stalled-frame/* sends it whole with an ad frame whose document never ends (no
 * `load`); /slow-html/* sends the first half, then the rest after a pause longer than Backstory
 * waits; /whole/* sends it normally.
 */
export async function startStallingServer(html: string, pauseMs = 4500): Promise<StaticServer> {
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    open.add(res);
    if (path.startsWith('/stalled-html/')) {
      res.write(html.replace(/<\/body>[\s\S]*$/i, ''));
    } else if (path.startsWith('/stalled-frame/')) {
      res.end(html.replace(/<\/article>/i, '<aside><iframe src="/ad-frame" title="Advertisement" width="300" height="250"></iframe></aside></article>'));
    } else if (path === '/ad-frame') {
      res.write('<!doctype html><p>Advertisement');
    } else if (path.startsWith('/slow-html/')) {
      const middle = html.indexOf('</p>', html.length / 2) + 4;
      res.write(html.slice(0, middle));
      setTimeout(() => res.end(html.slice(middle)), pauseMs);
    } else if (path.startsWith('/whole/')) {
      res.end(html);
    } else {
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

export interface Chromium {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export async function launchChromium(extDir = CHROME_EXT): Promise<Chromium> {
  if (!existsSync(join(extDir, 'manifest.json'))) throw new Error(`no build at ${extDir}: run npm run build first`);
  const profile = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_BIN,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `url`, asked of the extension's service worker. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (u) => {
    type Tab = { id?: number; url?: string };
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (!tab?.id) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);
}

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join(' ');
}

function findAll(node: CdpNode, name: string, out: CdpNode[] = []): CdpNode[] {
  if (node.nodeName === name) out.push(node);
  for (const c of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) findAll(c, name, out);
  return out;
}

/**
 * The text inside our tooltip's closed shadow root, read through the DevTools protocol (page
 * scripts cannot read it, which is the point). Empty string when no tooltip exists.
 */
export async function tooltipText(page: Page, cdp?: CDPSession): Promise<string> {
  const session = cdp ?? (await page.context().newCDPSession(page));
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const hosts = findAll(root, 'BACKSTORY-TOOLTIP');
  return hosts.map(textOf).join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The centre, in page coordinates, of the button labelled `label` inside our tooltip's closed shadow
 * root (found through the DevTools protocol, as a user finds it on screen), or null.
 */
export async function tooltipButtonCenter(page: Page, label: string): Promise<{ x: number; y: number } | null> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const button = findAll(root, 'BACKSTORY-TOOLTIP')
      .flatMap((host) => findAll(host, 'BUTTON'))
      .find((b) => textOf(b).replace(/\s+/g, ' ').trim() === label);
    if (!button) return null;
    const { model } = (await session.send('DOM.getBoxModel', { nodeId: button.nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  } finally {
    await session.detach();
  }
}

/** Firefox with the built extension; `prefs` are extra Firefox preferences (e.g. a proxy). */
export async function launchFirefox(extDir = FIREFOX_EXT, prefs: Record<string, unknown> = {}): Promise<PBrowser> {
  if (!existsSync(join(extDir, 'manifest.json'))) throw new Error(`no build at ${extDir}: run npm run build first`);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_BIN, headless: true, extraPrefsFirefox: prefs });
  await browser.installExtension(extDir);
  return browser;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A local server and Chromium with the built extension for one test file: started before its tests,
 * closed after them. Read `env.server` and `env.chrome` inside tests.
 */
export function useChromium(): { readonly server: StaticServer; readonly chrome: Chromium } {
  let server: StaticServer | undefined;
  let chrome: Chromium | undefined;
  beforeAll(async () => {
    server = await startServer();
    chrome = await launchChromium();
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('useChromium: the server is not started yet');
      return server;
    },
    get chrome() {
      if (!chrome) throw new Error('useChromium: Chromium is not launched yet');
      return chrome;
    },
  };
}

/** Waits until our tooltip host is shown (`true`) or hidden (`false`). */
export async function waitForTooltip(page: Page, shown: boolean, timeout = 5000): Promise<void> {
  await page.waitForFunction(
    (want) => ((document.querySelector('backstory-tooltip') as HTMLElement | null)?.style.display ?? 'none') === want,
    shown ? 'block' : 'none',
    { timeout },
  );
}
