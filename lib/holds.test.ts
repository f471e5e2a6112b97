import { describe, expect, it } from 'vitest';
import { isHoldLive } from './holds';

describe('isHoldLive', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const later = new Date(now.getTime() + 1);

  it('is live while held and its time is not up', () => {
    expect(isHoldLive({ status: 'held', holdExpiresAt: later }, now)).toBe(true);
  });

  it('has lapsed at its expiry instant and after', () => {
    expect(isHoldLive({ status: 'held', holdExpiresAt: now }, now)).toBe(false);
    expect(isHoldLive({ status: 'held', holdExpiresAt: now }, later)).toBe(false);
  });

  it('is never live once the row is no longer held', () => {
    for (const status of ['confirmed', 'enrolled', 'expired', 'cancelled'])
      expect(isHoldLive({ status, holdExpiresAt: later }, now)).toBe(false);
    expect(isHoldLive({ status: 'held', holdExpiresAt: null }, now)).toBe(false);
  });
});
