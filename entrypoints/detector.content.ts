/**
 * The always-on content script: is this page a news article? It reads the DOM once when the page is
 * idle (and again after a single-page navigation), and only on a news article tells the background,
 * which then injects the article script. Anywhere else it changes nothing and sends nothing.
 *
 * On a page whose HTML never ends, idle never comes: the background injects this script while the
 * page is still being parsed (see background), and it reads the page once the parser has stopped
 * adding to it. Should the HTML end after all, idle brings a fresh instance that reads it whole.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle } from '../core/detect';
import { sendWithRetry } from '../lib/send';

/** While the page is still being parsed: how often to look whether it grew, and for how long at most. */
const GROWTH_CHECK_MS = 500;
const MAX_GROWTH_CHECKS = 20;

/** The last node in document order, and its length: what the parser adds to next. */
function parseFront(): [Node, number] {
  let node: Node = document;
  while (node.lastChild) node = node.lastChild;
  return [node, node.textContent?.length ?? 0];
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    let lastUrl = '';
    let retries = 0;
    const check = () => {
      if (ctx.isInvalid || location.href === lastUrl) return;
      lastUrl = location.href;
      const detection = detectArticle(document, location.href);
      if (!detection.isArticle) {
        // Article metadata but no article text yet: a page that renders late. Look again, twice.
        const promising = detection.signals.some((s) => s.startsWith('json-ld:') || s === 'og:type=article');
        if (promising && retries < 2) {
          retries++;
          ctx.setTimeout(() => {
            lastUrl = '';
            check();
          }, 1500 * retries);
        }
        return;
      }
      sendWithRetry(() => browser.runtime.sendMessage({ type: 'page:detected', url: location.href, detection })).catch(() => {
        // The extension was reloaded or updated: this script is orphaned and stays quiet.
      });
    };
    if (document.readyState === 'loading') {
      let [node, length] = parseFront();
      let checks = 0;
      const whenParsingStops = () => {
        const [now, nowLength] = parseFront();
        if ((now === node && nowLength === length) || ++checks >= MAX_GROWTH_CHECKS) check();
        else {
          [node, length] = [now, nowLength];
          ctx.setTimeout(whenParsingStops, GROWTH_CHECK_MS);
        }
      };
      ctx.setTimeout(whenParsingStops, GROWTH_CHECK_MS);
    } else check();
    // Single-page sites change the URL without a load; give the new view a moment to render.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      retries = 0;
      ctx.setTimeout(check, 1000);
    });
  },
});
