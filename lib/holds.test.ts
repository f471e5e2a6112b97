import { describe, expect, it } from 'vitest';
import { isHoldLive, isPlaceKept } from './holds';

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

describe('isPlaceKept', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const later = new Date('2026-12-06T15:00:00Z');

  it('keeps a place held or awaiting a konbini payment until its time, and no other', () => {
    expect(isPlaceKept({ status: 'awaiting_payment', holdExpiresAt: later }, now)).toBe(true);
    expect(isPlaceKept({ status: 'held', holdExpiresAt: later }, now)).toBe(true);
    expect(isPlaceKept({ status: 'awaiting_payment', holdExpiresAt: now }, now)).toBe(false);
    expect(isPlaceKept({ status: 'expired', holdExpiresAt: later }, now)).toBe(false);
    // An awaiting place is not a hold its client can take to checkout.
    expect(isHoldLive({ status: 'awaiting_payment', holdExpiresAt: later }, now)).toBe(false);
  });
});
