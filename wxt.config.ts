import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * The always-on detector runs on every page, so it skips the webextension-polyfill (its two calls
 * are native promises in Chrome MV3 and Firefox); every other entrypoint keeps the polyfill.
 */
function detectorWithoutPolyfill(): Plugin {
  const shim = fileURLToPath(new URL('./lib/shims/native-browser.ts', import.meta.url));
  let isDetectorBuild = false;
  return {
    name: 'backstory:detector-without-polyfill',
    enforce: 'pre',
    options(opts) {
      isDetectorBuild = JSON.stringify(opts.input ?? '').includes('detector.content');
      return null;
    },
    resolveId(source) {
      return isDetectorBuild && source === 'webextension-polyfill' ? shim : null;
    },
  };
}

// See README "Architecture" for why the pieces are where they are.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [detectorWithoutPolyfill(), preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings. scripting + host access: inject the article script into a tab only
    // after the always-on detector has said "article" (the heavy code never loads elsewhere).
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
