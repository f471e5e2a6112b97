import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, mailOutbox, payments, refunds, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { seedBooking } from '@/features/booking/seed';
import { getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { holdSlot } from '@/features/booking/hold';
import { recordPolicyAgreement } from '@/features/booking/service';
import { getStripe } from '@/lib/stripe';
import '@/features/fulfilments';
import { cancelBookingWithRefund, reconcileBookingCheckout, startBookingCheckout } from '@/features/booking/checkout';
import { saveOfferedMethods } from '@/features/payments/methods';
import { startAppStripeEmulator } from '@/features/payments/testing';
import { handleStripeEvent } from '@/features/payments/webhooks';

const db = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
vi.mock('@/db', () => ({ getDb: async () => db.handle.db }));

let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;
let counter = 0;
const hour = 60 * 60 * 1000;
const day = 24 * hour;
const ctx = (now = new Date()) => ({ db: db.handle.db, now });

async function newClient() {
  counter += 1;
  const [user] = await db.handle.db
    .insert(users)
    .values({
      email: `paypay${counter}@example.jp`,
      familyName: '佐藤',
      givenName: `${counter}`,
      emailVerified: new Date(),
      timeZone: 'Asia/Tokyo',
    })
    .returning();
  return user!;
}

/** An open slot at least `minDays` days ahead (slots are spread out so that holds never collide). */
let used = 0;
async function slotAhead(minDays: number) {
  const type = (await getSessionTypeBySlug(db.handle.db, 'online-60'))!;
  const slots = (await getOpenSlots(db.handle.db, type, new Date())).filter(
    (s) => s.start.getTime() - Date.now() >= minDays * day,
  );
  used += 7;
  return slots[used % slots.length]!.start;
}

async function checkoutFor(startsAt: Date) {
  const client = await newClient();
  const booking = await holdSlot(ctx(), {
    clientId: client.id,
    sessionTypeSlug: 'online-60',
    startsAt,
    theme: null,
  });
  await recordPolicyAgreement(ctx(), { bookingId: booking.id, clientId: client.id });
  const url = await startBookingCheckout(ctx(), { bookingId: booking.id, clientId: client.id, baseUrl: 'http://test' });
  return { client, booking, sessionId: url.split('/').pop()! };
}

const paypay = (sessionId: string, outcome: 'approve' | 'decline') =>
  fetch(`${emulator.url}/_emulator/checkout/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'paypay', outcome }),
  }).then((r) => r.status);

const eventsFor = (sessionId: string) =>
  (emulator.events() as Stripe.Event[]).filter((e) => (e.data.object as { id?: string }).id === sessionId);
const bookingOf = async (id: string) => (await db.handle.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
const paymentOf = async (sessionId: string) =>
  (await db.handle.db.select().from(payments).where(eq(payments.stripeCheckoutSessionId, sessionId)))[0]!;

beforeAll(async () => {
  db.handle = await createTestDatabase();
  await seedBooking(db.handle.db);
  emulator = await startAppStripeEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await db.handle?.close();
});
beforeEach(() => saveOfferedMethods(ctx(), { konbini: false, paypay: true }));

describe('which methods a checkout offers', () => {
  it('card only until the counselor switches others on; PayPay when on; konbini only ≥ 3 days ahead', async () => {
    await saveOfferedMethods(ctx(), { konbini: false, paypay: false });
    const off = await checkoutFor(await slotAhead(5));
    expect((await getStripe().checkout.sessions.retrieve(off.sessionId)).payment_method_types).toEqual(['card']);

    await saveOfferedMethods(ctx(), { konbini: true, paypay: true });
    const far = await checkoutFor(await slotAhead(5));
    expect((await getStripe().checkout.sessions.retrieve(far.sessionId)).payment_method_types).toEqual([
      'card',
      'paypay',
      'konbini',
    ]);
    const type = (await getSessionTypeBySlug(db.handle.db, 'online-60'))!;
    const soon = (await getOpenSlots(db.handle.db, type, new Date())).find(
      (s) => s.start.getTime() - Date.now() < 3 * day,
    )!;
    const near = await checkoutFor(soon.start);
    expect((await getStripe().checkout.sessions.retrieve(near.sessionId)).payment_method_types).toEqual([
      'card',
      'paypay',
    ]);
  });
});

describe('PayPay', () => {
  it('approved, the success page before the webhook: confirmed once, method recorded; duplicate events change nothing', async () => {
    const { booking, client, sessionId } = await checkoutFor(await slotAhead(2));
    expect(await paypay(sessionId, 'approve')).toBe(200);

    const shown = await reconcileBookingCheckout(ctx(), { checkoutSessionId: sessionId, clientId: client.id });
    expect(shown).toMatchObject({ outcome: 'confirmed', bookingStatus: 'confirmed' });
    expect(await paymentOf(sessionId)).toMatchObject({ status: 'paid', method: 'paypay', amountYen: 11000 });

    // The webhook's session names its PaymentIntent by id only; delivered twice, then the page reloaded.
    const [completed] = eventsFor(sessionId);
    expect(completed?.type).toBe('checkout.session.completed');
    expect(await handleStripeEvent(ctx(), completed!)).toBe('processed');
    expect(await handleStripeEvent(ctx(), completed!)).toBe('duplicate');
    expect(await reconcileBookingCheckout(ctx(), { checkoutSessionId: sessionId, clientId: client.id })).toMatchObject({
      outcome: 'already',
      bookingStatus: 'confirmed',
    });
    expect((await bookingOf(booking.id)).status).toBe('confirmed');
    expect(await db.handle.db.$count(payments, eq(payments.referenceId, booking.id))).toBe(1);
    expect(await db.handle.db.$count(mailOutbox, eq(mailOutbox.to, client.email))).toBe(1);
  });

  it('approved, the webhook first (the session offered card and PayPay): the method comes from the PaymentIntent', async () => {
    const { booking, sessionId } = await checkoutFor(await slotAhead(2));
    expect(await paypay(sessionId, 'approve')).toBe(200);
    const [completed] = eventsFor(sessionId);
    const object = completed!.data.object as Stripe.Checkout.Session;
    expect(typeof object.payment_intent).toBe('string');
    expect(object.payment_method_types).toEqual(['card', 'paypay']);
    expect(await handleStripeEvent(ctx(), completed!)).toBe('processed');
    expect(await paymentOf(sessionId)).toMatchObject({ status: 'paid', method: 'paypay' });
    expect((await bookingOf(booking.id)).status).toBe('confirmed');
  });

  it('a card payment is recorded as card', async () => {
    const { sessionId, client } = await checkoutFor(await slotAhead(2));
    const paid = await fetch(`${emulator.url}/_emulator/checkout/sessions/${sessionId}/pay`, {
      method: 'POST',
      body: JSON.stringify({ card: '4242424242424242' }),
    });
    expect(paid.status).toBe(200);
    await reconcileBookingCheckout(ctx(), { checkoutSessionId: sessionId, clientId: client.id });
    expect((await paymentOf(sessionId)).method).toBe('card');
  });

  it('declined: the hold stays as it was and the session open; it is released when the checkout expires', async () => {
    const { booking, client, sessionId } = await checkoutFor(await slotAhead(2));
    const held = await bookingOf(booking.id);
    expect(await paypay(sessionId, 'decline')).toBe(402);
    expect(eventsFor(sessionId)).toEqual([]);
    // The success page is never reached, but a stray check changes nothing either.
    expect(await reconcileBookingCheckout(ctx(), { checkoutSessionId: sessionId, clientId: client.id })).toMatchObject({
      outcome: 'pending',
      bookingStatus: 'held',
    });
    expect(await bookingOf(booking.id)).toMatchObject({ status: 'held', holdExpiresAt: held.holdExpiresAt });
    expect(await paymentOf(sessionId)).toMatchObject({ status: 'pending', method: null });

    // She gives up: Stripe expires the session, its event releases the slot.
    await getStripe().checkout.sessions.expire(sessionId);
    const [expired] = eventsFor(sessionId);
    expect(expired?.type).toBe('checkout.session.expired');
    expect(await handleStripeEvent(ctx(), expired!)).toBe('processed');
    expect((await bookingOf(booking.id)).status).toBe('expired');
    expect(await paymentOf(sessionId)).toMatchObject({ status: 'expired', method: null });
  });

  it('declined, then approved on a second try: confirmed once', async () => {
    const { booking, client, sessionId } = await checkoutFor(await slotAhead(2));
    expect(await paypay(sessionId, 'decline')).toBe(402);
    expect(await paypay(sessionId, 'approve')).toBe(200);
    expect(
      (await reconcileBookingCheckout(ctx(), { checkoutSessionId: sessionId, clientId: client.id }))?.outcome,
    ).toBe('confirmed');
    expect((await bookingOf(booking.id)).status).toBe('confirmed');
    expect((await paymentOf(sessionId)).method).toBe('paypay');
  });

  it.each([
    ['partially', 36 * hour, 5500, 'partially_refunded'],
    ['fully', 72 * hour, 11000, 'refunded'],
  ] as const)('a PayPay payment is %s refunded through the cancellation path', async (_l, before, yen, status) => {
    const { booking, client, sessionId } = await checkoutFor(await slotAhead(4));
    expect(await paypay(sessionId, 'approve')).toBe(200);
    await reconcileBookingCheckout(ctx(), { checkoutSessionId: sessionId, clientId: client.id });
    const terms = await cancelBookingWithRefund(ctx(new Date(booking.startsAt.getTime() - before)), {
      bookingId: booking.id,
      by: 'client',
    });
    expect(terms.refundYen).toBe(yen);
    const payment = await paymentOf(sessionId);
    expect(payment).toMatchObject({ status, refundedYen: yen, method: 'paypay' });
    const [refund] = await db.handle.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(refund?.stripeRefundId).toMatch(/^re_/);
    // Stripe's charge.refunded for it is ours: nothing is counted as refunded outside the app.
    const charge = (emulator.events() as Stripe.Event[]).find(
      (e) =>
        e.type === 'charge.refunded' &&
        (e.data.object as Stripe.Charge).payment_intent === payment.stripePaymentIntentId,
    )!;
    expect((charge.data.object as Stripe.Charge).amount_refunded).toBe(yen);
    expect(await handleStripeEvent(ctx(), charge)).toBe('processed');
    expect(
      (
        await db.handle.db
          .select()
          .from(payments)
          .where(and(eq(payments.id, payment.id)))
      )[0],
    ).toMatchObject({ refundedYen: yen, refundedOutsideYen: 0 });
  });
});
