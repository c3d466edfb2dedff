/**
 * Work on the page's main thread in slices: the article script runs the extraction as a generator
 * (core/extract `extractArticleSteps`) and gives the page the thread back whenever a slice has run
 * for `budgetMs`, so that no task of ours comes near the 50 ms of a long task, whatever the page.
 */

/** Lets the page run (input, rendering, its own tasks) before we continue. */
export function yieldToPage(): Promise<void> {
  // Our own global (content scripts run in an isolated world): the page cannot replace it.
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `steps` to completion, yielding to the page each time a slice has taken `budgetMs`. */
export async function runSliced<T>(steps: Generator<void, T>, budgetMs = 10, pause: () => Promise<void> = yieldToPage): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= budgetMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
