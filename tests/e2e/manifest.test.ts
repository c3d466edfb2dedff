/**
 * The built manifests ask for exactly what the README's "Permissions" explains, so any widening is a
 * deliberate change to this test: storage (settings), scripting (inject the article script into an
 * article tab), http(s) host access (the detector on every page), one always-on content script, no
 * web-accessible resources (a page cannot fetch our knowledge files) and no external messaging.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_EXT, FIREFOX_EXT } from './support';

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const HOSTS = ['http://*/*', 'https://*/*'];
const ALWAYS_ON = [{ matches: HOSTS, run_at: 'document_idle', js: ['content-scripts/detector.js'] }];

describe('built manifests', () => {
  it('Chrome MV3 asks for storage, scripting and http(s) hosts, nothing more', () => {
    const m = manifest(CHROME_EXT);
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(['storage', 'scripting']);
    expect(m.host_permissions).toEqual(HOSTS);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.content_scripts).toEqual(ALWAYS_ON);
    for (const key of ['web_accessible_resources', 'externally_connectable', 'content_security_policy', 'optional_host_permissions']) expect(m[key], key).toBeUndefined();
  });

  it('Firefox MV2 asks for the same, with host access among its permissions as MV2 requires', () => {
    const m = manifest(FIREFOX_EXT);
    expect(m.manifest_version).toBe(2);
    expect(m.permissions).toEqual(['storage', 'scripting', ...HOSTS]);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.content_scripts).toEqual(ALWAYS_ON);
    for (const key of ['web_accessible_resources', 'externally_connectable', 'content_security_policy']) expect(m[key], key).toBeUndefined();
    expect((m.browser_specific_settings as { gecko: { data_collection_permissions: unknown } }).gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
