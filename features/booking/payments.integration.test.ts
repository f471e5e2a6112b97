import { deliverDueNotices } from '@/features/mail/outbox';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, mailOutbox, payments, refunds, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { seedBooking } from '@/features/booking/seed';
import { getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { holdSlot } from '@/features/booking/hold';
import { recordPolicyAgreement } from '@/features/booking/service';
import { stripeEmulatorDefaults } from '@/lib/env';
import { getStripe } from '@/lib/stripe';
import '@/features/fulfilments';
import { cancelBookingWithRefund, startBookingCheckout } from '@/features/booking/checkout';
import { reconcileCheckoutSession } from '@/features/payments/service';
import { payOnEmulator, startAppStripeEmulator } from '@/features/payments/testing';
import { handleStripeEvent } from '@/features/payments/webhooks';

const db = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
vi.mock('@/db', () => ({ getDb: async () => db.handle.db }));
/** While `down`, every mail fails as with a mail server that refuses the connection. */
const mailServer = vi.hoisted(() => ({ down: false }));
vi.mock('@/features/mail/service', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/features/mail/service')>();
  return {
    ...real,
    sendMail: async (...args: Parameters<typeof real.sendMail>) => {
      if (mailServer.down) throw new Error('connect ECONNREFUSED 127.0.0.1:465');
      return real.sendMail(...args);
    },
  };
});

let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;
let counter = 0;
const hour = 60 * 60 * 1000;

async function newClient() {
  counter += 1;
  const [user] = await db.handle.db
    .insert(users)
    .values({
      email: `pay${counter}@example.jp`,
      familyName: '山田',
      givenName: `${counter}`,
      emailVerified: new Date(),
      timeZone: 'Asia/Tokyo',
    })
    .returning();
  return user!;
}

async function openSlots(now = new Date()) {
  const type = (await getSessionTypeBySlug(db.handle.db, 'online-60'))!;
  return getOpenSlots(db.handle.db, type, now);
}

/** A held booking with the policy agreed and a Checkout Session open on the emulator. */
async function checkoutFor(startsAt: Date, now = new Date()) {
  const client = await newClient();
  const booking = await holdSlot(
    { db: db.handle.db, now },
    { clientId: client.id, sessionTypeSlug: 'online-60', startsAt, theme: 'trust-and-defense' },
  );
  await recordPolicyAgreement({ db: db.handle.db, now }, { bookingId: booking.id, clientId: client.id });
  const url = await startBookingCheckout(
    { db: db.handle.db, now },
    { bookingId: booking.id, clientId: client.id, baseUrl: 'http://test' },
  );
  const sessionId = url.split('/').pop()!;
  return { client, booking, sessionId };
}

async function pay(sessionId: string, card = '4242424242424242') {
  expect(await payOnEmulator(emulator.url, sessionId, card)).toBe(200);
}

