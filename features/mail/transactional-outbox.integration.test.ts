import { and, eq, like } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, mailOutbox, notices, refunds, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import '@/features/fulfilments';
import { cancelBookingWithRefund, startBookingCheckout } from '@/features/booking/checkout';
import { holdSlot } from '@/features/booking/hold';
import { getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { seedBooking } from '@/features/booking/seed';
import { recordPolicyAgreement } from '@/features/booking/service';
import { reconcileCheckoutSession } from '@/features/payments/service';
import { payOnEmulator, startAppStripeEmulator } from '@/features/payments/testing';
import { handleStripeEvent } from '@/features/payments/webhooks';
import { getStripe } from '@/lib/stripe';
import { deliverDueNotices } from './outbox';

/*
 * The outbox is written in the transaction of the change it tells about (issue 14, item 8):
 * a change that rolls back leaves no notice, a repeated event adds none, and a process that
 * dies between the commit and the delivery leaves its notices to the delivery job.
 */

// `crash.afterCommit`: the process dies right after the commit, before it delivers anything.
// `crash.inTransaction`: the change fails after its client's notice was written (the counselor's notice throws).
const crash = vi.hoisted(() => ({ afterCommit: false, inTransaction: false }));
vi.mock('@/features/mail/notice', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/mail/notice')>();
  return {
    ...actual,
    deliverQueued: async (...args: Parameters<typeof actual.deliverQueued>) =>
      crash.afterCommit ? false : actual.deliverQueued(...args),
  };
});
vi.mock('@/features/notifications/triggers', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/notifications/triggers')>();
  return {
    ...actual,
    noticeBookingCancelled: async (...args: Parameters<typeof actual.noticeBookingCancelled>) => {
      if (crash.inTransaction) throw new Error('the transaction fails after the client’s notice was written');
      return actual.noticeBookingCancelled(...args);
    },
  };
});

let handle: DatabaseHandle;
let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;
let counter = 0;
let slotIndex = 0;
const db = () => handle.db;
const ctx = () => ({ db: handle.db, now: new Date() });
const counselorEmail = 'counselor-outbox@example.jp';

const mailsTo = (email: string) => db().select().from(mailOutbox).where(eq(mailOutbox.to, email));
const noticesAbout = (pattern: string) => db().select().from(notices).where(like(notices.about, pattern));

/** A client holds a slot and pays on the emulator; nothing is reconciled yet. The completion events are returned. */
async function paidCheckout() {
  counter += 1;
  const [client] = await db()
    .insert(users)
    .values({
      email: `outbox${counter}@example.jp`,
      familyName: '山田',
      givenName: `${counter}`,
      timeZone: 'Asia/Tokyo',
    })
    .returning();
  const type = (await getSessionTypeBySlug(db(), 'online-60'))!;
  const slots = await getOpenSlots(db(), type, new Date());
  slotIndex += 6;
  const booking = await holdSlot(ctx(), {
    clientId: client!.id,
    sessionTypeSlug: 'online-60',
    startsAt: slots[slotIndex]!.start,
    theme: null,
  });
  await recordPolicyAgreement(ctx(), { bookingId: booking.id, clientId: client!.id });
  const url = await startBookingCheckout(ctx(), {
    bookingId: booking.id,
    clientId: client!.id,
    baseUrl: 'http://test',
  });
  const sessionId = url.split('/').pop()!;
  const before = emulator.events().length;
  expect(await payOnEmulator(emulator.url, sessionId)).toBe(200);
  const completed = (emulator.events().slice(before) as Stripe.Event[]).filter(
    (e) => e.type === 'checkout.session.completed',
  );
  expect(completed.length).toBeGreaterThan(0);
  return { client: client!, booking, completed, sessionId };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
  await handle.db
    .insert(users)
    .values({ email: counselorEmail, familyName: '相談', givenName: '員', role: 'counselor', timeZone: 'Asia/Tokyo' });
  emulator = await startAppStripeEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await handle?.close();
});
beforeEach(() => {
  crash.afterCommit = false;
  crash.inTransaction = false;
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('a notice commits with its change', () => {
  it('a cancellation that rolls back leaves no notice, no refund, and the booking as it was', async () => {
    const { client, booking, completed } = await paidCheckout();
    await handleStripeEvent(ctx(), completed[0]!);

    crash.inTransaction = true;
    await expect(cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'client' })).rejects.toThrow(
      'the transaction fails',
    );
    expect(await noticesAbout(`booking ${booking.id} cancelled`)).toHaveLength(0);
    expect(
      await db()
        .select()
        .from(refunds)
        .where(eq(refunds.idempotencyKey, `cancel-${booking.id}`)),
    ).toHaveLength(0);
    const [after] = await db().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(after!.status).toBe('confirmed');
    expect((await mailsTo(client.email)).map((m) => m.subject)).toEqual(['【こころの整理室】ご予約の確認']);

    // Tried again once the fault is gone: cancelled, and told once.
    crash.inTransaction = false;
    await cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'client' });
    expect(await noticesAbout(`booking ${booking.id} cancelled`)).toHaveLength(1);
    expect((await mailsTo(client.email)).map((m) => m.subject)).toEqual([
      '【こころの整理室】ご予約の確認',
      '【こころの整理室】ご予約のキャンセル',
    ]);
  });

  it('a webhook storm (the same event at once and again, and the success page) leaves exactly one notice each', async () => {
    const { client, booking, completed, sessionId } = await paidCheckout();
    const session = await getStripe().checkout.sessions.retrieve(sessionId);
    await Promise.all([
      ...completed.flatMap((e) => [handleStripeEvent(ctx(), e), handleStripeEvent(ctx(), e)]),
      reconcileCheckoutSession(ctx(), session),
    ]);
    for (const e of completed) await handleStripeEvent(ctx(), e);
    expect(await reconcileCheckoutSession(ctx(), session)).toBe('already');

    expect(await noticesAbout(`booking ${booking.id} confirmed`)).toHaveLength(1);
    expect(await noticesAbout(`counselor notice booking_paid:${booking.id}`)).toHaveLength(1);
    expect(await mailsTo(client.email)).toHaveLength(1);
    const toCounselor = await db()
      .select()
      .from(notices)
      .where(and(eq(notices.to, counselorEmail), like(notices.about, `%${booking.id}%`)));
    expect(toCounselor.map((n) => n.status)).toEqual(['sent']);
  });

  it('a process that dies between the commit and the delivery: the job delivers its notices, once', async () => {
    const { client, booking, completed } = await paidCheckout();
    crash.afterCommit = true;
    await handleStripeEvent(ctx(), completed[0]!);
    const [confirmed] = await db().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(confirmed!.status).toBe('confirmed');
    const [queued] = await noticesAbout(`booking ${booking.id} confirmed`);
    expect(queued).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await mailsTo(client.email)).toHaveLength(0);

    // The redelivered event (the process is back) adds nothing; the job sends what was queued.
    crash.afterCommit = false;
    await handleStripeEvent(ctx(), completed[0]!);
    expect(await mailsTo(client.email)).toHaveLength(0);
    const run = await deliverDueNotices(db());
    expect(run.sent).toBeGreaterThanOrEqual(2); // the client's confirmation and the counselor's notice
    expect(await deliverDueNotices(db())).toEqual({ sent: 0, failed: 0 });
    expect((await mailsTo(client.email)).map((m) => m.subject)).toEqual(['【こころの整理室】ご予約の確認']);
    expect(await noticesAbout(`counselor notice booking_paid:${booking.id}`)).toMatchObject([{ status: 'sent' }]);
  });
});
