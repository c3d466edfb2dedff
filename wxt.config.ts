import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README "Architecture" for why the pieces are where they are.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
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
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}-mv{{manifestVersion}}.zip' },
});
