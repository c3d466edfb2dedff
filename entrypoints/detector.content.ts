/**
 * The always-on content script: is this page a news article? It reads the DOM once the page's HTML
 * is parsed (and again after a single-page navigation), and only on a news article tells the
 * background, which then injects the article script. Anywhere else it changes nothing and sends
 * nothing.
 *
 * It starts with the document and decides itself when to read it, rather than waiting for
 * `document_idle`, which never comes on a page whose HTML never ends (a connection held open).
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle } from '../core/detect';
import { sendWithRetry } from '../lib/send';

/** After the HTML is parsed, a moment for the page's own scripts to render (what `document_idle` gave). */
const SETTLE_MS = 200;
/** Longest wait for the HTML to end; after that the article on screen is read as it is. */
const PARSE_WAIT_MS = 3000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
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
      // Read the page when its HTML is parsed or, if that takes too long, as it is then; and read
      // it again once it is all there, so an article still arriving is analysed in full.
      let readEarly = false;
      const early = ctx.setTimeout(() => {
        readEarly = true;
        check();
      }, PARSE_WAIT_MS);
      ctx.addEventListener(document, 'DOMContentLoaded', () => {
        clearTimeout(early);
        ctx.setTimeout(() => {
          if (readEarly) lastUrl = '';
          check();
        }, SETTLE_MS);
      });
    } else ctx.setTimeout(check, SETTLE_MS);
    // Single-page sites change the URL without a load; give the new view a moment to render.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      retries = 0;
      ctx.setTimeout(check, 1000);
    });
  },
});
