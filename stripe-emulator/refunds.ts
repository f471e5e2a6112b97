/** `POST /v1/refunds`: full or partial refunds of a charge, found directly or through its PaymentIntent. */
import { invalidRequest, parameterInvalid, resourceMissing } from './errors';
import type { FormObject } from './form';
import { newId } from './ids';
import { readEnum, readInteger, readMetadata, readString, rejectUnknown } from './params';
import type { RequestInfo, Store } from './store';
import type { Charge, Refund } from './types';

const yen = (amount: number) => `¥${amount.toLocaleString('en-US')}`;

function findCharge(store: Store, params: FormObject): Charge {
  const chargeId = readString(params, 'charge');
  const intentId = readString(params, 'payment_intent');
  if (!chargeId && !intentId)
    throw invalidRequest('One of `charge` or `payment_intent` is required.', {
      code: 'parameter_missing',
      param: 'charge',
    });

  let charge: Charge | undefined;
  if (chargeId) {
    charge = store.charges.get(chargeId);
    if (!charge) throw resourceMissing('charge', chargeId);
  }
  if (intentId) {
    const intent = store.paymentIntents.get(intentId);
    if (!intent) throw resourceMissing('payment_intent', intentId, 'payment_intent');
    const latest = typeof intent.latest_charge === 'string' ? store.charges.get(intent.latest_charge) : undefined;
    if (!latest || intent.status !== 'succeeded') {
      throw invalidRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, {
        param: 'payment_intent',
      });
    }
    if (charge && charge.id !== latest.id) {
      throw invalidRequest(`Charge ${charge.id} does not belong to PaymentIntent ${intentId}.`, { param: 'charge' });
    }
    charge = latest;
  }
  return charge as Charge;
}

export function createRefund(store: Store, params: FormObject, request: RequestInfo): Refund {
  rejectUnknown(params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'expand']);
  const charge = findCharge(store, params);
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
      param: 'charge',
    });
  }
  const amount = readInteger(params, 'amount') ?? remaining;
  if (amount < 1) throw parameterInvalid('amount', 'Invalid positive integer', 'parameter_invalid_integer');
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${yen(amount)}) is greater than unrefunded amount on charge (${yen(remaining)})`,
      {
        code: 'amount_too_large',
        param: 'amount',
      },
    );
  }

  const refund: Refund = {
    id: newId('re_'),
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: store.clock.nowSeconds(),
    currency: 'jpy',
    metadata: readMetadata(params, 'metadata'),
    payment_intent: charge.payment_intent,
    reason: readEnum(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null,
    receipt_number: null,
    status: 'succeeded',
  };
  store.refunds.set(refund.id, refund);

  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  store.emit('charge.refunded', charge, {
    request,
    previousAttributes:
      previous.refunded === charge.refunded ? { amount_refunded: previous.amount_refunded } : previous,
  });
  return refund;
}
