import { describe, expect, it } from 'vitest';
import { cancellationPolicy } from '@/lib/site-config';
import { checkoutExpiry, courseRefund, registrationState, seatsLeft } from './terms';

const H = 3_600_000;
const M = 60_000;

describe('courseRefund, full until 7 days before the first lesson, none after', () => {
  const firstLessonAt = new Date('2027-01-16T10:00:00Z'); // 19:00 in Tokyo
  const days = cancellationPolicy.course.fullRefundUntilDaysBefore;
  const refund = (now: Date, priceYen = 33_000, cancelledBy: 'client' | 'counselor' = 'client') =>
    courseRefund({ fullRefundUntilDaysBefore: days, firstLessonAt, now, priceYen, cancelledBy });
  const sevenDays = 7 * 24 * H;
  const at = (msBefore: number) => new Date(firstLessonAt.getTime() - msBefore);

  it.each([
    ['a month before', 30 * 24 * H, 33_000],
    ['7 days and 1 ms before', sevenDays + 1, 33_000],
    ['exactly 7 days before (19:00 JST a week earlier)', sevenDays, 33_000],
    ['7 days minus 1 ms before', sevenDays - 1, 0],
    ['one day before', 24 * H, 0],
    ['at the first lesson', 0, 0],
    ['after the first lesson', -H, 0],
  ])('%s: refund ¥%s', (_label, msBefore, refundYen) => {
    expect(refund(at(msBefore)).refundYen).toBe(refundYen);
    expect(refund(at(msBefore)).full).toBe(refundYen > 0);
  });

  it('names the last instant of the full refund: 7 days before, same clock time', () => {
    expect(refund(at(sevenDays)).refundUntil.toISOString()).toBe('2027-01-09T10:00:00.000Z');
  });

  it('refunds in full when the counselor cancels, even after the first lesson', () => {
    expect(refund(at(-H), 33_000, 'counselor')).toMatchObject({ refundYen: 33_000, full: true });
  });

  it('refunds the yen as they are, never × 100, and rejects fractions and negatives', () => {
    expect(refund(at(sevenDays), 29_800).refundYen).toBe(29_800);
    expect(() => refund(firstLessonAt, 33_000.1)).toThrow(RangeError);
    expect(() => refund(firstLessonAt, -33_000)).toThrow(RangeError);
    expect(() =>
      courseRefund({ fullRefundUntilDaysBefore: -1, firstLessonAt, now: firstLessonAt, priceYen: 1 }),
    ).toThrow(RangeError);
  });
});

describe('registrationState', () => {
  const deadline = new Date('2027-01-10T15:00:00Z');
  const base = {
    status: 'open' as const,
    capacity: 12,
    seatsTaken: 11,
    deadline,
    now: new Date(deadline.getTime() - 1),
  };
  it('is open with a seat left before the deadline, full with none, closed from the deadline on', () => {
    expect(registrationState(base)).toBe('open');
    expect(registrationState({ ...base, seatsTaken: 12 })).toBe('full');
    expect(registrationState({ ...base, now: deadline })).toBe('closed');
    expect(registrationState({ ...base, status: 'cancelled' })).toBe('cancelled');
  });
  it('counts seats left, never below zero', () => {
    expect(seatsLeft(12, 3)).toBe(9);
    expect(seatsLeft(12, 13)).toBe(0);
  });
});

describe('checkoutExpiry', () => {
  const now = new Date('2027-01-01T00:00:00Z');
  it('keeps Stripe’s 30-minute minimum and 24-hour maximum, and the hold’s own end between them', () => {
    expect(checkoutExpiry(new Date(now.getTime() + 10 * M), now).getTime()).toBe(now.getTime() + 31 * M);
    expect(checkoutExpiry(new Date(now.getTime() + 20 * H), now).getTime()).toBe(now.getTime() + 20 * H);
    expect(checkoutExpiry(new Date(now.getTime() + 30 * H), now).getTime()).toBe(now.getTime() + 24 * H - M);
  });
});
