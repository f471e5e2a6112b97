import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { courseCohorts, courseLessons, courses, mailOutbox, notificationSettings, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import '@/features/fulfilments';
import { cancelBookingWithRefund, startBookingCheckout } from '@/features/booking/checkout';
import { holdSlot } from '@/features/booking/hold';
import { getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { seedBooking } from '@/features/booking/seed';
import { recordPolicyAgreement, rescheduleBooking } from '@/features/booking/service';
import { startCourseCheckout } from '@/features/courses/checkout';
import { holdSeat, recordApplication } from '@/features/courses/service';
import { themes } from '@/features/library/themes';
import { reconcileCheckoutSession } from '@/features/payments/service';
import { payOnEmulator, startAppStripeEmulator } from '@/features/payments/testing';
import { handleStripeEvent } from '@/features/payments/webhooks';
import { getStripe } from '@/lib/stripe';
import type Stripe from 'stripe';
import { sendDailyAgendaIfDue } from './daily-agenda';
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

/** A client books (with a theme chosen from an article) and pays; the webhook and the success page both reconcile. */
async function paidBooking() {
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
  const before = emulator.events().length;
  const session = await settle(url.split('/').pop()!);
  // A webhook storm: the completion delivered twice over, and the success page reconciling too.
  const completed = (emulator.events().slice(before) as Stripe.Event[]).filter(
    (e) => e.type === 'checkout.session.completed',
  );
  expect(completed.length).toBeGreaterThan(0);
  expect(await reconcileCheckoutSession(ctx(), session)).toBe('confirmed');
  for (const event of [...completed, ...completed]) await handleStripeEvent(ctx(), event);
  expect(await reconcileCheckoutSession(ctx(), session)).toBe('already');
  return { client, booking, slots, type };
}

async function counselorMails(since: Date) {
  const rows = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, counselorEmail));
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
    const first = new Date(Date.now() + 30 * DAY);
    const [cohort] = await handle.db
      .insert(courseCohorts)
      .values({
        courseId,
        name: '1月期',
        capacity: 5,
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
    const client = await newClient();
    const since = new Date();
    const hold = await holdSeat(ctx(), { cohortId: cohort!.id, clientId: client.id });
    if (hold.status !== 'held') throw new Error('expected a hold');
    await recordApplication(ctx(), { enrollmentId: hold.enrollmentId, clientId: client.id, answer: '' });
    const url = await startCourseCheckout(ctx(), {
      enrollmentId: hold.enrollmentId,
      clientId: client.id,
      baseUrl: 'http://test',
    });
    const session = await settle(url.split('/').pop()!);
    expect(await reconcileCheckoutSession(ctx(), session)).toBe('confirmed');
    expect(await reconcileCheckoutSession(ctx(), session)).toBe('already');
    const mails = await counselorMails(since);
    expect(mails.map((m) => m.subject)).toEqual(['【こころの整理室】講座のお申し込み']);
    expect(mails[0]!.text).toContain(`/admin/courses/cohorts/${cohort!.id}`);
    expect(mails[0]!.text).not.toContain('心理学講座');
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
