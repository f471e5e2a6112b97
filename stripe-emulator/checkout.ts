/** Checkout Session lifecycle: create, look up, expire (by request or by clock). */
import type { SessionInput } from './checkout-params';
import { applyTotals, type DiscountInput } from './discounts';
import { invalidRequest, resourceMissing } from './errors';
import { newId } from './ids';
import { settleAsyncPayment } from './payments';
import type { RequestInfo, Store } from './store';
import type { CheckoutSession, SessionRecord } from './types';

export function createSession(
  store: Store,
  input: SessionInput,
  baseUrl: string,
  discount: DiscountInput = { discounts: [], allowPromotionCodes: false },
): CheckoutSession {
  const id = newId('cs_test_', 58);
  const total = input.lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
  const session: CheckoutSession = {
    id,
    object: 'checkout.session',
    allow_promotion_codes: discount.allowPromotionCodes || null,
    allowed_payment_method_types: input.allowedPaymentMethodTypes,
    amount_subtotal: total,
    amount_total: total,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    created: store.clock.nowSeconds(),
    currency: 'jpy',
    customer: null,
    customer_details: null,
    customer_email: input.customerEmail,
    discounts: discount.discounts,
    expires_at: input.expiresAt,
    livemode: false,
    locale: input.locale,
    metadata: input.metadata,
    mode: 'payment',
    payment_intent: null,
    payment_method_types: input.paymentMethodTypes,
    payment_status: 'unpaid',
    status: 'open',
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    url: `${baseUrl}/checkout/${id}`,
  };
  const record = {
    session,
    lineItems: input.lineItems,
    paymentIntentData: input.paymentIntentData,
    paymentMethodOptions: input.paymentMethodOptions,
  };
  applyTotals(store, record);
  if (session.amount_total < 50)
    throw invalidRequest("The Checkout Session's total amount due must add up to at least ¥50", {
      code: 'amount_too_small',
      param: 'discounts',
    });
  store.sessions.set(id, record);
  return session;
}

export function getSessionOrThrow(store: Store, id: string): SessionRecord {
  const record = store.sessions.get(id);
  if (!record) throw resourceMissing('checkout.session', id);
  return record;
}

function markExpired(store: Store, record: SessionRecord, request?: RequestInfo): void {
  record.session.status = 'expired';
  // Stripe clears the URL once a session can no longer be paid.
  record.session.url = null;
  store.emit('checkout.session.expired', record.session, { request });
}

export function expireSession(store: Store, id: string, request: RequestInfo): CheckoutSession {
  const record = getSessionOrThrow(store, id);
  if (record.session.status !== 'open') {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${record.session.status}\`.`,
    );
  }
  markExpired(store, record, request);
  return record.session;
}

/**
 * Expires every open session whose `expires_at` has passed on the emulator's clock, and fails
 * every konbini payment whose voucher's deadline has passed unpaid (as Stripe does).
 */
export function expireDueSessions(store: Store): void {
  const now = store.clock.nowSeconds();
  for (const record of store.sessions.values()) {
    if (record.session.status === 'open' && record.session.expires_at <= now) markExpired(store, record);
    const intentId = record.session.payment_intent;
    const intent = typeof intentId === 'string' ? store.paymentIntents.get(intentId) : undefined;
    const voucher = intent?.next_action?.konbini_display_details;
    if (intent?.status === 'requires_action' && voucher && voucher.expires_at <= now)
      settleAsyncPayment(store, record, 'failed');
  }
}
