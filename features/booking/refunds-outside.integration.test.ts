import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, mailOutbox, outsideRefunds, payments, refunds, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { seedBooking } from '@/features/booking/seed';
import { getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { holdSlot } from '@/features/booking/hold';
import { recordPolicyAgreement } from '@/features/booking/service';
import { getStripe } from '@/lib/stripe';
import '@/features/fulfilments';
import { cancelBookingWithRefund, startBookingCheckout } from '@/features/booking/checkout';
import {
  paymentsRefundedOutside,
  reconcileCheckoutSession,
  reconcilePendingCheckouts,
  sessionExpand,
} from '@/features/payments/service';
import { monthPeriod } from '@/features/revenue/domain/period';
import { listLedger } from '@/features/revenue/queries';
import { payOnEmulator, startAppStripeEmulator } from '@/features/payments/testing';
import { handleStripeEvent } from '@/features/payments/webhooks';

let handle: DatabaseHandle;
let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;
let counter = 0;
let slotIndex = 0;
const counselorEmail = 'counselor-outside@example.jp';
const ctx = () => ({ db: handle.db, now: new Date() });

async function newClient() {
  counter += 1;
  const [user] = await handle.db
    .insert(users)
    .values({
      email: `outside${counter}@example.jp`,
      familyName: '山田',
      givenName: `${counter}`,
      timeZone: 'Asia/Tokyo',
    })
    .returning();
  return user!;
}

/** A held booking with a Checkout Session open on the emulator, on a slot of its own. */
async function checkout() {
  const type = (await getSessionTypeBySlug(handle.db, 'online-60'))!;
  const slots = await getOpenSlots(handle.db, type, new Date());
  slotIndex += 10;
  const client = await newClient();
  const booking = await holdSlot(ctx(), {
    clientId: client.id,
    sessionTypeSlug: 'online-60',
    startsAt: slots[slotIndex]!.start,
    theme: null,
  });
  await recordPolicyAgreement(ctx(), { bookingId: booking.id, clientId: client.id });
  const url = await startBookingCheckout(ctx(), { bookingId: booking.id, clientId: client.id, baseUrl: 'http://test' });
  return { client, booking, sessionId: url.split('/').pop()! };
}

async function paidBooking() {
  const c = await checkout();
  expect(await payOnEmulator(emulator.url, c.sessionId)).toBe(200);
  const session = await getStripe().checkout.sessions.retrieve(c.sessionId);
  expect(await reconcileCheckoutSession(ctx(), session)).toBe('confirmed');
  return { ...c, paymentIntent: session.payment_intent as string };
}

/** A refund made in the Stripe dashboard (no metadata of ours), and the events Stripe sends for it. */
async function refundInDashboard(paymentIntent: string, amount?: number) {
  const before = emulator.events().length;
  await getStripe().refunds.create({ payment_intent: paymentIntent, ...(amount ? { amount } : {}) });
  return (emulator.events().slice(before) as Stripe.Event[]).filter((e) => e.type === 'charge.refunded');
}

const paymentOf = async (sessionId: string) =>
  (await handle.db.select().from(payments).where(eq(payments.stripeCheckoutSessionId, sessionId)))[0]!;
const bookingOf = async (id: string) => (await handle.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
/** The alerts of a refund made outside the app (her other notices, a new booking among them, are not counted here). */
const counselorMails = async () =>
  (await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, counselorEmail))).filter((m) =>
    m.subject.includes('Stripe の管理画面で返金がありました'),
  );
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
  await handle.db.insert(users).values({
    email: counselorEmail,
    familyName: '相談',
    givenName: '員',
    role: 'counselor',
    timeZone: 'Asia/Tokyo',
  });
  emulator = await startAppStripeEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await handle?.close();
});

