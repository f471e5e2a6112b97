import { describe, expect, it } from 'vitest';
import {
  konbiniMinDaysAhead,
  methodFromStripe,
  methodLabel,
  methodsFor,
  methodsList,
  offeredMethods,
  refundDestinations,
} from './methods';

const now = new Date('2026-12-03T09:00:00+09:00');
const inHours = (hours: number) => new Date(now.getTime() + hours * 3600_000);
const all = { konbini: true, paypay: true };

describe('methodsFor', () => {
  it('offers card only when nothing else is switched on, however far the session is', () => {
    expect(methodsFor({ offered: { konbini: false, paypay: false }, startsAt: inHours(24 * 30), now })).toEqual([
      'card',
    ]);
  });

  it('offers PayPay whenever it is switched on, even for a session tomorrow', () => {
    expect(methodsFor({ offered: { konbini: false, paypay: true }, startsAt: inHours(25), now })).toEqual([
      'card',
      'paypay',
    ]);
  });

  it(`offers konbini only when the start is at least ${konbiniMinDaysAhead} days away`, () => {
    const exactly = inHours(konbiniMinDaysAhead * 24);
    const justBefore = new Date(exactly.getTime() - 1);
    expect(methodsFor({ offered: all, startsAt: exactly, now })).toEqual(['card', 'paypay', 'konbini']);
    expect(methodsFor({ offered: all, startsAt: justBefore, now })).toEqual(['card', 'paypay']);
    expect(methodsFor({ offered: all, startsAt: inHours(-1), now })).toEqual(['card', 'paypay']);
  });

  it('never offers konbini when it is switched off', () => {
    expect(methodsFor({ offered: { konbini: false, paypay: false }, startsAt: inHours(24 * 60), now })).toEqual([
      'card',
    ]);
  });
});

describe('offeredMethods', () => {
  it('lists card first and then what is switched on', () => {
    expect(offeredMethods({ konbini: false, paypay: false })).toEqual(['card']);
    expect(offeredMethods(all)).toEqual(['card', 'konbini', 'paypay']);
    expect(methodsList({ konbini: false, paypay: true })).toBe('クレジットカード、PayPay');
    expect(refundDestinations(all)).toBe('クレジットカードまたはPayPay');
    expect(refundDestinations({ konbini: true, paypay: false })).toBe('クレジットカード');
  });
});

describe('methodFromStripe', () => {
  it("reads the expanded charge's payment_method_details.type first", () => {
    const session = {
      payment_method_types: ['card', 'paypay'],
      payment_intent: {
        payment_method_types: ['card', 'paypay'],
        latest_charge: { payment_method_details: { type: 'paypay' } },
      },
    };
    expect(methodFromStripe(session)).toBe('paypay');
  });

  it("falls back on the PaymentIntent's single type, then the session's single type", () => {
    expect(
      methodFromStripe({
        payment_method_types: ['card', 'konbini'],
        payment_intent: { payment_method_types: ['konbini'], latest_charge: null },
      }),
    ).toBe('konbini');
    expect(methodFromStripe({ payment_method_types: ['card'], payment_intent: 'pi_1' })).toBe('card');
  });

  it('does not guess when Stripe does not say', () => {
    expect(methodFromStripe({ payment_method_types: ['card', 'paypay'], payment_intent: 'pi_1' })).toBeUndefined();
    expect(methodFromStripe({ payment_method_types: ['alipay'], payment_intent: null })).toBeUndefined();
  });

  it('names each method in Japanese', () => {
    expect([methodLabel('card'), methodLabel('konbini'), methodLabel('paypay'), methodLabel(null)]).toEqual([
      'クレジットカード',
      'コンビニ決済',
      'PayPay',
      '',
    ]);
  });
});
