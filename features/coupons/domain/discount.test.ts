import { describe, expect, it } from 'vitest';
import { sessionCancellationTerms } from '@/features/booking/domain/cancellation';
import { couponRefusal, describeCoupon, discountYen, normalizeCode, priceAfterCoupon } from './discount';

const percent = (p: number) => ({ percentOff: p, amountOffYen: null });
const yen = (y: number) => ({ percentOff: null, amountOffYen: y });
const policy = [
  { hoursBefore: 48, feePercent: 0, label: '48時間前まで' },
  { hoursBefore: 24, feePercent: 50, label: '48〜24時間前' },
  { hoursBefore: 0, feePercent: 100, label: '24時間以内' },
];

describe('coupon discounts in yen', () => {
  it('takes a percent off, rounded to the nearest yen as Stripe does', () => {
    expect(priceAfterCoupon(11_000, percent(10))).toEqual({ discountYen: 1_100, payYen: 9_900 });
    expect(discountYen(3_333, percent(15))).toBe(500); // 499.95
    expect(discountYen(3_330, percent(15))).toBe(500); // 499.5 rounds up
    expect(discountYen(3_329, percent(15))).toBe(499); // 499.35
  });

  it('takes a yen amount off, never more than the price', () => {
    expect(priceAfterCoupon(11_000, yen(1_000))).toEqual({ discountYen: 1_000, payYen: 10_000 });
    expect(discountYen(2_000, yen(3_000))).toBe(2_000);
  });

  it('reads as the client sees it', () => {
    expect(describeCoupon(percent(10))).toBe('10%引き');
    expect(describeCoupon(yen(1_000))).toBe('1,000円引き');
  });

  it('matches codes without regard to case, width or spaces', () => {
    expect(normalizeCode(' welcome１０ ')).toBe('WELCOME10');
  });
});

describe('whether a code can be used', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const base = { ...percent(10), active: true, expiresAt: null, maxRedemptions: null, timesUsed: 0 };
  it('refuses inactive, expired, used-up codes and a total under Stripe’s minimum', () => {
    expect(couponRefusal(base, 11_000, now)).toBeNull();
    expect(couponRefusal({ ...base, active: false }, 11_000, now)).toBe('inactive');
    expect(couponRefusal({ ...base, expiresAt: now }, 11_000, now)).toBe('expired');
    expect(couponRefusal({ ...base, expiresAt: new Date(now.getTime() + 1) }, 11_000, now)).toBeNull();
    expect(couponRefusal({ ...base, maxRedemptions: 3, timesUsed: 3 }, 11_000, now)).toBe('used_up');
    expect(couponRefusal({ ...base, maxRedemptions: 3, timesUsed: 2 }, 11_000, now)).toBeNull();
    expect(couponRefusal({ ...base, percentOff: 100 }, 11_000, now)).toBe('too_small');
    expect(couponRefusal({ ...base, ...yen(10_951) }, 11_000, now)).toBe('too_small');
    expect(couponRefusal({ ...base, ...yen(10_950) }, 11_000, now)).toBeNull();
  });
});

describe('cancellation fees on what was paid', () => {
  it('a 10% coupon on 11,000円: paid 9,900円, the 50% fee is 4,950円 and 4,950円 comes back', () => {
    const { payYen } = priceAfterCoupon(11_000, percent(10));
    const terms = sessionCancellationTerms({
      policy,
      startsAt: new Date('2026-12-05T10:00:00Z'),
      now: new Date('2026-12-04T09:00:00Z'),
      priceYen: payYen,
      cancelledBy: 'client',
    });
    expect(terms).toMatchObject({ feePercent: 50, feeYen: 4_950, refundYen: 4_950 });
  });
});
