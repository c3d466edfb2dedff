import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README "Architecture" for why the pieces are where they are.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Backstory',
    description: 'The context behind the news article you are reading: who is who, and what happened before. Runs entirely on your device.',
    // storage: settings. scripting + host access: inject the article script into a tab only
    // after the always-on detector has said "article" (the heavy code never loads elsewhere).
    permissions: ['storage', 'scripting'],
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.example',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}-mv{{manifestVersion}}.zip' },
});