async function bookingOf(id: string) {
  return (await db.handle.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
}
async function paymentOf(sessionId: string) {
  return (await db.handle.db.select().from(payments).where(eq(payments.stripeCheckoutSessionId, sessionId)))[0]!;
}

beforeAll(async () => {
  db.handle = await createTestDatabase();
  await seedBooking(db.handle.db);
  emulator = await startAppStripeEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await db.handle?.close();
});

describe('holds', () => {
  it('100 concurrent holds on one slot give exactly one hold and 99 clear "already taken" answers', async () => {
    const [slot] = await openSlots();
    const clients = await Promise.all(Array.from({ length: 100 }, () => newClient()));
    const results = await Promise.allSettled(
      clients.map((c) =>
        holdSlot(
          { db: db.handle.db, now: new Date() },
          { clientId: c.id, sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: null },
        ),
      ),
    );
    const held = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(held).toHaveLength(1);
    expect(refused).toHaveLength(99);
    expect(new Set(refused.map((r) => (r.reason as { code?: string }).code))).toEqual(new Set(['slot_taken']));
    expect(await db.handle.db.$count(bookings, eq(bookings.startsAt, slot!.start))).toBe(1);
  });

  it('an expired hold never blocks the slot', async () => {
    const [, slot] = await openSlots();
    const first = await newClient();
    const t0 = new Date();
    await holdSlot(
      { db: db.handle.db, now: t0 },
      { clientId: first.id, sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: null },
    );
    expect((await openSlots(t0)).some((s) => s.start.getTime() === slot!.start.getTime())).toBe(false);
    const later = new Date(t0.getTime() + 31 * 60 * 1000);
    expect((await openSlots(later)).some((s) => s.start.getTime() === slot!.start.getTime())).toBe(true);
    const second = await newClient();
    await expect(
      holdSlot(
        { db: db.handle.db, now: later },
        { clientId: second.id, sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: null },
      ),
    ).resolves.toBeDefined();
  });

  it('a client holds one slot at a time: choosing another day frees the first', async () => {
    const slots = await openSlots();
    const first = slots[0]!;
    const otherDay = slots.find((s) => s.start.getTime() - first.start.getTime() > 3 * 24 * 60 * 60 * 1000)!;
    const client = await newClient();
    const now = new Date();
    const earlier = await holdSlot(
      { db: db.handle.db, now },
      { clientId: client.id, sessionTypeSlug: 'online-60', startsAt: first.start, theme: null },
    );
    const later = await holdSlot(
      { db: db.handle.db, now },
      { clientId: client.id, sessionTypeSlug: 'online-60', startsAt: otherDay.start, theme: null },
    );
    const statuses = await db.handle.db
      .select({ id: bookings.id, status: bookings.status })
      .from(bookings)
      .where(eq(bookings.clientId, client.id));
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [earlier.id]: 'expired',
      [later.id]: 'held',
    });
    expect((await openSlots(now)).some((s) => s.start.getTime() === first.start.getTime())).toBe(true);
  });
});

describe('checkout', () => {
  it('asks Stripe for yen as they are (11000 is ¥11,000) and confirms on payment, once', async () => {
    const slots = await openSlots();
    const { booking, sessionId, client } = await checkoutFor(slots[5]!.start);
    const session = await getStripe().checkout.sessions.retrieve(sessionId);
    expect(session.amount_total).toBe(11000);
    expect(session.currency).toBe('jpy');
    expect(session.metadata).toMatchObject({ purpose: 'booking', bookingId: booking.id });
    await pay(sessionId);
    const paid = await getStripe().checkout.sessions.retrieve(sessionId);
    expect(await reconcileCheckoutSession({ db: db.handle.db, now: new Date() }, paid)).toBe('confirmed');
    expect(await reconcileCheckoutSession({ db: db.handle.db, now: new Date() }, paid)).toBe('already');
    expect((await bookingOf(booking.id)).status).toBe('confirmed');
    const mails = await db.handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, client.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('【こころの整理室】ご予約の確認');
    expect(mails[0]!.attachments[0]?.filename).toBe('session.ics');
    // Discretion: neither the mail nor the calendar file names the theme.
    const ics = Buffer.from(mails[0]!.attachments[0]!.contentBase64, 'base64').toString('utf8');
    expect(`${mails[0]!.subject}${mails[0]!.text}${ics}`).not.toMatch(/心を許|信頼と防衛/);
  });

  it('a payment that completes after its hold was lost is refunded in full and the client is told', async () => {
    const slots = await openSlots();
    const slot = slots[8]!;
    const late = await checkoutFor(slot.start);
    // The hold lapses and someone else holds the slot before the first client pays.
    await db.handle.db
      .update(bookings)
      .set({ holdExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(bookings.id, late.booking.id));
    const other = await newClient();
    await holdSlot(
      { db: db.handle.db, now: new Date() },
      { clientId: other.id, sessionTypeSlug: 'online-60', startsAt: slot.start, theme: null },
    );

    await pay(late.sessionId);
    const session = await getStripe().checkout.sessions.retrieve(late.sessionId);
    expect(await reconcileCheckoutSession({ db: db.handle.db, now: new Date() }, session)).toBe('lost');
    const payment = await paymentOf(late.sessionId);
    expect(payment).toMatchObject({ status: 'refunded', refundedYen: 11000 });
    const subjects = (await db.handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, late.client.email))).map(
      (m) => m.subject,
    );
    expect(subjects).toEqual(['【こころの整理室】ご予約についてのお詫びと返金']);
    // Repeats change nothing: no second refund, no second mail.
    expect(await reconcileCheckoutSession({ db: db.handle.db, now: new Date() }, session)).toBe('lost');
    expect((await paymentOf(late.sessionId)).refundedYen).toBe(11000);
    expect(await db.handle.db.$count(mailOutbox, eq(mailOutbox.to, late.client.email))).toBe(1);
  });
});

