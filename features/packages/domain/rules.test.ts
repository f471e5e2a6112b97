import { describe, expect, it } from 'vitest';
import { cancellationPolicy } from '@/lib/site-config';
import { HOUR_MS, japanDate } from '@/lib/time';
import {
  creditBalance,
  creditOnCancellation,
  lastUsableInstant,
  lastValidDay,
  packageExpiresAt,
  packageRefundFeeYen,
  packageRefundRuleText,
  unusedRefundYen,
} from './rules';

const now = new Date('2026-12-03T05:00:00Z');
const later = new Date('2027-03-03T15:00:00Z');
const grant = (n: number, expiresAt = later) => ({ kind: 'grant' as const, delta: n, expiresAt });
const use = { kind: 'use' as const, delta: -1, expiresAt: null };
const back = { kind: 'return' as const, delta: 1, expiresAt: null };

describe('creditBalance', () => {
  it('is the sum of grants, uses and returns', () => {
    expect(creditBalance([grant(5), use, use, back, use], now)).toMatchObject({
      granted: 5,
      remaining: 3,
      expired: false,
      lapsed: 0,
    });
  });

  it('counts nothing before the grant', () => {
    expect(creditBalance([], now)).toEqual({ granted: 0, remaining: 0, expiresAt: null, expired: false, lapsed: 0 });
  });

  it('an expired grant counts for nothing, from its expiry instant on', () => {
    const rows = [grant(3), use];
    expect(creditBalance(rows, new Date(later.getTime() - 1)).remaining).toBe(2);
    expect(creditBalance(rows, later)).toMatchObject({ remaining: 0, expired: true, lapsed: 2 });
  });

  it('once the expiry is written, the lapsed credits are still reported', () => {
    const rows = [grant(3), use, { kind: 'expire' as const, delta: -2, expiresAt: null }];
    expect(creditBalance(rows, later)).toMatchObject({ remaining: 0, expired: true, lapsed: 2 });
  });

  it('a refund of the unused part leaves nothing', () => {
    const rows = [grant(5), use, { kind: 'refund' as const, delta: -4, expiresAt: null }];
    expect(creditBalance(rows, now)).toMatchObject({ remaining: 0, granted: 5 });
  });

  it('refuses a ledger that spent more than it had', () => {
    expect(() => creditBalance([grant(1), use, use], now)).toThrow(RangeError);
  });
});

describe('creditOnCancellation (default table: 48 h free, then 50 %, then 100 %)', () => {
  const policy = cancellationPolicy.session;
  const startsAt = new Date('2026-12-10T01:00:00Z');
  const before = (ms: number) => new Date(startsAt.getTime() - ms);

  it('the client cancelling in the free tier gets the credit back', () => {
    expect(creditOnCancellation({ policy, startsAt, now: before(48 * HOUR_MS + 1), cancelledBy: 'client' })).toBe(
      'returned',
    );
  });

  it('the client cancelling in a fee tier uses the credit up, from the tier bound on', () => {
    expect(creditOnCancellation({ policy, startsAt, now: before(48 * HOUR_MS), cancelledBy: 'client' })).toBe('used');
    expect(creditOnCancellation({ policy, startsAt, now: before(HOUR_MS), cancelledBy: 'client' })).toBe('used');
    expect(creditOnCancellation({ policy, startsAt, now: before(-HOUR_MS), cancelledBy: 'client' })).toBe('used');
  });

  it('the counselor cancelling always gives it back, even after the start', () => {
    expect(creditOnCancellation({ policy, startsAt, now: before(HOUR_MS), cancelledBy: 'counselor' })).toBe('returned');
    expect(creditOnCancellation({ policy, startsAt, now: before(-HOUR_MS), cancelledBy: 'counselor' })).toBe(
      'returned',
    );
  });
});

describe('unusedRefundYen: price × unused ÷ sessions, rounded down', () => {
  it('refunds the per-session price paid for each unused session', () => {
    expect(unusedRefundYen({ priceYen: 30000, sessionCount: 3, unused: 1 })).toBe(10000);
    expect(unusedRefundYen({ priceYen: 30000, sessionCount: 3, unused: 3 })).toBe(30000);
    expect(unusedRefundYen({ priceYen: 30000, sessionCount: 3, unused: 0 })).toBe(0);
  });

  it('never refunds a fraction of a yen up', () => {
    expect(unusedRefundYen({ priceYen: 10000, sessionCount: 3, unused: 2 })).toBe(6666);
    expect(unusedRefundYen({ priceYen: 10000, sessionCount: 3, unused: 1 })).toBe(3333);
  });

  it('refuses more unused sessions than the package had', () => {
    expect(() => unusedRefundYen({ priceYen: 30000, sessionCount: 3, unused: 4 })).toThrow(RangeError);
    expect(() => unusedRefundYen({ priceYen: 30000, sessionCount: 3, unused: -1 })).toThrow(RangeError);
  });
});

describe('packageExpiresAt', () => {
  it('is valid through the same day months later in Japan, expiring at the next JST midnight', () => {
    // 2026-12-03 14:00 JST
    expect(packageExpiresAt(now, 3).toISOString()).toBe('2027-03-03T15:00:00.000Z');
  });

  it('uses the Japanese date of the payment (late evening UTC is already tomorrow in Japan)', () => {
    // 2026-12-31 16:00 UTC = 2027-01-01 01:00 JST
    expect(packageExpiresAt(new Date('2026-12-31T16:00:00Z'), 1).toISOString()).toBe('2027-02-01T15:00:00.000Z');
  });

  it('clamps to the end of a shorter month and crosses years', () => {
    expect(lastValidDay('2027-01-31', 1)).toBe('2027-02-28');
    expect(lastValidDay('2028-01-31', 1)).toBe('2028-02-29');
    expect(lastValidDay('2026-11-30', 3)).toBe('2027-02-28');
    expect(lastValidDay('2026-12-15', 12)).toBe('2027-12-15');
  });
});

describe('what the client reads', () => {
  it('the last usable day is the Japan date before the expiry midnight', () => {
    const expiresAt = packageExpiresAt(new Date('2026-12-03T05:00:00Z'), 3);
    expect(japanDate(lastUsableInstant(expiresAt))).toBe('2027-03-03');
  });

  it('the refund rule states the formula, the rounding, the fee and the expired credits', () => {
    expect(packageRefundFeeYen).toBe(0);
    expect(packageRefundRuleText).toContain('お支払い額 × 未使用の回数 ÷ 回数券の回数');
    expect(packageRefundRuleText).toContain('1円未満切り捨て');
    expect(packageRefundRuleText).toContain('手数料はいただきません');
    expect(packageRefundRuleText).toContain('期限切れ');
  });
});
