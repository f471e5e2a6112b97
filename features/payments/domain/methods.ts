import type { PaymentMethod } from '@/db/schema';

export type { PaymentMethod };

/** The schema's list again (domain imports only types from db/), card first; the type keeps both the same. */
export const paymentMethods = ['card', 'konbini', 'paypay'] as const satisfies readonly PaymentMethod[];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsSchema: Same<(typeof paymentMethods)[number], PaymentMethod> = true;
void sameAsSchema;

/** What the counselor switched on besides card, which is always offered (the payment_settings row). */
export type OfferedMethods = { konbini: boolean; paypay: boolean };

export const noExtraMethods: OfferedMethods = { konbini: false, paypay: false };

/**
 * Konbini is paid later, up to a deadline of days: it is offered only when what is paid for
 * starts at least this many days from now, so the money arrives (or the hold goes) before it.
 */
export const konbiniMinDaysAhead = 3;

const day = 24 * 60 * 60 * 1000;

/**
 * The payment methods a checkout offers, in the order Stripe's page lists them: card always;
 * PayPay when switched on (paid at once, like card); konbini when switched on and `startsAt`
 * (the session's start, or a course's first lesson or application deadline) is at least
 * konbiniMinDaysAhead days away.
 */
export function methodsFor({
  offered,
  startsAt,
  now,
}: {
  offered: OfferedMethods;
  startsAt: Date;
  now: Date;
}): PaymentMethod[] {
  const methods: PaymentMethod[] = ['card'];
  if (offered.paypay) methods.push('paypay');
  if (offered.konbini && startsAt.getTime() - now.getTime() >= konbiniMinDaysAhead * day) methods.push('konbini');
  return methods;
}

/** The methods a site offers at all (the 特商法 and terms pages), card first. */
export function offeredMethods(offered: OfferedMethods): PaymentMethod[] {
  return paymentMethods.filter((m) => m === 'card' || offered[m]);
}

/** The method's name on a receipt, the money page and the CSV. */
export const methodLabels: Record<PaymentMethod, string> = {
  card: 'クレジットカード',
  konbini: 'コンビニ決済',
  paypay: 'PayPay',
};

export function methodLabel(method: PaymentMethod | null | undefined): string {
  return method ? methodLabels[method] : '';
}

export function isPaymentMethod(value: unknown): value is PaymentMethod {
  return typeof value === 'string' && (paymentMethods as readonly string[]).includes(value);
}

/** The parts of Stripe's objects that say how a payment was made (shapes of the API, any expansion). */
type ChargeLike = { payment_method_details?: { type?: string } | null } | string | null | undefined;
type IntentLike =
  { payment_method_types?: string[] | null; latest_charge?: ChargeLike; status?: string } | string | null | undefined;
type SessionLike = { payment_method_types?: string[] | null; payment_intent?: IntentLike };

/**
 * Which method paid, by Stripe's word: the charge's payment_method_details.type when the charge
 * is expanded, else the PaymentIntent's single payment_method_types entry (Checkout makes the
 * PaymentIntent for the method chosen), else the session's when it offered only one.
 * Undefined when Stripe's objects do not say (an unexpanded PaymentIntent of a session that
 * offered several): the caller retrieves the PaymentIntent.
 */
export function methodFromStripe(session: SessionLike): PaymentMethod | undefined {
  const intent = typeof session.payment_intent === 'object' ? session.payment_intent : null;
  const charge = intent && typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const fromCharge = charge?.payment_method_details?.type;
  if (isPaymentMethod(fromCharge)) return fromCharge;
  const single = (list: string[] | null | undefined) => (list?.length === 1 ? list[0] : undefined);
  const fromIntent = single(intent?.payment_method_types);
  if (isPaymentMethod(fromIntent)) return fromIntent;
  const fromSession = single(session.payment_method_types);
  return isPaymentMethod(fromSession) ? fromSession : undefined;
}

/** The offered methods as the legal pages name them: 「クレジットカード、コンビニ決済、PayPay」. */
export function methodsList(offered: OfferedMethods): string {
  return offeredMethods(offered)
    .map((m) => methodLabels[m])
    .join('、');
}

/** When konbini is offered: the sentence saying for which bookings (the 特商法 page and the terms). */
export const konbiniCondition = `コンビニ決済は、セッションや講座の開始まで${konbiniMinDaysAhead}日以上あるお申し込みでご利用いただけます。`;

/** Where a refund goes back, for the methods that refund to the payer's own account: 「クレジットカードまたはPayPay」. */
export function refundDestinations(offered: OfferedMethods): string {
  return offeredMethods(offered)
    .filter((m) => m !== 'konbini')
    .map((m) => methodLabels[m])
    .join('または');
}
