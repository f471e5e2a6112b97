import { and, eq, inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { TestCaller } from '@/features/accounts/testing';
import {
  bookings,
  courseCohorts,
  courseEnrollments,
  courseLessons,
  courses,
  courseWaitlist,
  mailOutbox,
  payments,
  refunds,
  users,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { counselorCancelBookingAction } from '@/features/booking/actions';
import { seedBooking } from '@/features/booking/seed';
import { getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { holdSlot } from '@/features/booking/hold';
import { recordPolicyAgreement, releaseExpiredHolds } from '@/features/booking/service';
import { cancelBookingWithRefund, reconcileBookingCheckout, startBookingCheckout } from '@/features/booking/checkout';
import { cancelCohortWithRefunds, startCourseCheckout } from '@/features/courses/checkout';
import { seedCourses } from '@/features/courses/seed';
import { holdSeat, joinWaitlist, recordApplication } from '@/features/courses/service';
import '@/features/fulfilments';
import { keptUntil, voucherReminderAt } from '@/features/payments/domain/konbini';
import { sendVoucherReminders } from '@/features/payments/konbini';
import { saveOfferedMethods } from '@/features/payments/methods';
import { reconcileCheckoutSession, reconcilePendingCheckouts } from '@/features/payments/service';
import { startAppStripeEmulator } from '@/features/payments/testing';
import { handleStripeEvent } from '@/features/payments/webhooks';
import { getStripe } from '@/lib/stripe';

const db = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
vi.mock('@/db', () => ({ getDb: async () => db.handle.db }));
// Server actions are called as a signed-in caller would call them, outside a Next request.
const caller = vi.hoisted((): TestCaller => ({ current: null }));
vi.mock('@/features/accounts/auth/guards', async () => (await import('@/features/accounts/testing')).guardsFor(caller));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'localhost:3000' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const DAY = 24 * 60 * 60 * 1000;
const MIN = 60 * 1000;
let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;
let counter = 0;
const d = () => db.handle.db;

async function newClient() {
  counter += 1;
  const [user] = await d()
    .insert(users)
    .values({
      email: `konbini${counter}@example.jp`,
      familyName: '鈴木',
      givenName: `${counter}`,
      emailVerified: new Date(),
      timeZone: 'Asia/Tokyo',
    })
    .returning();
  return user!;
}

/** Open slots at least a week away (konbini is offered only when the session is far enough). */
async function farSlots() {
  const type = (await getSessionTypeBySlug(d(), 'online-60'))!;
  const now = new Date();
  return (await getOpenSlots(d(), type, now)).filter((s) => s.start.getTime() > now.getTime() + 7 * DAY);
}
let slotIndex = 0;
async function nextSlot() {
  const slots = await farSlots();
  // Every test takes its own slot, two apart so that buffers never touch.
  const slot = slots[slotIndex];
  slotIndex += 2;
  return slot!.start;
}

/** The emulator's control: choose konbini on the hosted page (the session completes unpaid). */
async function chooseKonbini(sessionId: string) {
  const response = await fetch(`${emulator.url}/_emulator/checkout/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'konbini' }),
  });
  expect(response.status).toBe(200);
}
/** The voucher page's test control: paid at the store, or expired unpaid. */
async function settleVoucher(sessionId: string, outcome: 'succeeded' | 'failed') {
  const response = await fetch(`${emulator.url}/_emulator/checkout/sessions/${sessionId}/async`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome }),
  });
  expect(response.status).toBe(200);
}
const eventsOf = (sessionId: string) =>
  emulator.events().filter((e) => (e.data.object as { id?: string }).id === sessionId) as unknown as Stripe.Event[];
const deliver = (event: Stripe.Event, now = new Date()) => handleStripeEvent({ db: d(), now }, event);

async function bookingCheckout(startsAt: Date) {
  const client = await newClient();
  const now = new Date();
  const booking = await holdSlot(
    { db: d(), now },
    { clientId: client.id, sessionTypeSlug: 'online-60', startsAt, theme: null },
  );
  await recordPolicyAgreement({ db: d(), now }, { bookingId: booking.id, clientId: client.id });
  const url = await startBookingCheckout(
    { db: d(), now },
    { bookingId: booking.id, clientId: client.id, baseUrl: 'http://test' },
  );
  return { client, booking, sessionId: url.split('/').pop()! };
}

const bookingOf = async (id: string) => (await d().select().from(bookings).where(eq(bookings.id, id)))[0]!;
const paymentOf = async (sessionId: string) =>
  (await d().select().from(payments).where(eq(payments.stripeCheckoutSessionId, sessionId)))[0]!;
const mailsTo = async (email: string) =>
  (await d().select().from(mailOutbox).where(eq(mailOutbox.to, email))).map((m) => m.subject);
const count = (subjects: string[], word: string) => subjects.filter((s) => s.includes(word)).length;

beforeAll(async () => {
  db.handle = await createTestDatabase();
  await seedBooking(d());
  await seedCourses(d());
  // Konbini is off on a fresh clone (it needs activating in the Stripe account): the counselor switches it on.
  await saveOfferedMethods({ db: d(), now: new Date() }, { konbini: true, paypay: false });
  emulator = await startAppStripeEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await db.handle?.close();
});

describe('a session paid at a konbini', () => {
  it('keeps the slot until the voucher deadline: nobody else can take it, and the client gets the instructions once', async () => {
    const startsAt = await nextSlot();
    const { client, booking, sessionId } = await bookingCheckout(startsAt);
    await chooseKonbini(sessionId);
    const [completed] = eventsOf(sessionId);
    expect(completed!.type).toBe('checkout.session.completed');
    await deliver(completed!);
    await deliver({ ...completed!, id: `${completed!.id}_again` }); // a second delivery of the same news

    const kept = await bookingOf(booking.id);
    const payment = await paymentOf(sessionId);
    expect(kept.status).toBe('awaiting_payment');
    expect(payment.status).toBe('pending');
    expect(payment.voucherNumber).toMatch(/^\d{11}$/);
    expect(payment.voucherUrl).toContain('/voucher/');
    expect(payment.method).toBe('konbini');
    // The deadline Stripe gave (3 days, 23:59:59 JST), kept a grace longer.
    expect(kept.holdExpiresAt!.getTime()).toBe(keptUntil(payment.paymentDueAt!).getTime());
    expect(payment.paymentDueAt!.getTime()).toBeLessThan(startsAt.getTime() - DAY);
    expect(count(await mailsTo(client.email), 'コンビニでのお支払いのご案内')).toBe(1);

    // Another client is told the slot is taken, long after a card checkout's 30 minutes.
    const other = await newClient();
    await expect(
      holdSlot(
        { db: d(), now: new Date(Date.now() + 2 * 60 * MIN) },
        { clientId: other.id, sessionTypeSlug: 'online-60', startsAt, theme: null },
      ),
    ).rejects.toMatchObject({ code: 'slot_taken' });
    // The hold-expiry job leaves it alone until then.
    await releaseExpiredHolds({ db: d(), now: new Date(Date.now() + DAY) });
    expect((await bookingOf(booking.id)).status).toBe('awaiting_payment');
  });

  it('paid at the store confirms once, whatever the order and number of deliveries', async () => {
    for (const order of ['in order', 'success first', 'reversed with duplicates', 'success page first'] as const) {
      const { client, booking, sessionId } = await bookingCheckout(await nextSlot());
      await chooseKonbini(sessionId);
      await settleVoucher(sessionId, 'succeeded');
      const [completed, succeeded] = eventsOf(sessionId);
      expect(succeeded!.type).toBe('checkout.session.async_payment_succeeded');
      if (order === 'in order') {
        await deliver(completed!);
        await deliver(succeeded!);
      } else if (order === 'success first') {
        await deliver(succeeded!);
        await deliver(completed!);
      } else if (order === 'reversed with duplicates') {
        await Promise.all([deliver(succeeded!), deliver({ ...succeeded!, id: `${succeeded!.id}_2` })]);
        await deliver(completed!);
        await deliver(succeeded!);
      } else {
        const seen = await reconcileBookingCheckout(
          { db: d(), now: new Date() },
          { checkoutSessionId: sessionId, clientId: client.id },
        );
        expect(seen?.bookingStatus).toBe('confirmed');
        await deliver(completed!);
        await deliver(succeeded!);
      }
      expect((await bookingOf(booking.id)).status, order).toBe('confirmed');
      expect((await paymentOf(sessionId)).status, order).toBe('paid');
      expect(count(await mailsTo(client.email), 'ご予約の確認'), order).toBe(1);
    }
  });

  it('a cancellation of a konbini payment refunds through Stripe and tells her it comes as a bank transfer', async () => {
    const { client, booking, sessionId } = await bookingCheckout(await nextSlot());
    await chooseKonbini(sessionId);
    await settleVoucher(sessionId, 'succeeded');
    for (const event of eventsOf(sessionId)) await deliver(event);
    const terms = await cancelBookingWithRefund({ db: d(), now: new Date() }, { bookingId: booking.id, by: 'client' });
    expect(terms.refundYen).toBe(booking.priceYen);
    const payment = await paymentOf(sessionId);
    expect(await d().$count(refunds, eq(refunds.paymentId, payment.id))).toBe(1);
    const [mail] = await d()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, client.email), eq(mailOutbox.subject, '【こころの整理室】ご予約のキャンセル')));
    expect(mail!.text).toContain('返金は銀行振込になります');
    expect(mail!.text).not.toContain('ご利用のカード');
  });

  it('the success page before any payment says it awaits the konbini payment', async () => {
    const { client, booking, sessionId } = await bookingCheckout(await nextSlot());
    await chooseKonbini(sessionId);
    const seen = await reconcileBookingCheckout(
      { db: d(), now: new Date() },
      { checkoutSessionId: sessionId, clientId: client.id },
    );
    expect(seen).toMatchObject({ outcome: 'awaiting', bookingStatus: 'awaiting_payment' });
    // The webhook after it changes nothing and mails nothing more.
    await deliver(eventsOf(sessionId)[0]!);
    expect((await bookingOf(booking.id)).status).toBe('awaiting_payment');
    expect(count(await mailsTo(client.email), 'コンビニでのお支払いのご案内')).toBe(1);
  });

  it('an expired voucher releases the slot (another client can book it) and tells the client once', async () => {
    const startsAt = await nextSlot();
    const { client, booking, sessionId } = await bookingCheckout(startsAt);
    await chooseKonbini(sessionId);
    await settleVoucher(sessionId, 'failed');
    const [completed, failed] = eventsOf(sessionId);
    expect(failed!.type).toBe('checkout.session.async_payment_failed');
    await deliver(completed!);
    await deliver(failed!);
    await deliver({ ...failed!, id: `${failed!.id}_2` });
    expect((await bookingOf(booking.id)).status).toBe('expired');
    expect((await paymentOf(sessionId)).status).toBe('failed');
    expect(count(await mailsTo(client.email), 'お支払い期限が過ぎました')).toBe(1);
    const other = await newClient();
    const taken = await holdSlot(
      { db: d(), now: new Date() },
      { clientId: other.id, sessionTypeSlug: 'online-60', startsAt, theme: null },
    );
    expect(taken.status).toBe('held');
  });

  it('lapses on its own past the deadline when Stripe says nothing, and a late payment still confirms if the slot is free', async () => {
    const { client, booking, sessionId } = await bookingCheckout(await nextSlot());
    await chooseKonbini(sessionId);
    await deliver(eventsOf(sessionId)[0]!);
    const dueAt = (await paymentOf(sessionId)).paymentDueAt!;
    const after = new Date(keptUntil(dueAt).getTime() + MIN);
    // The slot is free for others from the deadline's grace on, even before any job runs…
    expect((await releaseExpiredHolds({ db: d(), now: after })).includes(booking.id)).toBe(true);
    // …and the payments job, finding the voucher past due and unpaid, closes it and tells her.
    await reconcilePendingCheckouts({ db: d(), now: after });
    expect((await paymentOf(sessionId)).status).toBe('expired');
    expect(count(await mailsTo(client.email), 'お支払い期限が過ぎました')).toBe(1);
    // Paid at 23:59 and reported late: the slot is still free, so the booking is confirmed.
    await settleVoucher(sessionId, 'succeeded');
    await deliver(eventsOf(sessionId).at(-1)!, after);
    expect((await bookingOf(booking.id)).status).toBe('confirmed');
    expect((await paymentOf(sessionId)).status).toBe('paid');
  });

  it('sends the reminder the day before the deadline once', async () => {
    const { client, sessionId } = await bookingCheckout(await nextSlot());
    await chooseKonbini(sessionId);
    await deliver(eventsOf(sessionId)[0]!);
    const remindAt = voucherReminderAt((await paymentOf(sessionId)).paymentDueAt!);
    expect(await sendVoucherReminders({ db: d(), now: new Date(remindAt.getTime() - MIN) })).toBe(0);
    const runs = await Promise.all(
      [0, 1, 2].map((i) => sendVoucherReminders({ db: d(), now: new Date(remindAt.getTime() + i * MIN) })),
    );
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    await sendVoucherReminders({ db: d(), now: new Date(remindAt.getTime() + 60 * MIN) });
    expect(count(await mailsTo(client.email), 'お支払い期限が近づいています')).toBe(1);
  });

  it('a voucher issued after the hold lapsed and the slot went to someone else is closed, she is told not to pay, and a payment anyway is refunded', async () => {
    const startsAt = await nextSlot();
    const { client, booking, sessionId } = await bookingCheckout(startsAt);
    await chooseKonbini(sessionId);
    // Her 31 minutes passed before the news arrived; someone else took the time.
    const later = new Date(Date.now() + 40 * MIN);
    const other = await newClient();
    await holdSlot(
      { db: d(), now: later },
      { clientId: other.id, sessionTypeSlug: 'online-60', startsAt, theme: null },
    );
    await deliver(eventsOf(sessionId)[0]!, later);
    expect((await bookingOf(booking.id)).status).toBe('expired');
    const payment = await paymentOf(sessionId);
    expect(payment.status).toBe('failed');
    // Stripe cannot void the voucher of a completed Checkout Session: it stays payable, she is told not to pay…
    expect((await getStripe().paymentIntents.retrieve(payment.stripePaymentIntentId!)).status).toBe('requires_action');
    expect(count(await mailsTo(client.email), 'お申し込みをお受けできませんでした')).toBe(1);
    // …and a payment made anyway is refunded in full.
    await settleVoucher(sessionId, 'succeeded');
    await deliver(eventsOf(sessionId).at(-1)!, later);
    expect((await bookingOf(booking.id)).status).toBe('expired');
    const [refund] = await d().select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(refund!.amountYen).toBe(payment.amountYen);
  });
});

describe('the counselor cancels a booking awaiting its konbini payment', () => {
  async function awaitingBooking() {
    const startsAt = await nextSlot();
    const { client, booking, sessionId } = await bookingCheckout(startsAt);
    await chooseKonbini(sessionId);
    await deliver(eventsOf(sessionId)[0]!);
    expect((await bookingOf(booking.id)).status).toBe('awaiting_payment');
    return { startsAt, client, booking, sessionId };
  }
  const cancelMails = async (email: string) =>
    d()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, email), eq(mailOutbox.subject, '【こころの整理室】ご予約のキャンセル')));

  it('frees the slot at once, closes the voucher and tells her once not to pay it; a repeat changes nothing', async () => {
    const { startsAt, client, booking, sessionId } = await awaitingBooking();
    // The client herself cannot: her voucher simply lapses if she does not pay.
    await expect(
      cancelBookingWithRefund({ db: d(), now: new Date() }, { bookingId: booking.id, by: 'client' }),
    ).rejects.toMatchObject({ code: 'not_cancellable' });

    const terms = await cancelBookingWithRefund(
      { db: d(), now: new Date() },
      { bookingId: booking.id, by: 'counselor' },
    );
    expect(terms).toMatchObject({ refundYen: 0, awaitingPayment: true });
    expect(await bookingOf(booking.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'counselor' });
    const payment = await paymentOf(sessionId);
    expect(payment.status).toBe('failed');
    expect(await d().$count(refunds, eq(refunds.paymentId, payment.id))).toBe(0);

    // Another client can take the time now, long before the voucher's deadline.
    const other = await newClient();
    const taken = await holdSlot(
      { db: d(), now: new Date() },
      { clientId: other.id, sessionTypeSlug: 'online-60', startsAt, theme: null },
    );
    expect(taken.status).toBe('held');

    const [mail, ...more] = await cancelMails(client.email);
    expect(more).toHaveLength(0);
    expect(mail!.text).toContain('カウンセラーの都合により');
    expect(mail!.text).toContain(`確認番号：${payment.voucherNumber}`);
    expect(mail!.text).toContain('お支払いにならないでください');
    expect(mail!.text).toContain('全額を返金いたします');
    expect(mail!.text).not.toContain('返金はありません');

    // At Stripe the session is complete (it cannot be expired) and nothing was paid.
    const session = await getStripe().checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({ status: 'complete', payment_status: 'unpaid' });

    // Again (a second tab, a double click): refused, nothing more happens.
    await expect(
      cancelBookingWithRefund({ db: d(), now: new Date() }, { bookingId: booking.id, by: 'counselor' }),
    ).rejects.toMatchObject({ code: 'not_cancellable' });
    expect(await cancelMails(client.email)).toHaveLength(1);
    expect((await bookingOf(taken.id)).status).toBe('held');
    // Stripe's later news of the voucher's lapse changes nothing and mails nothing.
    await settleVoucher(sessionId, 'failed');
    await deliver(eventsOf(sessionId).at(-1)!);
    expect((await paymentOf(sessionId)).status).toBe('failed');
    expect(count(await mailsTo(client.email), 'お支払い期限が過ぎました')).toBe(0);
  });

  it('from the admin screen: the counselor only, with a clear message; a client (even her own) is refused', async () => {
    const { client, booking } = await awaitingBooking();
    caller.current = { id: client.id, role: 'client' };
    expect(await counselorCancelBookingAction({ bookingId: booking.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await bookingOf(booking.id)).status).toBe('awaiting_payment');
    caller.current = { id: (await newClient()).id, role: 'counselor' };
    expect(await counselorCancelBookingAction({ bookingId: booking.id })).toMatchObject({
      ok: true,
      message: 'キャンセルし、予約枠を空けました。クライアントには払込票で支払わないようメールでお知らせしました。',
    });
    expect(await counselorCancelBookingAction({ bookingId: booking.id })).toMatchObject({
      ok: false,
      code: 'not_cancellable',
      error: 'この予約はキャンセルできません（すでに開始・終了しているか、キャンセル済みです）。',
    });
    caller.current = null;
    expect(await cancelMails(client.email)).toHaveLength(1);
  });

  it('two cancellations at once: one cancels, one mail', async () => {
    const { client, booking } = await awaitingBooking();
    const results = await Promise.allSettled(
      [0, 1].map(() =>
        cancelBookingWithRefund({ db: d(), now: new Date() }, { bookingId: booking.id, by: 'counselor' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'not_cancellable' } });
    expect(await cancelMails(client.email)).toHaveLength(1);
  });

  it('a payment made at the store anyway is refunded in full, once, and she is told', async () => {
    const { client, booking, sessionId } = await awaitingBooking();
    await cancelBookingWithRefund({ db: d(), now: new Date() }, { bookingId: booking.id, by: 'counselor' });
    await settleVoucher(sessionId, 'succeeded');
    const succeeded = eventsOf(sessionId).at(-1)!;
    expect(succeeded.type).toBe('checkout.session.async_payment_succeeded');
    await deliver(succeeded);
    await deliver({ ...succeeded, id: `${succeeded.id}_again` });
    await reconcileCheckoutSession(
      { db: d(), now: new Date() },
      await getStripe().checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] }),
    );
    expect((await bookingOf(booking.id)).status).toBe('cancelled');
    const payment = await paymentOf(sessionId);
    const paidRefunds = await d().select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(paidRefunds).toHaveLength(1);
    expect(paidRefunds[0]!.amountYen).toBe(booking.priceYen);
    expect(paidRefunds[0]!.stripeRefundId).toBeTruthy();
    expect(payment.status).toBe('refunded');
    const [mail, ...more] = await d()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, client.email), eq(mailOutbox.subject, '【こころの整理室】お支払いの返金')));
    expect(more).toHaveLength(0);
    expect(mail!.text).toContain('キャンセルとなった');
    expect(mail!.text).toContain('銀行振込');
  });
});

describe('a course seat paid at a konbini', () => {
  async function fullCohortWithLine() {
    const [course] = await d().select().from(courses).limit(1);
    const first = new Date(Date.now() + 30 * DAY);
    const [cohort] = await d()
      .insert(courseCohorts)
      .values({
        courseId: course!.id,
        name: `コンビニ期${counter++}`,
        capacity: 1,
        priceYen: 33_000,
        registrationDeadline: new Date(first.getTime() - DAY),
      })
      .returning();
    await d()
      .insert(courseLessons)
      .values({
        cohortId: cohort!.id,
        title: '第1回',
        startsAt: first,
        endsAt: new Date(first.getTime() + 60 * MIN),
        materialsReleaseAt: first,
      });
    const client = await newClient();
    const now = new Date();
    const hold = await holdSeat({ db: d(), now }, { cohortId: cohort!.id, clientId: client.id });
    if (hold.status !== 'held') throw new Error('expected a seat');
    await recordApplication({ db: d(), now }, { enrollmentId: hold.enrollmentId, clientId: client.id, answer: '' });
    const url = await startCourseCheckout(
      { db: d(), now },
      { enrollmentId: hold.enrollmentId, clientId: client.id, baseUrl: 'http://test' },
    );
    const waiting = await newClient();
    return { cohort: cohort!, client, waiting, enrollmentId: hold.enrollmentId, sessionId: url.split('/').pop()! };
  }

  it('keeps the seat while awaiting payment, and offers it to the waitlist when the voucher expires', async () => {
    const { cohort, client, waiting, enrollmentId, sessionId } = await fullCohortWithLine();
    await chooseKonbini(sessionId);
    await deliver(eventsOf(sessionId)[0]!);
    const seat = (await d().select().from(courseEnrollments).where(eq(courseEnrollments.id, enrollmentId)))[0]!;
    expect(seat.status).toBe('awaiting_payment');
    // The cohort is full: the next client goes in line.
    expect(
      (await joinWaitlist({ db: d(), now: new Date() }, { cohortId: cohort.id, clientId: waiting.id })).status,
    ).toBe('waiting');
    await settleVoucher(sessionId, 'failed');
    await deliver(eventsOf(sessionId).at(-1)!);
    expect((await d().select().from(courseEnrollments).where(eq(courseEnrollments.id, enrollmentId)))[0]!.status).toBe(
      'expired',
    );
    const [offer] = await d()
      .select()
      .from(courseWaitlist)
      .where(and(eq(courseWaitlist.cohortId, cohort.id), eq(courseWaitlist.clientId, waiting.id)));
    expect(offer!.status).toBe('offered');
    expect(
      await d().$count(
        courseEnrollments,
        and(
          eq(courseEnrollments.cohortId, cohort.id),
          inArray(courseEnrollments.status, ['held', 'awaiting_payment', 'enrolled']),
        ),
      ),
    ).toBe(1);
    expect(count(await mailsTo(client.email), 'お支払い期限が過ぎました')).toBe(1);
  });

  it('a cohort cancelled while a seat awaits its konbini payment: the voucher is closed, she is told once not to pay, a payment anyway is refunded', async () => {
    const { cohort, client, waiting, enrollmentId, sessionId } = await fullCohortWithLine();
    await chooseKonbini(sessionId);
    await deliver(eventsOf(sessionId)[0]!);
    await joinWaitlist({ db: d(), now: new Date() }, { cohortId: cohort.id, clientId: waiting.id });
    const cancelAll = () => cancelCohortWithRefunds({ db: d(), now: new Date() }, { cohortId: cohort.id });
    const outcome = await cancelAll();
    expect(outcome).toMatchObject({ refunded: 0, vouchers: 1, told: 2, untold: 0 });
    await expect(cancelAll()).rejects.toMatchObject({ code: 'enrollment_not_cancellable' });
    const seat = (await d().select().from(courseEnrollments).where(eq(courseEnrollments.id, enrollmentId)))[0]!;
    expect(seat.status).toBe('cancelled');
    const payment = await paymentOf(sessionId);
    expect(payment.status).toBe('failed');

    const mails = await d()
      .select()
      .from(mailOutbox)
      .where(
        and(eq(mailOutbox.to, client.email), eq(mailOutbox.subject, '【こころの整理室】講座の開講中止のお知らせ')),
      );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`確認番号：${payment.voucherNumber}`);
    expect(mails[0]!.text).toContain('お支払いにならないでください');
    expect(mails[0]!.text).not.toContain('お支払いは発生していません');
    // The one in line is told the plain news, with no voucher.
    const [line] = await d()
      .select()
      .from(mailOutbox)
      .where(
        and(eq(mailOutbox.to, waiting.email), eq(mailOutbox.subject, '【こころの整理室】講座の開講中止のお知らせ')),
      );
    expect(line!.text).toContain('お支払いは発生していません');

    await settleVoucher(sessionId, 'succeeded');
    await deliver(eventsOf(sessionId).at(-1)!);
    await deliver(eventsOf(sessionId).at(-1)!);
    const [refund, ...more] = await d().select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(more).toHaveLength(0);
    expect(refund!.amountYen).toBe(payment.amountYen);
    expect((await paymentOf(sessionId)).status).toBe('refunded');
    const [told] = await d()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, client.email), eq(mailOutbox.subject, '【こころの整理室】お支払いの返金')));
    expect(told!.text).toContain('開講を中止した');
    expect(told!.text).toContain('銀行振込');
  });

  it('paid at the store enrols once', async () => {
    const { enrollmentId, sessionId } = await fullCohortWithLine();
    await chooseKonbini(sessionId);
    await settleVoucher(sessionId, 'succeeded');
    const [completed, succeeded] = eventsOf(sessionId);
    await deliver(succeeded!);
    await deliver(completed!);
    await deliver(succeeded!);
    await reconcileCheckoutSession(
      { db: d(), now: new Date() },
      await getStripe().checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] }),
    );
    expect((await d().select().from(courseEnrollments).where(eq(courseEnrollments.id, enrollmentId)))[0]!.status).toBe(
      'enrolled',
    );
  });
});