describe('a refund made in the Stripe dashboard (issue #14.6)', () => {
  it('a full refund: payment refunded, booking marked, counselor alerted once; a later cancellation refunds nothing again', async () => {
    const { booking, sessionId, paymentIntent } = await paidBooking();
    const [event] = await refundInDashboard(paymentIntent);
    expect(await handleStripeEvent(ctx(), event!)).toBe('processed');
    // Stripe delivers again, and a second event with the same total changes nothing.
    expect(await handleStripeEvent(ctx(), event!)).toBe('duplicate');
    expect(await handleStripeEvent(ctx(), { ...event!, id: `${event!.id}_again` })).toBe('processed');

    const payment = await paymentOf(sessionId);
    expect(payment).toMatchObject({ status: 'refunded', refundedYen: 11000, refundedOutsideYen: 11000 });
    expect(payment.refundedOutsideAt).not.toBeNull();
    const marked = await bookingOf(booking.id);
    expect(marked.status).toBe('confirmed'); // the counselor decides what follows
    expect(marked.refundedOutsideAt).not.toBeNull();
    const alerts = await counselorMails();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.subject).toBe('【こころの整理室】Stripe の管理画面で返金がありました');
    expect(alerts[0]!.text).toContain('11,000円');
    expect((await paymentsRefundedOutside(handle.db)).map((p) => p.id)).toContain(payment.id);

    // The counselor cancels the booking afterwards: no second refund is recorded or asked of Stripe.
    await cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'counselor' });
    expect(await handle.db.$count(refunds, eq(refunds.paymentId, payment.id))).toBe(0);
    expect((await paymentOf(sessionId)).refundedYen).toBe(11000);
    expect((await bookingOf(booking.id)).status).toBe('cancelled');
  });

  it('a partial refund: the payment is partially refunded, and a cancellation refunds only what is left', async () => {
    const before = (await counselorMails()).length;
    const { booking, sessionId, paymentIntent } = await paidBooking();
    const [event] = await refundInDashboard(paymentIntent, 3000);
    await handleStripeEvent(ctx(), event!);
    expect(await paymentOf(sessionId)).toMatchObject({
      status: 'partially_refunded',
      refundedYen: 3000,
      refundedOutsideYen: 3000,
    });
    expect((await bookingOf(booking.id)).refundedOutsideAt).not.toBeNull();
    expect((await counselorMails()).length).toBe(before + 1);

    // The counselor cancels: the table says ¥11,000 back, but ¥3,000 already went back.
    const eventsBefore = emulator.events().length;
    await cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'counselor' });
    const recorded = await handle.db
      .select()
      .from(refunds)
      .where(eq(refunds.paymentId, (await paymentOf(sessionId)).id));
    expect(recorded.map((r) => r.amountYen)).toEqual([8000]);
    expect(recorded[0]!.stripeRefundId).not.toBeNull();
    // Our own refund's event is not taken for another refund outside the app.
    for (const e of (emulator.events().slice(eventsBefore) as Stripe.Event[]).filter(
      (e) => e.type === 'charge.refunded',
    ))
      await handleStripeEvent(ctx(), e);
    expect(await paymentOf(sessionId)).toMatchObject({
      status: 'refunded',
      refundedYen: 11000,
      refundedOutsideYen: 3000,
    });
    expect((await counselorMails()).length).toBe(before + 1);
  });

  it("our own refund's event arriving before we record Stripe's answer is neither counted twice nor taken for an outside one", async () => {
    const before = (await counselorMails()).length;
    const { booking, sessionId } = await paidBooking();
    const eventsBefore = emulator.events().length;
    await cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'counselor' });
    const [event] = (emulator.events().slice(eventsBefore) as Stripe.Event[]).filter(
      (e) => e.type === 'charge.refunded',
    );
    // Replay as if the event had come first: forget that Stripe accepted our refund, apply the event, then record it.
    const payment = await paymentOf(sessionId);
    await handle.db.update(payments).set({ refundedYen: 0, status: 'paid' }).where(eq(payments.id, payment.id));
    const [ours] = await handle.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    await handle.db.update(refunds).set({ stripeRefundId: null }).where(eq(refunds.id, ours!.id));
    await handleStripeEvent(ctx(), event!);
    const { submitPendingRefunds } = await import('@/features/payments/refunds');
    await submitPendingRefunds(ctx(), payment.id);
    expect(await paymentOf(sessionId)).toMatchObject({ status: 'refunded', refundedYen: 11000, refundedOutsideYen: 0 });
    expect((await counselorMails()).length).toBe(before);
  });
});

