import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * The scripts that run in web pages skip the webextension-polyfill: the always-on detector, the
 * article script and the tooltip's card script use only APIs that are native promises (or
 * synchronous) in Chrome MV3 and Firefox, and every kilobyte there is compiled on the page's main
 * thread. The background and the extension pages keep the polyfill.
 */
const WITHOUT_POLYFILL = ['detector.content', 'article.content', 'tooltip-card'];
function withoutPolyfill(): Plugin {
  const shim = fileURLToPath(new URL('./lib/shims/native-browser.ts', import.meta.url));
  let skip = false;
  return {
    name: 'backstory:without-polyfill',
    enforce: 'pre',
    options(opts) {
      const input = JSON.stringify(opts.input ?? '');
      skip = WITHOUT_POLYFILL.some((name) => input.includes(name));
      return null;
    },
    resolveId(source) {
      return skip && source === 'webextension-polyfill' ? shim : null;
    },
  };
}

// See README "Architecture" for why the pieces are where they are.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [withoutPolyfill(), preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings. scripting + host access: inject the article script into a tab only
    // after the always-on detector has said "article" (the heavy code never loads elsewhere), and
    // the tooltip's card UI only once the reader reaches a mark.
    permissions: ['storage', 'scripting'],
    host_permissions: ['http://*/*', 'https://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip' },
});
