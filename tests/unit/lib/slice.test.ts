import { describe, expect, it } from 'vitest';
import { runSliced, yieldToPage } from '../../../lib/slice';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* spin */
  }
}

function* work(steps: number, msPerStep: number, log: string[]): Generator<void, number> {
  let done = 0;
  for (let i = 0; i < steps; i++) {
    busy(msPerStep);
    log.push(`step ${i}`);
    done++;
    yield;
  }
  return done;
}

describe('runSliced', () => {
  it('gives the thread back between slices and returns the generator\'s result', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('page task'), 0);
    const result = await runSliced(work(8, 3, log), 5);
    expect(result).toBe(8);
    const pageAt = log.indexOf('page task');
    // The page's task ran after some of our steps and before the last one.
    expect(pageAt).toBeGreaterThan(0);
    expect(pageAt).toBeLessThan(log.length - 1);
  });

  it('pauses only when a slice has used its budget', async () => {
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    await runSliced(work(50, 0, []), 1_000, pause);
    expect(pauses).toBe(0);
    await runSliced(work(6, 2, []), 1, pause);
    expect(pauses).toBe(6);
  });

  it('passes an exception from the work to the caller', async () => {
    function* failing(): Generator<void, never> {
      yield;
      throw new Error('broken page');
    }
    await expect(runSliced(failing(), 0)).rejects.toThrow('broken page');
  });

  it('yieldToPage resolves after pending tasks', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('task'), 0);
    await yieldToPage();
    await yieldToPage();
    order.push('after');
    expect(order).toEqual(['task', 'after']);
  });
});