/** The event as Stripe would send it at this time (the emulator's clock is today's). */
const sentAt = (event: Stripe.Event, iso: string, id = event.id): Stripe.Event => ({
  ...event,
  id,
  created: Date.parse(iso) / 1000,
});
const atTime = (iso: string) => ({ db: handle.db, now: new Date(iso) });
const outsideIn = async (month: string, paymentId: string) =>
  (await listLedger(handle.db, monthPeriod(month)))
    .filter((l) => l.paymentId === paymentId && l.kind === 'refund_outside')
    .map((l) => [l.at.toISOString(), l.amountYen]);

describe('refunds made in the Stripe dashboard, month by month (review finding 1)', () => {
  it('books ¥3,000 refunded on 15 Jan in January and ¥2,000 more on 3 Feb in February', async () => {
    const { sessionId, paymentIntent } = await paidBooking();
    const [first] = await refundInDashboard(paymentIntent, 3000);
    const [second] = await refundInDashboard(paymentIntent, 2000);
    // 15 Jan 10:00 JST and 3 Feb 10:00 JST; both heard of a few weeks later.
    await handleStripeEvent(atTime('2027-03-01T00:00:00Z'), sentAt(first!, '2027-01-15T01:00:00Z'));
    const payment = await paymentOf(sessionId);
    expect(await outsideIn('2027-01', payment.id)).toEqual([['2027-01-15T01:00:00.000Z', 3000]]);
    await handleStripeEvent(atTime('2027-03-01T00:00:00Z'), sentAt(second!, '2027-02-03T01:00:00Z'));

    // January keeps its ¥3,000; February has its own ¥2,000.
    expect(await outsideIn('2027-01', payment.id)).toEqual([['2027-01-15T01:00:00.000Z', 3000]]);
    expect(await outsideIn('2027-02', payment.id)).toEqual([['2027-02-03T01:00:00.000Z', 2000]]);
    expect(await paymentOf(sessionId)).toMatchObject({ refundedYen: 5000, refundedOutsideYen: 5000 });
    // The /admin alert follows the latest refund.
    expect((await paymentOf(sessionId)).refundedOutsideAt?.toISOString()).toBe('2027-02-03T01:00:00.000Z');
  });

  it('adds nothing for a replayed report of the same total, and never subtracts for an older one arriving late', async () => {
    const { sessionId, paymentIntent } = await paidBooking();
    const [first] = await refundInDashboard(paymentIntent, 3000);
    const [second] = await refundInDashboard(paymentIntent, 2000);
    const later = atTime('2027-03-01T00:00:00Z');
    // The second (total ¥5,000) arrives first, then again under another id, then the first (total ¥3,000).
    await handleStripeEvent(later, sentAt(second!, '2027-02-03T01:00:00Z'));
    await handleStripeEvent(later, sentAt(second!, '2027-02-04T01:00:00Z', `${second!.id}_again`));
    await handleStripeEvent(later, sentAt(first!, '2027-01-15T01:00:00Z'));
    const payment = await paymentOf(sessionId);
    expect(payment).toMatchObject({ refundedYen: 5000, refundedOutsideYen: 5000 });
    const rows = await handle.db.select().from(outsideRefunds).where(eq(outsideRefunds.paymentId, payment.id));
    expect(rows.map((r) => [r.at.toISOString(), r.amountYen, r.totalYen])).toEqual([
      ['2027-02-03T01:00:00.000Z', 5000, 5000],
    ]);
    expect(await outsideIn('2027-01', payment.id)).toEqual([]);
  });
});

