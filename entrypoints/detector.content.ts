/**
 * The always-on content script: is this page a news article? It reads the DOM once when the page is
 * idle (and again after a single-page navigation), and only on a news article tells the background,
 * which then injects the article script. Anywhere else it changes nothing and sends nothing.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle } from '../core/detect';
import { sendWithRetry } from '../lib/send';

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
    check();
    // Single-page sites change the URL without a load; give the new view a moment to render.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      retries = 0;
      ctx.setTimeout(check, 1000);
    });
  },
});
