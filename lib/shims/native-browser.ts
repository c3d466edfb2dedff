/**
 * The browser namespace without the webextension-polyfill, for the scripts that run in web pages
 * (see wxt.config.ts): the detector, the article script and the tooltip's card script. They need
 * nothing but promise-returning `runtime.sendMessage`, `runtime.onMessage` answered through
 * `sendResponse`, `runtime.id`, `runtime.getURL` and `i18n.getMessage`, which Chrome MV3 (`chrome`)
 * and Firefox (`browser`) both provide natively. Saves ~3 kB gzipped in each.
 */
const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
export default (g.browser ?? g.chrome) as typeof import('webextension-polyfill');
