/**
 * The browser namespace without the webextension-polyfill, for the always-on detector only (see
 * wxt.config.ts): it needs nothing but promise-returning `runtime.sendMessage` and `runtime.id`,
 * which Chrome MV3 (`chrome`) and Firefox (`browser`) both provide natively. Saves ~3 kB gzipped
 * on every page load.
 */
const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
export default (g.browser ?? g.chrome) as typeof import('webextension-polyfill');
