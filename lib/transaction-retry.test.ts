import { describe, expect, it } from 'vitest';
import { retryTransientConflicts } from './transaction-retry';

/** An error as drizzle throws it: the driver's error, with its code, as the cause. */
const pgError = (code: string) =>
  Object.assign(new Error('Failed query'), { cause: Object.assign(new Error(code), { code }) });

describe('retryTransientConflicts', () => {
  it('runs a transaction again after a deadlock or a serialization failure, and returns its result', async () => {
    const failures = [pgError('40P01'), pgError('40001')];
    let runs = 0;
    const result = await retryTransientConflicts(async () => {
      runs += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return 'held';
    });
    expect(result).toBe('held');
    expect(runs).toBe(3);
  });

  it('gives up after the given number of runs with the last error', async () => {
    let runs = 0;
    await expect(
      retryTransientConflicts(
        async () => {
          runs += 1;
          throw pgError('40P01');
        },
        { attempts: 4, baseDelayMs: 0 },
      ),
    ).rejects.toMatchObject({ cause: { code: '40P01' } });
    expect(runs).toBe(4);
  });

  it('never runs again after any other error (a slot already taken is an answer)', async () => {
    let runs = 0;
    await expect(
      retryTransientConflicts(async () => {
        runs += 1;
        throw pgError('23P01');
      }),
    ).rejects.toMatchObject({ cause: { code: '23P01' } });
    expect(runs).toBe(1);
  });
});
