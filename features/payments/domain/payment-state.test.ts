import { describe, expect, it } from 'vitest';
import { canMovePayment, paymentStatesBefore, refundStatusFor } from './payment-state';

describe('payment state machine', () => {
  it('moves forward through payment and refunds', () => {
    expect(canMovePayment('pending', 'paid')).toBe(true);
    expect(canMovePayment('paid', 'partially_refunded')).toBe(true);
    expect(canMovePayment('partially_refunded', 'refunded')).toBe(true);
  });

  it('never moves backwards', () => {
    expect(canMovePayment('paid', 'pending')).toBe(false);
    expect(canMovePayment('paid', 'expired')).toBe(false);
    expect(canMovePayment('refunded', 'paid')).toBe(false);
    expect(canMovePayment('refunded', 'partially_refunded')).toBe(false);
    expect(canMovePayment('partially_refunded', 'paid')).toBe(false);
  });

  it('records a payment that completes after its checkout was given up', () => {
    expect(canMovePayment('expired', 'paid')).toBe(true);
    expect(paymentStatesBefore('paid').sort()).toEqual(['expired', 'failed', 'pending']);
  });

  it('names the refund state from the amounts', () => {
    expect(refundStatusFor(11000, 0)).toBe('paid');
    expect(refundStatusFor(11000, 5500)).toBe('partially_refunded');
    expect(refundStatusFor(11000, 11000)).toBe('refunded');
  });
});
