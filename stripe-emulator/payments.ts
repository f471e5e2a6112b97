/** Paying a Checkout Session: Stripe's test cards, the konbini flow, and settling delayed payments. */
import { redeemDiscounts } from './discounts';
import { invalidRequest } from './errors';
import { newId } from './ids';
import { messages } from './messages';
import { paypayAuthorisationPath } from './paypay-path';
import type { Store } from './store';
import type {
  Charge,
  CheckoutSession,
  KonbiniNextAction,
  KonbiniStore,
  PaymentIntent,
  PaymentMethodType,
  SessionRecord,
} from './types';

export type CardInput = { number: string; expiry?: string; cvc?: string };

export type CardError = {
  code: 'card_declined' | 'incorrect_number' | 'invalid_expiry_month' | 'expired_card' | 'invalid_cvc';
  declineCode?: 'generic_decline' | 'insufficient_funds';
  message: string;
  field: 'card_number' | 'expiry' | 'cvc';
};

export type PaymentChoice = { method: 'card'; card: CardInput } | { method: 'konbini' } | { method: 'paypay' };

export type PayResult =
  | { kind: 'paid'; session: CheckoutSession; redirectUrl: string | null }
  /** A redirect method (PayPay): the client is sent to authorise it there (see ./paypay.ts). */
  | { kind: 'authorise'; url: string }
  | { kind: 'card_error'; error: CardError }
  | { kind: 'closed'; status: 'expired' | 'complete' }
  | { kind: 'method_unavailable' };

const testCards: Record<string, 'succeeded' | 'generic_decline' | 'insufficient_funds'> = {
  '4242424242424242': 'succeeded',
  '4000000000000002': 'generic_decline',
  '4000000000009995': 'insufficient_funds',
};

type Expiry = { month: number; year: number };

function checkCard(card: CardInput, nowMs: number): { error: CardError } | { number: string; expiry: Expiry } {
  const number = card.number.replace(/[\s-]/g, '');
  const outcome = testCards[number];
  if (!outcome) return { error: { code: 'incorrect_number', message: messages.incorrectNumber, field: 'card_number' } };

  const now = new Date(nowMs);
  let expiry: Expiry = { month: 12, year: now.getUTCFullYear() + 3 };
  if (card.expiry?.trim()) {
    const match = /^(\d{1,2})\s*\/\s*(\d{2})$/.exec(card.expiry.trim());
    const month = Number(match?.[1]);
    if (!match || month < 1 || month > 12) {
      return { error: { code: 'invalid_expiry_month', message: messages.invalidExpiry, field: 'expiry' } };
    }
    expiry = { month, year: 2000 + Number(match[2]) };
    const current = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
    if (expiry.year * 12 + expiry.month < current) {
      return { error: { code: 'expired_card', message: messages.expiredCard, field: 'expiry' } };
    }
  }
  if (card.cvc?.trim() && !/^\d{3,4}$/.test(card.cvc.trim())) {
    return { error: { code: 'invalid_cvc', message: messages.invalidCvc, field: 'cvc' } };
  }
  if (outcome === 'generic_decline') {
    return {
      error: {
        code: 'card_declined',
        declineCode: 'generic_decline',
        message: messages.declined,
        field: 'card_number',
      },
    };
  }
  if (outcome === 'insufficient_funds') {
    return {
      error: {
        code: 'card_declined',
        declineCode: 'insufficient_funds',
        message: messages.insufficientFunds,
        field: 'card_number',
      },
    };
  }
  return { number, expiry };
}

const jstOffsetSeconds = 9 * 3600;
const daySeconds = 24 * 3600;

/**
 * The voucher Stripe issues when a konbini payment is confirmed: it expires at 23:59:59 JST of
 * the day `expires_after_days` (default 3) after today in Japan; one confirmation number for
 * every chain and a payment code per chain; the hosted page shows and settles it.
 */
function konbiniVoucher(store: Store, record: SessionRecord, intentId: string): KonbiniNextAction {
  const days = record.paymentMethodOptions.konbini.expiresAfterDays ?? 3;
  const nowJst = store.clock.nowSeconds() + jstOffsetSeconds;
  const endOfDayJst = nowJst - (nowJst % daySeconds) + (days + 1) * daySeconds - 1;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
  const confirmation = digits(11);
  const chain = (): KonbiniStore => ({ confirmation_number: confirmation, payment_code: digits(6) });
  return {
    type: 'konbini_display_details',
    konbini_display_details: {
      expires_at: endOfDayJst - jstOffsetSeconds,
      hosted_voucher_url: `${store.baseUrl}/voucher/${intentId}`,
      stores: { familymart: chain(), lawson: chain(), ministop: chain(), seicomart: chain() },
    },
  };
}

export function createPaymentIntent(store: Store, record: SessionRecord, method: PaymentMethodType): PaymentIntent {
  const { session, paymentIntentData } = record;
  const id = newId('pi_');
  const intent: PaymentIntent = {
    id,
    object: 'payment_intent',
    amount: session.amount_total,
    amount_received: 0,
    created: store.clock.nowSeconds(),
    currency: 'jpy',
    customer: null,
    description: null,
    latest_charge: null,
    livemode: false,
    metadata: { ...paymentIntentData.metadata },
    next_action: method === 'konbini' ? konbiniVoucher(store, record, id) : null,
    payment_method_types: [method],
    receipt_email: session.customer_email,
    statement_descriptor_suffix: paymentIntentData.statementDescriptorSuffix,
    status: 'requires_action',
  };
  store.paymentIntents.set(intent.id, intent);
  return intent;
}

