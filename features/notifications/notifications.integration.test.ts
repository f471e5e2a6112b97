import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, courseCohorts, courseLessons, courses, mailOutbox, notificationSettings, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import '@/features/fulfilments';
import { cancelBookingWithRefund, startBookingCheckout } from '@/features/booking/checkout';
import { holdSlot } from '@/features/booking/hold';
import { getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { seedBooking } from '@/features/booking/seed';
import { recordPolicyAgreement, rescheduleBooking } from '@/features/booking/service';
import { cancelEnrollmentWithRefund, startCourseCheckout } from '@/features/courses/checkout';
import { holdSeat, joinWaitlist, recordApplication } from '@/features/courses/service';
import { themes } from '@/features/library/themes';
import { submitPendingRefunds } from '@/features/payments/refunds';
import { reconcileCheckoutSession } from '@/features/payments/service';
import { payOnEmulator, startAppStripeEmulator } from '@/features/payments/testing';
import { handleStripeEvent } from '@/features/payments/webhooks';
import { getStripe } from '@/lib/stripe';
import type Stripe from 'stripe';
import { sendDailyAgendaIfDue } from './daily-agenda';
import { noticeFailingRefunds } from './refund-watch';
import type { NotificationKind } from './domain/kinds';

let handle: DatabaseHandle;
let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;
let counter = 0;
let slotIndex = 0;
let courseId: string;
const counselorEmail = 'counselor-notify@example.jp';
const DAY = 24 * 60 * 60 * 1000;
const ctx = () => ({ db: handle.db, now: new Date() });

async function newClient() {
  counter += 1;
  const [user] = await handle.db
    .insert(users)
    .values({
      email: `notify${counter}@example.jp`,
      familyName: '田中',
      givenName: `${counter}`,
      timeZone: 'Asia/Tokyo',
    })
    .returning();
  return user!;
}

async function settle(sessionId: string) {
  expect(await payOnEmulator(emulator.url, sessionId)).toBe(200);
  return getStripe().checkout.sessions.retrieve(sessionId);
}

/** A client holds the next test slot (with a theme chosen from an article) and opens its checkout. */
async function bookingCheckout() {
  const type = (await getSessionTypeBySlug(handle.db, 'online-60'))!;
  const slots = await getOpenSlots(handle.db, type, new Date());
  slotIndex += 6;
  const client = await newClient();
  const booking = await holdSlot(ctx(), {
    clientId: client.id,
    sessionTypeSlug: 'online-60',
    startsAt: slots[slotIndex]!.start,
    theme: themes[1].id,
  });
  await recordPolicyAgreement(ctx(), { bookingId: booking.id, clientId: client.id });
  const url = await startBookingCheckout(ctx(), { bookingId: booking.id, clientId: client.id, baseUrl: 'http://test' });
  return { client, booking, slots, type, sessionId: url.split('/').pop()! };
}

/**
 * Pays a checkout, then a webhook storm: the completion delivered twice over, the success page
 * reconciling before and after. What the first reconciliation answered.
 */
async function payWithStorm(sessionId: string) {
  const before = emulator.events().length;
  const session = await settle(sessionId);
  const completed = (emulator.events().slice(before) as Stripe.Event[]).filter(
    (e) => e.type === 'checkout.session.completed',
  );
  expect(completed.length).toBeGreaterThan(0);
  const outcome = await reconcileCheckoutSession(ctx(), session);
  for (const event of [...completed, ...completed]) await handleStripeEvent(ctx(), event);
  await reconcileCheckoutSession(ctx(), session);
  return outcome;
}

/** A client books and pays, under a webhook storm. */
async function paidBooking() {
  const checkout = await bookingCheckout();
  expect(await payWithStorm(checkout.sessionId)).toBe('confirmed');
  return checkout;
}

/** A cohort with one lesson a month ahead (so a client's cancellation is refunded in full). */
async function newCohort(capacity: number) {
  const first = new Date(Date.now() + 30 * DAY);
  const [cohort] = await handle.db
    .insert(courseCohorts)
    .values({
      courseId,
      name: '1月期',
      capacity,
      priceYen: 33_000,
      registrationDeadline: new Date(first.getTime() - DAY),
    })
    .returning();
  await handle.db.insert(courseLessons).values({
    cohortId: cohort!.id,
    title: '第1回',
    startsAt: first,
    endsAt: new Date(first.getTime() + 3600_000),
    materialsReleaseAt: first,
  });
  return cohort!;
}

/** The client applies for a held (or offered) seat and pays, under a webhook storm. */
async function paySeat(enrollmentId: string, clientId: string) {
  await recordApplication(ctx(), { enrollmentId, clientId, answer: '' });
  const url = await startCourseCheckout(ctx(), { enrollmentId, clientId, baseUrl: 'http://test' });
  expect(await payWithStorm(url.split('/').pop()!)).toBe('confirmed');
}

/** A client holds a seat and pays for it. */
async function enrolledSeat(cohortId: string) {
  const client = await newClient();
  const hold = await holdSeat(ctx(), { cohortId, clientId: client.id });
  if (hold.status !== 'held') throw new Error('expected a hold');
  await paySeat(hold.enrollmentId, client.id);
  return { client, enrollmentId: hold.enrollmentId };
}

/** With Stripe unreachable: what is sent to Stripe stays recorded, unsent. */
async function withStripeDown<T>(work: () => Promise<T>): Promise<T> {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const realUrl = process.env.STRIPE_EMULATOR_URL;
  try {
    process.env.STRIPE_EMULATOR_URL = 'http://127.0.0.1:9';
    (globalThis as { __stripe?: unknown }).__stripe = undefined;
    return await work();
  } finally {
    process.env.STRIPE_EMULATOR_URL = realUrl;
    (globalThis as { __stripe?: unknown }).__stripe = undefined;
    errors.mockRestore();
  }
}

const subjectsOf = async (since: Date) => (await counselorMails(since)).map((m) => m.subject);
const titled = (title: string) => `【こころの整理室】${title}`;

async function counselorMails(since: Date) {
  // In the order they went (a query without an order may answer in any).
  const rows = await handle.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, counselorEmail))
    .orderBy(asc(mailOutbox.createdAt));
  return rows.filter((m) => m.createdAt >= since);
}