describe('cancellation refunds follow the table', () => {
  async function paidBooking(index: number) {
    const slots = await openSlots();
    const { booking, sessionId } = await checkoutFor(slots[20 + index * 10]!.start);
    await pay(sessionId);
    await reconcileCheckoutSession(
      { db: db.handle.db, now: new Date() },
      await getStripe().checkout.sessions.retrieve(sessionId),
    );
    return { booking, sessionId };
  }

  it.each([
    ['more than 48 h before', 48 * hour + 1, 'client', 11000],
    ['exactly 48 h before', 48 * hour, 'client', 5500],
    ['exactly 24 h before', 24 * hour, 'client', 5500],
    ['just under 24 h before', 24 * hour - 1, 'client', 0],
    ['by the counselor, 1 h before', 1 * hour, 'counselor', 11000],
  ] as const)('%s (%s ms), cancelled by the %s, refunds ¥%s', async (_label, before, by, refund) => {
    const { booking, sessionId } = await paidBooking(0);
    const terms = await cancelBookingWithRefund(
      { db: db.handle.db, now: new Date(booking.startsAt.getTime() - before) },
      { bookingId: booking.id, by },
    );
    expect(terms.refundYen).toBe(refund);
    const payment = await paymentOf(sessionId);
    expect(payment.refundedYen).toBe(refund);
    expect(payment.status).toBe(refund === 0 ? 'paid' : refund === 11000 ? 'refunded' : 'partially_refunded');
    expect((await bookingOf(booking.id)).status).toBe('cancelled');
    // A second cancellation is refused and refunds nothing more.
    await expect(
      cancelBookingWithRefund({ db: db.handle.db, now: new Date() }, { bookingId: booking.id, by }),
    ).rejects.toMatchObject({ code: 'not_cancellable' });
    expect((await paymentOf(sessionId)).refundedYen).toBe(refund);
  });

  it('a late cancellation (no refund) stays unrefunded when the success page is reloaded or the payment event comes again', async () => {
    const { booking, sessionId } = await paidBooking(1);
    const terms = await cancelBookingWithRefund(
      { db: db.handle.db, now: new Date(booking.startsAt.getTime() - hour) },
      { bookingId: booking.id, by: 'client' },
    );
    expect(terms.refundYen).toBe(0);
    const session = await getStripe().checkout.sessions.retrieve(sessionId);
    for (let i = 0; i < 3; i++)
      expect(await reconcileCheckoutSession({ db: db.handle.db, now: new Date() }, session)).toBe('already');
    expect(await paymentOf(sessionId)).toMatchObject({ status: 'paid', refundedYen: 0 });
    expect(await db.handle.db.$count(refunds, eq(refunds.paymentId, (await paymentOf(sessionId)).id))).toBe(0);
    expect((await bookingOf(booking.id)).status).toBe('cancelled');
  });
});

describe('a mail server that is down', () => {
  it('neither undoes nor hides a payment or a cancellation that is already committed', async () => {
    const slots = await openSlots();
    const { booking, sessionId, client } = await checkoutFor(slots[12]!.start);
    await pay(sessionId);
    const session = await getStripe().checkout.sessions.retrieve(sessionId);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let logged: string[] = [];
    mailServer.down = true;
    try {
      expect(await reconcileCheckoutSession({ db: db.handle.db, now: new Date() }, session)).toBe('confirmed');
      expect((await bookingOf(booking.id)).status).toBe('confirmed');
      const terms = await cancelBookingWithRefund(
        { db: db.handle.db, now: new Date() },
        { bookingId: booking.id, by: 'counselor' },
      );
      expect(terms.refundYen).toBe(11000);
    } finally {
      mailServer.down = false;
      logged = errors.mock.calls.map((c) => String(c[0]));
      errors.mockRestore();
    }
    expect((await bookingOf(booking.id)).status).toBe('cancelled');
    expect(await paymentOf(sessionId)).toMatchObject({ status: 'refunded', refundedYen: 11000 });
    expect(logged).toEqual([
      `[mail] notice not sent: booking ${booking.id} confirmed (attempt 1)`,
      `[mail] notice not sent: booking ${booking.id} cancelled (attempt 1)`,
    ]);
    expect(await db.handle.db.$count(mailOutbox, eq(mailOutbox.to, client.email))).toBe(0);
    // The mail server is back: the delivery job sends both notices, each once.
    const later = new Date(Date.now() + 60 * 60 * 1000);
    expect((await deliverDueNotices(db.handle.db, { now: later })).sent).toBeGreaterThanOrEqual(2);
    await deliverDueNotices(db.handle.db, { now: new Date(later.getTime() + 60 * 60 * 1000) });
    expect(
      (await db.handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, client.email))).map((m) => m.subject),
    ).toHaveLength(2);
  });
});

