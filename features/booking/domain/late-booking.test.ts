import { describe, expect, it } from 'vitest';
import { cancellationPolicy } from '@/lib/site-config';
import type { CancellationTier } from './cancellation';
import { describeLateBookingFee, lateBookingFee } from './late-booking';

const H = 3_600_000;
const startsAt = new Date('2026-12-05T05:00:00Z'); // 14:00 in Tokyo
const bookedAt = (msBefore: number) => new Date(startsAt.getTime() - msBefore);
const fee = (msBefore: number, priceYen = 11_000, policy: readonly CancellationTier[] = cancellationPolicy.session) =>
  lateBookingFee({ policy, startsAt, now: bookedAt(msBefore), priceYen });

describe('lateBookingFee, with the default table (48 h free, 24 h 50 %, then 100 %)', () => {
  it('says nothing while booking leaves a free window', () => {
    expect(fee(48 * H + 1)).toBeNull();
    expect(fee(30 * 24 * H)).toBeNull();
  });

  it('charges 50 % from the moment of booking at exactly 48 h and below, rising to 100 % at 24 h', () => {
    const half = {
      withinHours: 48,
      feePercent: 50,
      feeYen: 5_500,
      next: { fromHours: 24, feePercent: 100, feeYen: 11_000 },
    };
    expect(fee(48 * H)).toEqual(half);
    expect(fee(30 * H)).toEqual(half);
    expect(describeLateBookingFee(fee(30 * H)!)).toBe(
      '開始まで48時間を切っているため、ご予約の時点からキャンセル料がかかります。ご予約後にキャンセルすると50%・5,500円（税込）、開始24時間前からは全額の11,000円（税込）です。',
    );
  });

  it('at exactly 24 h the 50 % tier still holds, and the full fee follows at once', () => {
    expect(fee(24 * H)).toEqual({
      withinHours: 48,
      feePercent: 50,
      feeYen: 5_500,
      next: { fromHours: 24, feePercent: 100, feeYen: 11_000 },
    });
  });

  it('charges the full price within 24 h, with no later tier', () => {
    expect(fee(24 * H - 1)).toEqual({ withinHours: 24, feePercent: 100, feeYen: 11_000 });
    expect(describeLateBookingFee(fee(10 * H)!)).toBe(
      '開始まで24時間を切っているため、ご予約の時点からキャンセル料がかかります。ご予約後にキャンセルすると、全額の11,000円（税込）です。',
    );
  });

  it('rounds the fee down to whole yen, as the refund arithmetic does', () => {
    expect(fee(30 * H, 11_001)?.feeYen).toBe(5_500);
  });

  it('follows a table the counselor changed (72 h free, 30 % until 12 h)', () => {
    const policy = [
      { hoursBefore: 72, feePercent: 0, label: '開始72時間前まで' },
      { hoursBefore: 12, feePercent: 30, label: '開始72時間前から12時間前まで' },
      { hoursBefore: 0, feePercent: 100, label: '開始12時間前以降' },
    ];
    expect(fee(50 * H, 10_000, policy)).toEqual({
      withinHours: 72,
      feePercent: 30,
      feeYen: 3_000,
      next: { fromHours: 12, feePercent: 100, feeYen: 10_000 },
    });
  });
});