describe('the date of a payment (review finding 3)', () => {
  it('a card paid at 23:59:40 JST on 31 Jan and processed after midnight counts in January', async () => {
    const c = await checkout();
    const eventsBefore = emulator.events().length;
    expect(await payOnEmulator(emulator.url, c.sessionId)).toBe(200);
    const [completed] = (emulator.events().slice(eventsBefore) as Stripe.Event[]).filter(
      (e) => e.type === 'checkout.session.completed',
    );
    // Stripe made the event at 23:59:40 JST; we process it at 00:00:10 JST on 1 Feb.
    expect(await handleStripeEvent(atTime('2027-01-31T15:00:10Z'), sentAt(completed!, '2027-01-31T14:59:40Z'))).toBe(
      'processed',
    );
    const payment = await paymentOf(c.sessionId);
    expect(payment.paidAt?.toISOString()).toBe('2027-01-31T14:59:40.000Z');
    const paidIn = async (month: string) =>
      (await listLedger(handle.db, monthPeriod(month))).filter(
        (l) => l.paymentId === payment.id && l.kind === 'payment',
      );
    expect(await paidIn('2027-01')).toHaveLength(1);
    expect(await paidIn('2027-02')).toHaveLength(0);
  });

  it("the success page and the job date a payment by Stripe's charge, not by when they ran", async () => {
    const c = await checkout();
    expect(await payOnEmulator(emulator.url, c.sessionId)).toBe(200);
    const session = await getStripe().checkout.sessions.retrieve(c.sessionId, { expand: sessionExpand });
    const charge = (session.payment_intent as Stripe.PaymentIntent).latest_charge as Stripe.Charge;
    expect(typeof charge.created).toBe('number');
    const tenMinutesOn = { db: handle.db, now: new Date(Date.now() + 10 * 60_000) };
    expect(await reconcileCheckoutSession(tenMinutesOn, session)).toBe('confirmed');
    expect((await paymentOf(c.sessionId)).paidAt?.getTime()).toBe(charge.created * 1000);
  });

  it('falls back to when it was processed when Stripe gives no time', async () => {
    const c = await checkout();
    expect(await payOnEmulator(emulator.url, c.sessionId)).toBe(200);
    const session = await getStripe().checkout.sessions.retrieve(c.sessionId);
    const now = new Date(Date.now() + 60_000);
    expect(await reconcileCheckoutSession({ db: handle.db, now }, session)).toBe('confirmed');
    expect((await paymentOf(c.sessionId)).paidAt?.getTime()).toBe(now.getTime());
  });
});

describe('checkouts whose webhooks never arrive (issue #14.6)', () => {
  it('the job confirms a paid booking pending for more than a few minutes, and leaves fresh ones alone', async () => {
    const stale = await checkout();
    const fresh = await checkout();
    expect(await payOnEmulator(emulator.url, stale.sessionId)).toBe(200);
    expect(await payOnEmulator(emulator.url, fresh.sessionId)).toBe(200);
    // No event is delivered; the stale checkout was opened ten minutes ago.
    await handle.db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - 10 * 60 * 1000) })
      .where(eq(payments.stripeCheckoutSessionId, stale.sessionId));
    expect(await reconcilePendingCheckouts(ctx())).toBe(1);
    expect((await bookingOf(stale.booking.id)).status).toBe('confirmed');
    expect((await paymentOf(stale.sessionId)).status).toBe('paid');
    expect((await bookingOf(fresh.booking.id)).status).toBe('held');
    expect((await paymentOf(fresh.sessionId)).status).toBe('pending');
    // Running again changes nothing and mails nobody twice.
    expect(await reconcilePendingCheckouts(ctx())).toBe(0);
    expect(await handle.db.$count(mailOutbox, eq(mailOutbox.to, stale.client.email))).toBe(1);
  });

  it('a checkout Stripe expired without telling us releases its hold', async () => {
    const c = await checkout();
    await getStripe().checkout.sessions.expire(c.sessionId);
    await handle.db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - 10 * 60 * 1000) })
      .where(eq(payments.stripeCheckoutSessionId, c.sessionId));
    await reconcilePendingCheckouts(ctx());
    expect((await paymentOf(c.sessionId)).status).toBe('expired');
    expect((await bookingOf(c.booking.id)).status).not.toBe('held');
  });
});