async function turnOff(kinds: NotificationKind[], agenda?: { enabled: boolean; minute: number }) {
  const values = {
    disabledKinds: kinds,
    dailyAgendaEnabled: agenda?.enabled ?? false,
    dailyAgendaMinute: agenda?.minute ?? 420,
  };
  await handle.db
    .insert(notificationSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: notificationSettings.id, set: values });
}

function expectDiscreet(mail: { subject: string; text: string; html: string }) {
  for (const part of [mail.subject, mail.text, mail.html]) {
    for (const t of themes) expect(part).not.toContain(t.label);
    expect(part).not.toContain('田中');
  }
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
  await handle.db
    .insert(users)
    .values({ email: counselorEmail, familyName: '相談', givenName: '員', role: 'counselor', timeZone: 'Asia/Tokyo' });
  const [course] = await handle.db
    .insert(courses)
    .values({ slug: 'notify-course', title: '心理学講座', applicationQuestion: '期待していること' })
    .returning();
  courseId = course!.id;
  emulator = await startAppStripeEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await handle?.close();
});
beforeEach(async () => {
  await turnOff([]);
});

describe('the counselor is told once per event, discreetly', () => {
  it('a paid booking: one mail, whatever the number of deliveries, with the admin link and no theme', async () => {
    const since = new Date();
    const { booking } = await paidBooking();
    const mails = await counselorMails(since);
    expect(mails.map((m) => m.subject)).toEqual(['【こころの整理室】新しいご予約']);
    expect(mails[0]!.text).toContain(`/admin/bookings/${booking.id}`);
    expect(mails[0]!.text).toContain('11,000円（税込）');
    expectDiscreet(mails[0]!);
  });

  it('a client cancellation: one mail with the fee kept and the refund; a counselor cancellation: none', async () => {
    const { booking } = await paidBooking();
    const since = new Date();
    await cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'client' });
    await expect(cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'client' })).rejects.toThrow();
    const mails = await counselorMails(since);
    expect(mails.map((m) => m.subject)).toEqual(['【こころの整理室】ご予約のキャンセル']);
    expect(mails[0]!.text).toContain('キャンセル料：0円（税込）');
    expect(mails[0]!.text).toContain('返金：11,000円（税込）');
    expectDiscreet(mails[0]!);

    const other = await paidBooking();
    const later = new Date();
    await cancelBookingWithRefund(ctx(), { bookingId: other.booking.id, by: 'counselor' });
    expect(await counselorMails(later)).toHaveLength(0);
  });

  it('a reschedule: one mail with the old and new time', async () => {
    const { booking, client, slots } = await paidBooking();
    const since = new Date();
    await rescheduleBooking(ctx(), {
      bookingId: booking.id,
      clientId: client.id,
      startsAt: slots[slotIndex + 3]!.start,
    });
    const mails = await counselorMails(since);
    expect(mails.map((m) => m.subject)).toEqual(['【こころの整理室】ご予約の日時の変更']);
    expect(mails[0]!.text).toMatch(/変更前：.*\n変更後：/);
    expectDiscreet(mails[0]!);
  });

  it('a course enrolment: one mail linking to the cohort, without the course title', async () => {
    const cohort = await newCohort(5);
    const since = new Date();
    await enrolledSeat(cohort.id);
    const mails = await counselorMails(since);
    expect(mails.map((m) => m.subject)).toEqual(['【こころの整理室】講座のお申し込み']);
    expect(mails[0]!.text).toContain(`/admin/courses/cohorts/${cohort.id}`);
    expect(mails[0]!.text).not.toContain('心理学講座');
  });

  /** A full cohort of one: the seat is paid, someone waits; the seat's client cancels (twice), the one waiting pays for the offer. */
  async function seatCancelledAndOfferTaken() {
    const cohort = await newCohort(1);
    const { client, enrollmentId } = await enrolledSeat(cohort.id);
    const waiting = await newClient();
    expect((await joinWaitlist(ctx(), { cohortId: cohort.id, clientId: waiting.id })).status).toBe('waiting');
    const since = new Date();
    await cancelEnrollmentWithRefund(ctx(), { enrollmentId, by: 'client', clientId: client.id });
    await expect(
      cancelEnrollmentWithRefund(ctx(), { enrollmentId, by: 'client', clientId: client.id }),
    ).rejects.toMatchObject({ code: 'enrollment_already_cancelled' });
    const offered = await joinWaitlist(ctx(), { cohortId: cohort.id, clientId: waiting.id });
    if (offered.status !== 'offered') throw new Error('expected the freed seat to be offered');
    await paySeat(offered.enrollmentId!, waiting.id);
    return { cohort, since };
  }

  it('a seat cancelled by its client, and the offer taken up from the waitlist: one mail each', async () => {
    const { cohort, since } = await seatCancelledAndOfferTaken();
    const mails = await counselorMails(since);
    expect(mails.map((m) => m.subject)).toEqual([titled('講座のキャンセル'), titled('キャンセル待ちからのお申し込み')]);
    expect(mails[0]!.text).toContain('返金：33,000円（税込）');
    for (const mail of mails) {
      expect(mail.text).toContain(`/admin/courses/cohorts/${cohort.id}`);
      expect(mail.text).not.toContain('心理学講座');
      expectDiscreet(mail);
    }
  });

  it('a refund that keeps failing: one mail, however many runs of the watch (two at once included)', async () => {
    const { booking } = await paidBooking();
    await withStripeDown(() => cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'client' }));
    const since = new Date();
    // Not yet failing: Stripe has had less than 15 minutes.
    expect(await noticeFailingRefunds(handle.db, new Date(Date.now() + 5 * 60_000))).toBe(0);
    const later = new Date(Date.now() + 20 * 60_000);
    const runs = await Promise.all([noticeFailingRefunds(handle.db, later), noticeFailingRefunds(handle.db, later)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await noticeFailingRefunds(handle.db, new Date(later.getTime() + 5 * 60_000))).toBe(0);
    const mails = await counselorMails(since);
    expect(mails.map((m) => m.subject)).toEqual([titled('返金が完了していません')]);
    expect(mails[0]!.text).toContain('11,000円（税込）');
    expect(mails[0]!.text).toContain(`/admin/bookings/${booking.id}`);
    expectDiscreet(mails[0]!);
    await submitPendingRefunds(ctx());
  });

  /** A client pays after her hold lapsed and another client took the slot: refunded in full, under a webhook storm. */
  async function paymentForLostSlot() {
    const late = await bookingCheckout();
    await handle.db
      .update(bookings)
      .set({ holdExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(bookings.id, late.booking.id));
    const other = await newClient();
    await holdSlot(ctx(), {
      clientId: other.id,
      sessionTypeSlug: 'online-60',
      startsAt: late.booking.startsAt,
      theme: null,
    });
    expect(await payWithStorm(late.sessionId)).toBe('lost');
    return late;
  }

  it('a payment for a lost slot: one mail, whatever the number of deliveries', async () => {
    const since = new Date();
    const { booking } = await paymentForLostSlot();
    const mails = await counselorMails(since);
    expect(mails.map((m) => m.subject)).toEqual([titled('埋まった枠へのお支払いを返金しました')]);
    expect(mails[0]!.text).toContain('11,000円（税込）');
    expect(mails[0]!.text).toContain(`/admin/bookings/${booking.id}`);
    expectDiscreet(mails[0]!);
  });

  it('none for a kind she turned off; the others still go', async () => {
    await turnOff(['booking_paid', 'booking_cancelled']);
    const since = new Date();
    const { booking, client, slots } = await paidBooking();
    await rescheduleBooking(ctx(), {
      bookingId: booking.id,
      clientId: client.id,
      startsAt: slots[slotIndex + 3]!.start,
    });
    await cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'client' });
    expect((await counselorMails(since)).map((m) => m.subject)).toEqual(['【こころの整理室】ご予約の日時の変更']);
  });

  it('none for a seat cancellation, a waitlist offer taken, a failing refund or a lost slot she turned off', async () => {
    await turnOff(['course_seat_cancelled', 'waitlist_accepted', 'refund_failing', 'payment_for_lost_slot']);
    const { since } = await seatCancelledAndOfferTaken();
    await paymentForLostSlot();
    const { booking } = await paidBooking();
    await withStripeDown(() => cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'client' }));
    expect(await noticeFailingRefunds(handle.db, new Date(Date.now() + 20 * 60_000))).toBe(0);
    // Only the kinds still on: the new booking and its cancellation by the client.
    expect(await subjectsOf(since)).toEqual([titled('新しいご予約'), titled('ご予約のキャンセル')]);
    await submitPendingRefunds(ctx());
  });
});

