import { describe, expect, it } from 'vitest';
import { sendWithRetry } from '../../../lib/send';

describe('sendWithRetry', () => {
  it('sends again when the worker was stopped while handling the message', async () => {
    let calls = 0;
    const result = await sendWithRetry(async () => {
      calls++;
      if (calls < 3) throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
      return 'answer';
    }, 3, 1);
    expect(result).toBe('answer');
    expect(calls).toBe(3);
  });

  it('gives up after the last attempt, and never retries other failures', async () => {
    let calls = 0;
    await expect(sendWithRetry(async () => {
      calls++;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }, 2, 1)).rejects.toThrow('Receiving end');
    expect(calls).toBe(2);
    calls = 0;
    await expect(sendWithRetry(async () => {
      calls++;
      throw new Error('Extension context invalidated.');
    }, 3, 1)).rejects.toThrow('invalidated');
    expect(calls).toBe(1);
  });
});