describe('webhooks', () => {
  it('a storm (each event 1–3 times, shuffled, with forged ones) ends as if each came once', async () => {
    const slots = await openSlots();
    const before = emulator.events().length;
    // Slots far enough apart that holding one does not take the next.
    const a = await checkoutFor(slots[40]!.start);
    const b = await checkoutFor(slots[50]!.start);
    const c = await checkoutFor(slots[60]!.start);
    const d = await checkoutFor(slots[70]!.start);
    await pay(a.sessionId);
    await pay(b.sessionId);
    await getStripe().checkout.sessions.expire(c.sessionId);
    const bSession = await getStripe().checkout.sessions.retrieve(b.sessionId);
    await getStripe().refunds.create({ payment_intent: bSession.payment_intent as string, amount: 3000 });
    const events = emulator.events().slice(before) as Stripe.Event[];
    expect(events.map((e) => e.type).sort()).toEqual([
      'charge.refunded',
      'checkout.session.completed',
      'checkout.session.completed',
      'checkout.session.expired',
    ]);

    const deliveries = events.flatMap((e) => Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => e));
    deliveries.sort(() => Math.random() - 0.5);
    const { POST } = await import('@/app/api/stripe/webhook/route');
    const signed = (payload: string, secret: string = stripeEmulatorDefaults.webhookSecret) =>
      getStripe().webhooks.generateTestHeaderString({ payload, secret });
    const forged = deliveries.slice(0, 3).map((e) => {
      const payload = JSON.stringify({
        ...e,
        data: { object: { ...(e.data.object as object), payment_status: 'paid', status: 'complete' } },
      });
      return new Request('http://test/api/stripe/webhook', {
        method: 'POST',
        body: payload,
        headers: { 'stripe-signature': signed(payload, 'whsec_wrong') },
      });
    });
    const forgedNoSignature = new Request('http://test/api/stripe/webhook', {
      method: 'POST',
      body: JSON.stringify(events[0]),
    });
    for (const request of [...forged, forgedNoSignature]) expect((await POST(request)).status).toBe(400);

    // Deliveries run two at a time, as racing webhook calls would.
    for (let i = 0; i < deliveries.length; i += 2) {
      const batch = deliveries.slice(i, i + 2).map((e) => {
        const payload = JSON.stringify(e);
        return POST(
          new Request('http://test/api/stripe/webhook', {
            method: 'POST',
            body: payload,
            headers: { 'stripe-signature': signed(payload) },
          }),
        );
      });
      for (const response of await Promise.all(batch)) expect(response.status).toBe(200);
    }

    expect((await bookingOf(a.booking.id)).status).toBe('confirmed');
    expect(await paymentOf(a.sessionId)).toMatchObject({ status: 'paid', refundedYen: 0 });
    expect((await bookingOf(b.booking.id)).status).toBe('confirmed');
    expect(await paymentOf(b.sessionId)).toMatchObject({ status: 'partially_refunded', refundedYen: 3000 });
    expect((await bookingOf(c.booking.id)).status).toBe('expired');
    expect((await paymentOf(c.sessionId)).status).toBe('expired');
    expect((await bookingOf(d.booking.id)).status).toBe('held');
    expect((await paymentOf(d.sessionId)).status).toBe('pending');
    for (const client of [a.client, b.client]) {
      expect(await db.handle.db.$count(mailOutbox, eq(mailOutbox.to, client.email))).toBe(1);
    }
    // Delivering any event again now is a no-op.
    expect(await handleStripeEvent({ db: db.handle.db, now: new Date() }, events[0]!)).toBe('duplicate');
  });
});
