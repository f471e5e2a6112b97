import { describe, expect, it } from 'vitest';
import { type LedgerLine, methodLabel, signedYen, summarize } from './ledger';

const line = (over: Partial<LedgerLine>): LedgerLine => ({
  kind: 'payment',
  at: new Date('2026-01-10T01:00:00Z'),
  amountYen: 11_000,
  paymentId: 'p1',
  purpose: 'booking',
  groupId: 'online-60',
  groupLabel: 'オンラインセッション（60分）',
  clientName: '山田 花子',
  sessionStartsAt: null,
  state: 'お支払い済み',
  href: null,
  bookingId: null,
  enrollmentId: null,
  stripeCheckoutSessionId: null,
  stripePaymentIntentId: null,
  stripeRefundId: null,
  method: 'card',
  ...over,
});

describe('summarize', () => {
  it('sums paid, refunded and fees kept per purpose and group; net is paid less refunded', () => {
    const overview = summarize([
      line({}),
      line({ paymentId: 'p2', amountYen: 16_500, groupId: 'online-90', groupLabel: 'オンラインセッション（90分）' }),
      line({ kind: 'refund', amountYen: 5_500, paymentId: 'p1' }),
      line({ kind: 'fee_kept', amountYen: 5_500, paymentId: 'p1' }),
      line({ kind: 'refund_outside', amountYen: 1_000, paymentId: 'p2', groupId: 'online-90', groupLabel: 'x' }),
      line({ purpose: 'course', amountYen: 30_000, groupId: 'c1', groupLabel: '心理学講座・第1期', paymentId: 'p3' }),
    ]);
    expect(overview.booking).toMatchObject({ paidYen: 27_500, refundedYen: 6_500, netYen: 21_000, feesKeptYen: 5_500 });
    expect(overview.course).toMatchObject({ paidYen: 30_000, refundedYen: 0, netYen: 30_000, feesKeptYen: 0 });
    expect(overview.total).toEqual({ paidYen: 57_500, refundedYen: 6_500, netYen: 51_000, feesKeptYen: 5_500 });
    expect(overview.booking.groups.map((g) => [g.label, g.netYen])).toEqual([
      ['オンラインセッション（60分）', 5_500],
      ['オンラインセッション（90分）', 15_500],
    ]);
    expect(overview.course.groups).toHaveLength(1);
  });

  it('is all zeros for no lines', () => {
    expect(summarize([]).total).toEqual({ paidYen: 0, refundedYen: 0, netYen: 0, feesKeptYen: 0 });
  });
});

describe('signedYen', () => {
  it('adds payments, takes refunds away, and moves nothing for a fee kept', () => {
    expect(signedYen({ kind: 'payment', amountYen: 100 })).toBe(100);
    expect(signedYen({ kind: 'refund', amountYen: 100 })).toBe(-100);
    expect(signedYen({ kind: 'refund_outside', amountYen: 100 })).toBe(-100);
    expect(signedYen({ kind: 'fee_kept', amountYen: 100 })).toBe(0);
  });
});

describe('methodLabel', () => {
  it('names the method a payment was made with, and its refunds go back the same way; a fee kept moves nothing', () => {
    expect(methodLabel(line({ method: 'paypay' }))).toBe('PayPay');
    expect(methodLabel(line({ kind: 'refund', method: 'konbini' }))).toBe('コンビニ決済');
    expect(methodLabel(line({ kind: 'refund_outside', method: 'card' }))).toBe('クレジットカード');
    expect(methodLabel(line({ kind: 'fee_kept', method: 'card' }))).toBe('');
    expect(methodLabel(line({ method: null }))).toBe('');
  });
});
