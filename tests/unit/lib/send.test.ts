import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendWithRetry } from '../../../lib/send';

const CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

afterEach(() => {
  vi.useRealTimers();
});

describe('sendWithRetry', () => {
  it('sends again when the worker was stopped while handling the message', async () => {
    let calls = 0;
    const result = await sendWithRetry(async () => {
      calls++;
      if (calls < 3) throw new Error(CLOSED);
      return 'answer';
    }, 1000, 1);
    expect(result).toBe('answer');
    expect(calls).toBe(3);
  });

  it('takes no reply for a lost message (a worker stopped before its listener ran) and sends again', async () => {
    const replies = [undefined, { ok: true }];
    let calls = 0;
    expect(await sendWithRetry(async () => replies[calls++], 1000, 1)).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('keeps trying through a worker stop that takes seconds, with growing pauses', async () => {
    vi.useFakeTimers();
    const sentAt: number[] = [];
    const stoppedUntil = Date.now() + 4000; // the worker takes 4 s to stop and start again
    const pending = sendWithRetry(async () => {
      sentAt.push(Date.now());
      if (Date.now() < stoppedUntil) throw new Error('Could not establish connection. Receiving end does not exist.');
      return 'answer';
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(pending).resolves.toBe('answer');
    const pauses = sentAt.slice(1).map((t, i) => t - sentAt[i]!);
    expect(pauses).toEqual([250, 500, 1000, 2000, 4000]);
  });

  it('gives up when its patience is spent, and never retries other failures', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const failing = sendWithRetry(async () => {
      calls++;
      throw new Error(CLOSED);
    }, 2000);
    const outcome = failing.then(() => 'sent', (err: Error) => err.message);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await outcome).toBe(CLOSED);
    expect(calls).toBe(4); // at 0, 250, 750 and 1750 ms; the next pause would pass 2 s
    vi.useRealTimers();

    calls = 0;
    await expect(sendWithRetry(async () => {
      calls++;
      throw new Error('Extension context invalidated.');
    })).rejects.toThrow('invalidated');
    expect(calls).toBe(1);
  });
});