export function succeedPaymentIntent(
  store: Store,
  intent: PaymentIntent,
  details: Charge['payment_method_details'],
): Charge {
  const charge: Charge = {
    id: newId('ch_'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: 0,
    billing_details: { email: intent.receipt_email, name: null, phone: null, address: null },
    captured: true,
    created: store.clock.nowSeconds(),
    currency: 'jpy',
    livemode: false,
    metadata: { ...intent.metadata },
    paid: true,
    payment_intent: intent.id,
    payment_method_details: details,
    receipt_email: intent.receipt_email,
    refunded: false,
    status: 'succeeded',
  };
  store.charges.set(charge.id, charge);
  intent.status = 'succeeded';
  intent.next_action = null;
  intent.amount_received = intent.amount;
  intent.latest_charge = charge.id;
  return charge;
}

export function complete(
  store: Store,
  record: SessionRecord,
  intent: PaymentIntent,
  paymentStatus: 'paid' | 'unpaid',
): void {
  const { session } = record;
  redeemDiscounts(store, record);
  session.status = 'complete';
  session.payment_status = paymentStatus;
  session.payment_intent = intent.id;
  session.url = null;
  session.customer_details = {
    email: session.customer_email,
    name: null,
    phone: null,
    address: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
}

export function redirectUrlFor(session: CheckoutSession): string | null {
  return session.success_url?.replaceAll('{CHECKOUT_SESSION_ID}', session.id) ?? null;
}

/** What the hosted page's submit does. */
export function paySession(store: Store, record: SessionRecord, choice: PaymentChoice): PayResult {
  const { session } = record;
  if (session.status !== 'open') return { kind: 'closed', status: session.status };
  if (!session.payment_method_types.includes(choice.method)) return { kind: 'method_unavailable' };

  if (choice.method === 'paypay') return { kind: 'authorise', url: paypayAuthorisationPath(session.id) };

  if (choice.method === 'konbini') {
    // Stripe's konbini flow: the session completes unpaid now; the money arrives (or not) later.
    complete(store, record, createPaymentIntent(store, record, 'konbini'), 'unpaid');
    store.emit('checkout.session.completed', session);
    return { kind: 'paid', session, redirectUrl: redirectUrlFor(session) };
  }

  const checked = checkCard(choice.card, store.clock.nowMs());
  if ('error' in checked) return { kind: 'card_error', error: checked.error };
  const intent = createPaymentIntent(store, record, 'card');
  succeedPaymentIntent(store, intent, {
    type: 'card',
    card: {
      brand: 'visa',
      last4: checked.number.slice(-4),
      exp_month: checked.expiry.month,
      exp_year: checked.expiry.year,
      country: 'US',
    },
  });
  complete(store, record, intent, 'paid');
  store.emit('checkout.session.completed', session);
  return { kind: 'paid', session, redirectUrl: redirectUrlFor(session) };
}

export type SettleResult = { ok: true; session: CheckoutSession } | { ok: false; message: string };

/**
 * `POST /v1/payment_intents/:id/cancel`, as Stripe documents it: a PaymentIntent that a Checkout
 * Session created can be cancelled directly only in `requires_capture` (which this emulator never
 * makes); otherwise Stripe answers that the Checkout Session must be expired instead. A konbini
 * voucher of a completed session (`requires_action`) therefore cannot be voided through the API:
 * it stays payable until its deadline, and a payment made anyway must be refunded.
 */
export function cancelPaymentIntent(store: Store, intent: PaymentIntent): PaymentIntent {
  if (sessionOfIntent(store, intent.id)) {
    throw invalidRequest('You cannot perform this action on PaymentIntents created by Checkout.', {
      code: 'payment_intent_unexpected_state',
    });
  }
  if (intent.status !== 'requires_action' && intent.status !== 'requires_payment_method') {
    throw invalidRequest(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
      { code: 'payment_intent_unexpected_state' },
    );
  }
  intent.status = 'canceled';
  intent.next_action = null;
  return intent;
}

/** The session a PaymentIntent was made for (the voucher page knows only the intent). */
export function sessionOfIntent(store: Store, intentId: string): SessionRecord | undefined {
  for (const record of store.sessions.values()) if (record.session.payment_intent === intentId) return record;
  return undefined;
}

/** The delayed outcome of a konbini-style payment; an open session is first completed unpaid. */
export function settleAsyncPayment(store: Store, record: SessionRecord, outcome: 'succeeded' | 'failed'): SettleResult {
  const { session } = record;
  if (session.status === 'expired') return { ok: false, message: `Checkout Session ${session.id} has expired.` };
  if (session.status === 'open') {
    complete(store, record, createPaymentIntent(store, record, 'konbini'), 'unpaid');
    store.emit('checkout.session.completed', session);
  }
  const intent =
    typeof session.payment_intent === 'string' ? store.paymentIntents.get(session.payment_intent) : undefined;
  if (!intent || session.payment_status === 'paid' || intent.status !== 'requires_action') {
    return { ok: false, message: `Checkout Session ${session.id} has no payment awaiting an outcome.` };
  }
  if (outcome === 'succeeded') {
    succeedPaymentIntent(store, intent, { type: 'konbini', konbini: { store: { chain: 'lawson' } } });
    session.payment_status = 'paid';
    store.emit('checkout.session.async_payment_succeeded', session);
  } else {
    intent.status = 'requires_payment_method';
    intent.next_action = null;
    store.emit('checkout.session.async_payment_failed', session);
  }
  return { ok: true, session };
}
