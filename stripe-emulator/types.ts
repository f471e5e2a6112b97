/** The Stripe objects the emulator serves, in the shapes of Stripe's API (fields the app may read). */

export type Metadata = Record<string, string>;

export type CheckoutSession = {
  id: string;
  object: 'checkout.session';
  allowed_payment_method_types: PaymentMethodType[] | null;
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: 'jpy';
  customer: null;
  customer_details: {
    email: string | null;
    name: null;
    phone: null;
    address: null;
    tax_exempt: 'none';
    tax_ids: [];
  } | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Metadata;
  mode: 'payment';
  payment_intent: string | PaymentIntent | null;
  payment_method_types: PaymentMethodType[];
  payment_status: 'paid' | 'unpaid';
  status: 'open' | 'complete' | 'expired';
  success_url: string | null;
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
  url: string | null;
};

export type PaymentMethodType = 'card' | 'konbini' | 'paypay';
export const paymentMethodTypes: readonly PaymentMethodType[] = ['card', 'konbini', 'paypay'];

export type LineItem = {
  name: string;
  description: string | null;
  unitAmount: number;
  quantity: number;
};

export type PaymentIntentData = {
  metadata: Metadata;
  statementDescriptorSuffix: string | null;
};

/** A session plus what Stripe keeps about it but does not put on the object. */
export type SessionRecord = {
  session: CheckoutSession;
  lineItems: LineItem[];
  paymentIntentData: PaymentIntentData;
};

export type PaymentIntent = {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  created: number;
  currency: 'jpy';
  customer: null;
  description: null;
  latest_charge: string | Charge | null;
  livemode: false;
  metadata: Metadata;
  payment_method_types: PaymentMethodType[];
  receipt_email: string | null;
  statement_descriptor_suffix: string | null;
  status: 'requires_action' | 'requires_payment_method' | 'succeeded';
};

export type Charge = {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  billing_details: { email: string | null; name: null; phone: null; address: null };
  captured: true;
  created: number;
  currency: 'jpy';
  livemode: false;
  metadata: Metadata;
  paid: true;
  payment_intent: string;
  payment_method_details:
    | { type: 'card'; card: { brand: 'visa'; last4: string; exp_month: number; exp_year: number; country: 'US' } }
    | { type: 'konbini'; konbini: { store: { chain: 'lawson' } } }
    | { type: 'paypay'; paypay: Record<string, never> };
  receipt_email: string | null;
  refunded: boolean;
  status: 'succeeded';
};

export type Refund = {
  id: string;
  object: 'refund';
  amount: number;
  balance_transaction: null;
  charge: string;
  created: number;
  currency: 'jpy';
  metadata: Metadata;
  payment_intent: string;
  reason: RefundReason | null;
  receipt_number: null;
  status: 'succeeded';
};

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';

export type StripeEvent = {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: EventType;
};

export type EventType =
  | 'checkout.session.completed'
  | 'checkout.session.expired'
  | 'checkout.session.async_payment_succeeded'
  | 'checkout.session.async_payment_failed'
  | 'charge.refunded';
