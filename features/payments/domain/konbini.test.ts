import { describe, expect, it } from 'vitest';
import {
  isVoucherReminderDue,
  keptUntil,
  konbiniDeadline,
  konbiniExpiresAfterDays,
  voucherReminderAt,
} from './konbini';

describe('konbiniDeadline', () => {
  it('is 23:59:59 JST of the day N days after the Japanese day it was issued', () => {
    // Monday 2026-12-07 10:00 JST → expires Thursday 12-10 23:59:59.999 JST.
    expect(konbiniDeadline(new Date('2026-12-07T01:00:00Z'), 3).toISOString()).toBe('2026-12-10T14:59:59.999Z');
  });

  it('counts the day in Japan, not in UTC (issued 00:30 JST is already the next day)', () => {
    // 2026-12-06 15:30 UTC is Monday 12-07 00:30 JST.
    expect(konbiniDeadline(new Date('2026-12-06T15:30:00Z'), 1).toISOString()).toBe('2026-12-08T14:59:59.999Z');
  });
});

describe('konbiniExpiresAfterDays', () => {
  const now = new Date('2026-12-07T01:00:00Z'); // Monday 10:00 JST

  it('gives three days when the session is far away', () => {
    expect(konbiniExpiresAfterDays({ startsAt: new Date('2026-12-20T05:00:00Z'), now })).toBe(3);
  });

  it('shortens the voucher so its deadline, plus the grace, stays a day before the start', () => {
    // Friday 12-11 14:00 JST: a deadline on Thu 23:59 + 1 h is Fri 01:00, later than Thu 14:00 → 2 days.
    const startsAt = new Date('2026-12-11T05:00:00Z');
    const days = konbiniExpiresAfterDays({ startsAt, now })!;
    expect(days).toBe(2);
    expect(keptUntil(konbiniDeadline(now, days)).getTime()).toBeLessThanOrEqual(startsAt.getTime() - 24 * 3600_000);
  });

  it('refuses konbini when not even one day fits', () => {
    expect(konbiniExpiresAfterDays({ startsAt: new Date('2026-12-08T05:00:00Z'), now })).toBeNull();
  });
});

describe('the day-before reminder', () => {
  const dueAt = new Date('2026-12-10T14:59:59.999Z'); // Thu 23:59:59 JST

  it('is at 10:00 JST the day before the deadline', () => {
    expect(voucherReminderAt(dueAt).toISOString()).toBe('2026-12-09T01:00:00.000Z');
  });

  it('is due from then until the deadline, for a voucher issued before', () => {
    const issuedAt = new Date('2026-12-07T01:00:00Z');
    expect(isVoucherReminderDue({ dueAt, issuedAt, now: new Date('2026-12-09T00:59:00Z') })).toBe(false);
    expect(isVoucherReminderDue({ dueAt, issuedAt, now: new Date('2026-12-09T01:00:00Z') })).toBe(true);
    expect(isVoucherReminderDue({ dueAt, issuedAt, now: new Date('2026-12-10T15:00:00Z') })).toBe(false);
  });

  it('is never sent for a voucher issued after the reminder time', () => {
    const issuedAt = new Date('2026-12-09T05:00:00Z');
    expect(isVoucherReminderDue({ dueAt, issuedAt, now: new Date('2026-12-09T06:00:00Z') })).toBe(false);
  });
});