describe('the daily agenda mail', () => {
  it('goes once per Japan date at her chosen time, however many runs or instances', async () => {
    const { booking } = await paidBooking();
    const startsAt = (await handle.db.query.bookings.findFirst({ where: (b, { eq: e }) => e(b.id, booking.id) }))!
      .startsAt;
    // Her chosen time: 07:00 Japan time on the session's Japan day.
    const jstDay = new Date(startsAt.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
    const sevenJst = new Date(`${jstDay}T07:00:00+09:00`);
    await turnOff([], { enabled: false, minute: 420 });
    expect(await sendDailyAgendaIfDue(handle.db, sevenJst)).toBeNull(); // off by default
    await turnOff([], { enabled: true, minute: 420 });
    expect(await sendDailyAgendaIfDue(handle.db, new Date(sevenJst.getTime() - 60_000))).toBeNull(); // 06:59

    const since = new Date();
    // Two instances at 07:00 and the next minutes' runs.
    const runs = await Promise.all([
      sendDailyAgendaIfDue(handle.db, sevenJst),
      sendDailyAgendaIfDue(handle.db, sevenJst),
      sendDailyAgendaIfDue(handle.db, new Date(sevenJst.getTime() + 60_000)),
    ]);
    expect(runs.filter((r) => r === jstDay)).toHaveLength(1);
    expect(await sendDailyAgendaIfDue(handle.db, new Date(sevenJst.getTime() + 30 * 60_000))).toBeNull();
    const mails = (await counselorMails(since)).filter((m) => m.subject.endsWith('の予定'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('セッション（オンラインセッション（60分））');
    expectDiscreet(mails[0]!);

    // The next day is its own date.
    const nextDay = new Date(sevenJst.getTime() + DAY);
    expect(await sendDailyAgendaIfDue(handle.db, nextDay)).not.toBeNull();
  });
});
