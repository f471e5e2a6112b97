import { afterEach, describe, expect, it, vi } from 'vitest';
import { alignPerformanceClockWithWallClock } from './cache-clock';

vi.mock('server-only', () => ({}));

describe('alignPerformanceClockWithWallClock', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps timeOrigin + now() equal to the wall clock after the wall clock is stepped forward', () => {
    const performance = { timeOrigin: Date.now() - 5_000, now: () => 5_000 } as unknown as Performance;
    alignPerformanceClockWithWallClock(performance);
    const stepped = Date.now() + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(stepped);
    // What Next compares a revalidation's Date.now() with: a step of the wall clock shows in it.
    expect(performance.timeOrigin + performance.now()).toBe(stepped);
  });
});
