/**
 * Messages from a content script to the background that survive the MV3 service worker being stopped
 * under them: Chrome stops an idle worker at any time, and a message it was handling is then lost
 * ("message channel closed before a response was received"). Such a message is sent again, a few
 * times, to the worker Chrome starts for it. Other failures (an invalid message, the extension gone)
 * are not retried.
 */
const TRANSIENT = /message (port|channel) closed|receiving end does not exist|could not establish connection/i;

export async function sendWithRetry<T>(send: () => Promise<T>, attempts = 3, pauseMs = 300): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= attempts || !TRANSIENT.test(String((err as Error)?.message ?? err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
    }
  }
}
