/**
 * Stops an extension's MV3 service worker the way Chrome does when it is idle (DevTools' "Stop"),
 * for the e2e tests and the bench. Resolves to false when it was not running. It never evaluates in
 * the worker: Playwright's `worker.evaluate` on a stopped worker waits until something starts it
 * again (once 58 s in the lifecycle test, which then ran out of time).
 */
import type { Page } from 'playwright-core';

export async function stopServiceWorker(page: Page, extensionId: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  const versions: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...(e.versions as typeof versions)));
  await cdp.send('ServiceWorker.enable');
  const deadline = Date.now() + 5000;
  let ours: (typeof versions)[number] | undefined;
  while (!(ours = versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'running')) && Date.now() < deadline) await page.waitForTimeout(50);
  if (ours) await cdp.send('ServiceWorker.stopWorker', { versionId: ours.versionId });
  await cdp.detach();
  return !!ours;
}
