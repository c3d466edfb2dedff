/**
 * Messages from a content script to the background that survive the MV3 service worker being stopped
 * under them: Chrome stops an idle worker at any time, and a message it was handling is then lost
 * ("message channel closed before a response was received"); one sent while the worker is still
 * stopping is lost the same way. A worker stopped before its listener ran closes the port with no
 * answer at all, which the webextension-polyfill (like Firefox) turns into an `undefined` reply:
 * the background answers every message it accepts, so no answer is a lost message too. Such a
 * message is sent again, with growing pauses, to the worker Chrome starts for it, for as long as
 * `patienceMs` (a stop can take over a second on a busy machine; a fixed number of quick retries
 * ran out before it ended). Other failures (an invalid message, the extension gone) are not
 * retried.
 */
const NO_REPLY = 'The background closed the message port without a reply.';
const TRANSIENT = /message (port|channel) closed|closed the message port|receiving end does not exist|could not establish connection/i;

export async function sendWithRetry<T>(send: () => Promise<T>, patienceMs = 10_000, firstPauseMs = 250): Promise<T> {
  const started = Date.now();
  for (let pause = firstPauseMs; ; pause *= 2) {
    try {
      const reply = await send();
      if (reply === undefined) throw new Error(NO_REPLY);
      return reply;
    } catch (err) {
      const spent = Date.now() - started;
      if (spent + pause > patienceMs || !TRANSIENT.test(String((err as Error)?.message ?? err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
