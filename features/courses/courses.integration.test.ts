import { and, eq, inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { TestCaller } from '@/features/accounts/testing';
import {
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
import '@/features/fulfilments';
import { cancelCohortWithRefunds, cancelEnrollmentWithRefund, startCourseCheckout } from './checkout';
import { reconcileCheckoutSession } from '@/features/payments/service';
import { payOnEmulator, startAppStripeEmulator } from '@/features/payments/testing';
import { handleStripeEvent } from '@/features/payments/webhooks';
import { getStripe } from '@/lib/stripe';
import { toJstLocal } from '@/lib/time';
import { cancelSeatAction } from './admin-actions';
import { saveCohort } from './admin-service';
import { getCourseBySlug } from './queries';
import { cancelCohort, holdSeat, joinWaitlist, recordApplication, releaseExpiredSeatHolds } from './service';

const db = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
vi.mock('@/db', () => ({ getDb: async () => db.handle.db }));
// Server actions are called as a signed-in caller would call them, outside a Next request.
const caller = vi.hoisted((): TestCaller => ({ current: null }));
vi.mock('@/features/accounts/auth/guards', async () => (await import('@/features/accounts/testing')).guardsFor(caller));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'localhost:3000' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
/** Mail to these addresses fails, as with a mail server that refuses them. */
const unreachable = vi.hoisted(() => new Set<string>());
vi.mock('@/features/mail/service', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/features/mail/service')>();
  return {
    ...real,
    sendMail: async (...args: Parameters<typeof real.sendMail>) => {
      if (unreachable.has(args[1].to)) throw new Error('550 mailbox unavailable');
      return real.sendMail(...args);
    },
  };
});

const DAY = 24 * 60 * 60 * 1000;
const MIN = 60 * 1000;
let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;
let counter = 0;
let courseId: string;

const d = () => db.handle.db;

async function newClient() {
  counter += 1;
  const [user] = await d()
    .insert(users)
    .values({
      email: `course${counter}@example.jp`,
      familyName: '佐藤',
      givenName: `${counter}`,
      emailVerified: new Date(),
      timeZone: 'Asia/Tokyo',
    })
    .returning();
  return user!;
}

/** A cohort whose first lesson is `firstInDays` days away. */
async function newCohort(capacity: number, firstInDays = 30, priceYen = 33_000) {
  const first = new Date(Date.now() + firstInDays * DAY);
  const [cohort] = await d()
    .insert(courseCohorts)
    .values({
      courseId,
      name: `期${counter++}`,
      capacity,
      priceYen,
      registrationDeadline: new Date(first.getTime() - DAY),
    })
    .returning();
  await d()
    .insert(courseLessons)
    .values(
      [0, 7, 14].map((offset, i) => ({
        cohortId: cohort!.id,
        title: `第${i + 1}回`,
        startsAt: new Date(first.getTime() + offset * DAY),
        endsAt: new Date(first.getTime() + offset * DAY + 60 * MIN),
        materialsReleaseAt: first,
      })),
    );
  return cohort!;
}

const liveSeats = (cohortId: string) =>
  d().$count(
    courseEnrollments,
    and(eq(courseEnrollments.cohortId, cohortId), inArray(courseEnrollments.status, ['held', 'enrolled'])),
  );
const mailsTo = async (email: string) =>
  (await d().select().from(mailOutbox).where(eq(mailOutbox.to, email))).map((m) => m.subject);
const refundsOf = async (sessionId: string) =>
  d().$count(refunds, eq(refunds.paymentId, (await paymentOf(sessionId)).id));
const seatOf = async (id: string) =>
  (await d().select().from(courseEnrollments).where(eq(courseEnrollments.id, id)))[0]!;
const paymentOf = async (sessionId: string) =>
  (await d().select().from(payments).where(eq(payments.stripeCheckoutSessionId, sessionId)))[0]!;

async function heldAndCheckedOut(cohortId: string, now = new Date()) {
  const client = await newClient();
  const hold = await holdSeat({ db: d(), now }, { cohortId, clientId: client.id });
  if (hold.status !== 'held') throw new Error(`expected a hold, got ${hold.status}`);
  await recordApplication({ db: d(), now }, { enrollmentId: hold.enrollmentId, clientId: client.id, answer: '' });
  const url = await startCourseCheckout(
    { db: d(), now },
    { enrollmentId: hold.enrollmentId, clientId: client.id, baseUrl: 'http://test' },
  );
  return { client, enrollmentId: hold.enrollmentId, sessionId: url.split('/').pop()! };
}

async function pay(sessionId: string) {
  expect(await payOnEmulator(emulator.url, sessionId)).toBe(200);
}

async function paidSeat(cohortId: string) {
  const seat = await heldAndCheckedOut(cohortId);
  await pay(seat.sessionId);
  expect(
    await reconcileCheckoutSession(
      { db: d(), now: new Date() },
      await getStripe().checkout.sessions.retrieve(seat.sessionId),
    ),
  ).toBe('confirmed');
  return seat;
}

beforeAll(async () => {
  db.handle = await createTestDatabase();
  const [course] = await d()
    .insert(courses)
    .values({ slug: 'test-course', title: '心理学講座', applicationQuestion: '期待していること' })
    .returning();
  courseId = course!.id;
  emulator = await startAppStripeEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await db.handle?.close();
});

describe('seats are never oversold', () => {
  it('100 concurrent registrations for 12 seats give exactly 12 holds, and the waitlist for the other 88', async () => {
    const cohort = await newCohort(12);
    const clients = await Promise.all(Array.from({ length: 100 }, () => newClient()));
    const now = new Date();
    const results = await Promise.all(
      clients.map((c) => holdSeat({ db: d(), now }, { cohortId: cohort.id, clientId: c.id })),
    );
    expect(results.filter((r) => r.status === 'held')).toHaveLength(12);
    expect(results.filter((r) => r.status === 'full')).toHaveLength(88);
    expect(await liveSeats(cohort.id)).toBe(12);

    // The 88 take the offer of the waitlist; all wait in line, none gets a seat.
    const left = clients.filter((_, i) => results[i]!.status === 'full');
    const joined = await Promise.all(
      left.map((c) => joinWaitlist({ db: d(), now }, { cohortId: cohort.id, clientId: c.id })),
    );
    expect(joined.every((j) => j.status === 'waiting')).toBe(true);
    expect(
      await d().$count(
        courseWaitlist,
        and(eq(courseWaitlist.cohortId, cohort.id), eq(courseWaitlist.status, 'waiting')),
      ),
    ).toBe(88);
    expect(await liveSeats(cohort.id)).toBe(12);
  });

  it('the database itself refuses a seat beyond the capacity, whatever the code asks', async () => {
    const cohort = await newCohort(1);
    const [a, b] = [await newClient(), await newClient()];
    await d()
      .insert(courseEnrollments)
      .values({ cohortId: cohort.id, clientId: a.id, status: 'enrolled', priceYen: 1000 });
    await expect(
      d().insert(courseEnrollments).values({ cohortId: cohort.id, clientId: b.id, status: 'enrolled', priceYen: 1000 }),
    ).rejects.toThrow();
    expect(await liveSeats(cohort.id)).toBe(1);
  });
});

describe('waitlist', () => {
  it('an expired hold frees its seat and promotes the first in line exactly once, with one email', async () => {
    const cohort = await newCohort(2);
    const t0 = new Date();
    const [a, b, first, second, latecomer] = await Promise.all(Array.from({ length: 5 }, () => newClient()));
    await holdSeat({ db: d(), now: t0 }, { cohortId: cohort.id, clientId: a!.id });
    await holdSeat({ db: d(), now: new Date(t0.getTime() + 10 * MIN) }, { cohortId: cohort.id, clientId: b!.id });
    expect((await joinWaitlist({ db: d(), now: t0 }, { cohortId: cohort.id, clientId: first!.id })).status).toBe(
      'waiting',
    );
    expect(
      (await joinWaitlist({ db: d(), now: new Date(t0.getTime() + 1) }, { cohortId: cohort.id, clientId: second!.id }))
        .status,
    ).toBe('waiting');

    // A's hold lapses: the job (twice, racing) and a newcomer's registration all arrive at once.
    const later = new Date(t0.getTime() + 31 * MIN);
    const [, , newcomer] = await Promise.all([
      releaseExpiredSeatHolds({ db: d(), now: later }),
      releaseExpiredSeatHolds({ db: d(), now: later }),
      holdSeat({ db: d(), now: later }, { cohortId: cohort.id, clientId: latecomer!.id }),
    ]);
    expect(newcomer.status).toBe('full');
    const line = await d().select().from(courseWaitlist).where(eq(courseWaitlist.cohortId, cohort.id));
    expect(line.find((e) => e.clientId === first!.id)?.status).toBe('offered');
    expect(line.find((e) => e.clientId === second!.id)?.status).toBe('waiting');
    expect(await mailsTo(first!.email)).toEqual(['【こころの整理室】講座のお席に空きが出ました']);
    expect(await mailsTo(second!.email)).toEqual([]);
    expect(await liveSeats(cohort.id)).toBe(2);

    // The offer holds the seat for 24 hours; unanswered, it passes to the next in line, once.
    const offer = (
      await d()
        .select()
        .from(courseEnrollments)
        .where(and(eq(courseEnrollments.cohortId, cohort.id), eq(courseEnrollments.clientId, first!.id)))
    )[0]!;
    expect(offer.holdExpiresAt!.getTime() - later.getTime()).toBe(DAY);
    const dayLater = new Date(later.getTime() + DAY);
    await Promise.all([
      releaseExpiredSeatHolds({ db: d(), now: dayLater }),
      releaseExpiredSeatHolds({ db: d(), now: dayLater }),
    ]);
    const after = await d().select().from(courseWaitlist).where(eq(courseWaitlist.cohortId, cohort.id));
    expect(after.find((e) => e.clientId === first!.id)?.status).toBe('lapsed');
    expect(after.find((e) => e.clientId === second!.id)?.status).toBe('offered');
    expect(await mailsTo(second!.email)).toHaveLength(1);
    expect(await mailsTo(first!.email)).toHaveLength(1);
  });
});

describe('seats left, as visitors see them', () => {
  it('counts enrolled seats and live holds, not lapsed ones', async () => {
    const cohort = await newCohort(5);
    const t0 = new Date();
    await paidSeat(cohort.id);
    await holdSeat({ db: d(), now: t0 }, { cohortId: cohort.id, clientId: (await newClient()).id });
    const seatsTaken = async (now: Date) =>
      (await getCourseBySlug(d(), 'test-course', now))!.cohorts.find((c) => c.id === cohort.id)!.seatsTaken;
    expect(await seatsTaken(t0)).toBe(2);
    expect(await seatsTaken(new Date(t0.getTime() + 31 * MIN))).toBe(1);
  });

  it('a raised capacity offers the new seat to the first in line at once', async () => {
    const cohort = await newCohort(2);
    for (let i = 0; i < 2; i += 1)
      await holdSeat({ db: d(), now: new Date() }, { cohortId: cohort.id, clientId: (await newClient()).id });
    const waiting = await newClient();
    await joinWaitlist({ db: d(), now: new Date() }, { cohortId: cohort.id, clientId: waiting.id });
    await expect(
      saveCohort(
        { db: d(), now: new Date() },
        {
          id: cohort.id,
          courseId,
          name: cohort.name,
          capacity: 1,
          priceYen: 1000,
          registrationDeadline: toJstLocal(cohort.registrationDeadline),
        },
      ),
    ).rejects.toMatchObject({ code: 'capacity_below_taken' });
    const { offers } = await saveCohort(
      { db: d(), now: new Date() },
      {
        id: cohort.id,
        courseId,
        name: cohort.name,
        capacity: 3,
        priceYen: 33_000,
        registrationDeadline: toJstLocal(cohort.registrationDeadline),
      },
    );
    expect(offers.map((o) => o.clientId)).toEqual([waiting.id]);
    expect(await liveSeats(cohort.id)).toBe(3);
  });

  it('the job offers a seat freed outside a lock (e.g. a seat removed by hand) to the line', async () => {
    const cohort = await newCohort(1);
    const first = await holdSeat(
      { db: d(), now: new Date() },
      { cohortId: cohort.id, clientId: (await newClient()).id },
    );
    const waiting = await newClient();
    await joinWaitlist({ db: d(), now: new Date() }, { cohortId: cohort.id, clientId: waiting.id });
    await d()
      .update(courseEnrollments)
      .set({ status: 'cancelled' })
      .where(eq(courseEnrollments.id, (first as { enrollmentId: string }).enrollmentId));
    expect(await releaseExpiredSeatHolds({ db: d(), now: new Date() })).toBeGreaterThanOrEqual(1);
    expect(await mailsTo(waiting.email)).toEqual(['【こころの整理室】講座のお席に空きが出ました']);
  });
});

describe('payments for seats', () => {
  it('checks out in yen as they are, with discreet metadata, and enrols on payment once, mailing every lesson in one .ics', async () => {
    const cohort = await newCohort(3, 30, 29_800);
    const { client, enrollmentId, sessionId } = await heldAndCheckedOut(cohort.id);
    const session = await getStripe().checkout.sessions.retrieve(sessionId);
    expect(session.amount_total).toBe(29_800);
    expect(session.metadata).toMatchObject({ purpose: 'course', enrollmentId });
    await pay(sessionId);
    const paid = await getStripe().checkout.sessions.retrieve(sessionId);
    expect(await reconcileCheckoutSession({ db: d(), now: new Date() }, paid)).toBe('confirmed');
    expect(await reconcileCheckoutSession({ db: d(), now: new Date() }, paid)).toBe('already');
    expect((await seatOf(enrollmentId)).status).toBe('enrolled');
    const mails = await d().select().from(mailOutbox).where(eq(mailOutbox.to, client.email));
    expect(mails.map((m) => m.subject)).toEqual(['【こころの整理室】講座お申し込みの確認']);
    const ics = Buffer.from(mails[0]!.attachments[0]!.contentBase64, 'base64').toString('utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('a double click on "pay" opens one checkout, never two that could both be paid', async () => {
    const cohort = await newCohort(2);
    const client = await newClient();
    const now = new Date();
    const hold = await holdSeat({ db: d(), now }, { cohortId: cohort.id, clientId: client.id });
    const enrollmentId = (hold as { enrollmentId: string }).enrollmentId;
    await recordApplication({ db: d(), now }, { enrollmentId, clientId: client.id, answer: '' });
    const start = () =>
      startCourseCheckout({ db: d(), now }, { enrollmentId, clientId: client.id, baseUrl: 'http://test' });
    const results = await Promise.allSettled([start(), start(), start()]);
    const urls = new Set(
      results.filter((r): r is PromiseFulfilledResult<string> => r.status === 'fulfilled').map((r) => r.value),
    );
    expect(urls.size).toBe(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'payment_unavailable' });
    expect(
      await d().$count(payments, and(eq(payments.referenceId, enrollmentId), eq(payments.status, 'pending'))),
    ).toBe(1);
    // Once the first is paid (its webhook not yet here), another attempt is refused, not charged again.
    const sessionId = [...urls][0]!.split('/').pop()!;
    await pay(sessionId);
    await expect(start()).rejects.toMatchObject({ code: 'already_paid' });
  });

  it('webhooks for course payments go through the same idempotent handlers: repeats and any order end as if each came once', async () => {
    const cohort = await newCohort(2);
    const before = emulator.events().length;
    const a = await heldAndCheckedOut(cohort.id);
    const b = await heldAndCheckedOut(cohort.id);
    const waiting = await newClient();
    await joinWaitlist({ db: d(), now: new Date() }, { cohortId: cohort.id, clientId: waiting.id });
    await pay(a.sessionId);
    await getStripe().checkout.sessions.expire(b.sessionId);
    const events = emulator.events().slice(before) as Stripe.Event[];
    expect(events.map((e) => e.type).sort()).toEqual(['checkout.session.completed', 'checkout.session.expired']);
    const deliveries = [...events, ...events, ...events].sort(() => Math.random() - 0.5);
    for (let i = 0; i < deliveries.length; i += 2) {
      await Promise.all(deliveries.slice(i, i + 2).map((e) => handleStripeEvent({ db: d(), now: new Date() }, e)));
    }
    expect((await seatOf(a.enrollmentId)).status).toBe('enrolled');
    expect((await paymentOf(a.sessionId)).status).toBe('paid');
    expect((await seatOf(b.enrollmentId)).status).toBe('expired');
    expect((await paymentOf(b.sessionId)).status).toBe('expired');
    expect(await mailsTo(a.client.email)).toEqual(['【こころの整理室】講座お申し込みの確認']);
    // The expired checkout's seat went to the first in line, once.
    expect(await mailsTo(waiting.email)).toEqual(['【こころの整理室】講座のお席に空きが出ました']);
    expect(await liveSeats(cohort.id)).toBe(2);
  });

  it('a payment completing after its cohort was cancelled is refunded in full, not enrolled', async () => {
    const cohort = await newCohort(2);
    const late = await heldAndCheckedOut(cohort.id);
    await pay(late.sessionId);
    // Cancelled by hand in the database, so that no checkout is expired first.
    await d().transaction((tx) => cancelCohort({ db: tx, now: new Date() }, { cohortId: cohort.id }));
    expect(
      await reconcileCheckoutSession(
        { db: d(), now: new Date() },
        await getStripe().checkout.sessions.retrieve(late.sessionId),
      ),
    ).toBe('lost');
    expect(await paymentOf(late.sessionId)).toMatchObject({ status: 'refunded', refundedYen: 33_000 });
    expect((await seatOf(late.enrollmentId)).status).toBe('cancelled');
  });

  it('a payment completing after its seat went to the waitlist is refunded in full, and the client told', async () => {
    const cohort = await newCohort(1);
    const late = await heldAndCheckedOut(cohort.id);
    const waiting = await newClient();
    await joinWaitlist({ db: d(), now: new Date() }, { cohortId: cohort.id, clientId: waiting.id });
    await releaseExpiredSeatHolds({ db: d(), now: new Date(Date.now() + 40 * MIN) });
    await pay(late.sessionId);
    const session = await getStripe().checkout.sessions.retrieve(late.sessionId);
    expect(await reconcileCheckoutSession({ db: d(), now: new Date() }, session)).toBe('lost');
    expect(await reconcileCheckoutSession({ db: d(), now: new Date() }, session)).toBe('lost');
    expect(await paymentOf(late.sessionId)).toMatchObject({ status: 'refunded', refundedYen: 33_000 });
    expect(await mailsTo(late.client.email)).toEqual(['【こころの整理室】講座お申し込みについてのお詫びと返金']);
    expect(await liveSeats(cohort.id)).toBe(1);
  });
});

describe('cancellation', () => {
  it.each([
    [8, 33_000],
    [6, 0],
  ])(
    'a client cancelling %i days before the first lesson is refunded ¥%i, and the freed seat is offered',
    async (days, refund) => {
      const cohort = await newCohort(1, days);
      const seat = await paidSeat(cohort.id);
      const waiting = await newClient();
      await joinWaitlist({ db: d(), now: new Date() }, { cohortId: cohort.id, clientId: waiting.id });
      const terms = await cancelEnrollmentWithRefund(
        { db: d(), now: new Date() },
        { enrollmentId: seat.enrollmentId, by: 'client', clientId: seat.client.id },
      );
      expect(terms.refundYen).toBe(refund);
      expect((await paymentOf(seat.sessionId)).refundedYen).toBe(refund);
      await expect(
        cancelEnrollmentWithRefund(
          { db: d(), now: new Date() },
          { enrollmentId: seat.enrollmentId, by: 'client', clientId: seat.client.id },
        ),
      ).rejects.toMatchObject({ code: 'enrollment_already_cancelled' });
      expect((await paymentOf(seat.sessionId)).refundedYen).toBe(refund);
      expect(await mailsTo(waiting.email)).toEqual(['【こころの整理室】講座のお席に空きが出ました']);
    },
  );

  it('a client cannot cancel another client’s seat: it answers as if the seat did not exist, and the seat stays', async () => {
    const cohort = await newCohort(1, 8);
    const seat = await paidSeat(cohort.id);
    const other = await newClient();
    await expect(
      cancelEnrollmentWithRefund(
        { db: d(), now: new Date() },
        { enrollmentId: seat.enrollmentId, by: 'client', clientId: other.id },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await seatOf(seat.enrollmentId)).status).toBe('enrolled');
    expect((await paymentOf(seat.sessionId)).refundedYen).toBe(0);
  });

  it('a late cancellation (no refund) stays unrefunded when the success page is reloaded or the payment event comes again', async () => {
    const cohort = await newCohort(1, 6);
    const seat = await paidSeat(cohort.id);
    expect(
      (
        await cancelEnrollmentWithRefund(
          { db: d(), now: new Date() },
          { enrollmentId: seat.enrollmentId, by: 'client', clientId: seat.client.id },
        )
      ).refundYen,
    ).toBe(0);
    const session = await getStripe().checkout.sessions.retrieve(seat.sessionId);
    for (let i = 0; i < 3; i++)
      expect(await reconcileCheckoutSession({ db: d(), now: new Date() }, session)).toBe('already');
    const payment = await paymentOf(seat.sessionId);
    expect(payment).toMatchObject({ status: 'paid', refundedYen: 0 });
    expect(await d().$count(refunds, eq(refunds.paymentId, payment.id))).toBe(0);
    expect(await mailsTo(seat.client.email)).not.toContain('【こころの整理室】講座お申し込みについてのお詫びと返金');
  });

  it('a cancelled cohort refunds every paid seat in full, once, and tells everyone', async () => {
    const cohort = await newCohort(4, 3);
    const paid = [await paidSeat(cohort.id), await paidSeat(cohort.id), await paidSeat(cohort.id)];
    const held = await heldAndCheckedOut(cohort.id);
    const waiting = await newClient();
    await joinWaitlist({ db: d(), now: new Date() }, { cohortId: cohort.id, clientId: waiting.id });
    // The counselor presses twice, in two tabs at once: the cohort is cancelled once.
    const [first, second] = await Promise.allSettled(
      [0, 1].map(() => cancelCohortWithRefunds({ db: d(), now: new Date() }, { cohortId: cohort.id })),
    );
    const outcomes = [first!, second!].map((r) => r.status).sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const done = [first!, second!].find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{
      refunded: number;
      told: number;
      untold: number;
    }>;
    expect(done.value).toEqual({ refunded: 3, vouchers: 0, told: 5, untold: 0 });
    for (const seat of paid) {
      const payment = await paymentOf(seat.sessionId);
      expect(payment).toMatchObject({ status: 'refunded', refundedYen: 33_000 });
      expect(await d().$count(refunds, eq(refunds.paymentId, payment.id))).toBe(1);
      expect((await mailsTo(seat.client.email)).sort()).toEqual(
        ['【こころの整理室】講座お申し込みの確認', '【こころの整理室】講座の開講中止のお知らせ'].sort(),
      );
    }
    expect(await mailsTo(waiting.email)).toEqual(['【こころの整理室】講座の開講中止のお知らせ']);
    expect(await liveSeats(cohort.id)).toBe(0);
    // The held seat's open checkout is closed: nobody can pay for a seat that no longer exists.
    expect((await getStripe().checkout.sessions.retrieve(held.sessionId)).status).toBe('expired');
    expect(await payOnEmulator(emulator.url, held.sessionId)).not.toBe(200);
  });
});

describe('the counselor cancels one seat', () => {
  const cancelledMail = '【こころの整理室】講座のキャンセル';

  it('after the first lesson has begun: a client no longer could, the counselor can, refunds in full and tells the client discreetly', async () => {
    const cohort = await newCohort(2, 8);
    const seat = await paidSeat(cohort.id);
    const firstLesson = Date.now() + 8 * DAY;
    const afterFirstLesson = new Date(firstLesson + 2 * DAY);
    await expect(
      cancelEnrollmentWithRefund(
        { db: d(), now: afterFirstLesson },
        { enrollmentId: seat.enrollmentId, by: 'client', clientId: seat.client.id },
      ),
    ).rejects.toMatchObject({ code: 'enrollment_not_cancellable' });

    const terms = await cancelEnrollmentWithRefund(
      { db: d(), now: afterFirstLesson },
      { enrollmentId: seat.enrollmentId, by: 'counselor' },
    );
    expect(terms).toMatchObject({ refundYen: 33_000, full: true });
    expect(await seatOf(seat.enrollmentId)).toMatchObject({ status: 'cancelled', cancelledBy: 'counselor' });
    expect(await paymentOf(seat.sessionId)).toMatchObject({ status: 'refunded', refundedYen: 33_000 });
    expect(await refundsOf(seat.sessionId)).toBe(1);
    const [mail] = await d()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, seat.client.email), eq(mailOutbox.subject, cancelledMail)));
    expect(mail?.text).toContain('カウンセラーの都合により心理学講座のお席をキャンセルさせていただきました');
    expect(mail?.text).toContain('お支払いいただいた33,000円（税込）は全額を返金いたします');
    expect(mail?.text).not.toMatch(/（[^）]*（/);
    expect(mail?.subject).not.toContain('心理学');
  });

  it('a double click (two requests at once) cancels and refunds once; a third says the seat is already cancelled and changes nothing', async () => {
    const cohort = await newCohort(2, 3);
    const seat = await paidSeat(cohort.id);
    const results = await Promise.allSettled(
      [0, 1].map(() =>
        cancelEnrollmentWithRefund({ db: d(), now: new Date() }, { enrollmentId: seat.enrollmentId, by: 'counselor' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      code: 'enrollment_already_cancelled',
    });
    await expect(
      cancelEnrollmentWithRefund({ db: d(), now: new Date() }, { enrollmentId: seat.enrollmentId, by: 'counselor' }),
    ).rejects.toMatchObject({ code: 'enrollment_already_cancelled' });
    expect(await paymentOf(seat.sessionId)).toMatchObject({ status: 'refunded', refundedYen: 33_000 });
    expect(await refundsOf(seat.sessionId)).toBe(1);
    expect((await mailsTo(seat.client.email)).filter((s) => s === cancelledMail)).toHaveLength(1);
  });

  it('inside the last 7 days (when a client would get nothing) refunds in full, and the freed seat is offered to the first in line', async () => {
    const cohort = await newCohort(1, 3);
    const seat = await paidSeat(cohort.id);
    const [first, second] = [await newClient(), await newClient()];
    await joinWaitlist({ db: d(), now: new Date() }, { cohortId: cohort.id, clientId: first.id });
    await joinWaitlist({ db: d(), now: new Date(Date.now() + 1) }, { cohortId: cohort.id, clientId: second.id });
    expect(
      (
        await cancelEnrollmentWithRefund(
          { db: d(), now: new Date() },
          { enrollmentId: seat.enrollmentId, by: 'counselor' },
        )
      ).refundYen,
    ).toBe(33_000);
    expect((await paymentOf(seat.sessionId)).refundedYen).toBe(33_000);
    const line = await d().select().from(courseWaitlist).where(eq(courseWaitlist.cohortId, cohort.id));
    expect(line.find((e) => e.clientId === first.id)?.status).toBe('offered');
    expect(line.find((e) => e.clientId === second.id)?.status).toBe('waiting');
    expect(await mailsTo(first.email)).toEqual(['【こころの整理室】講座のお席に空きが出ました']);
    expect(await mailsTo(second.email)).toEqual([]);
    expect(await liveSeats(cohort.id)).toBe(1);
  });

  describe('cancelSeatAction', () => {
    afterAll(() => {
      caller.current = null;
    });

    it('refuses a client (even the seat’s own) and changes nothing', async () => {
      const cohort = await newCohort(2, 8);
      const seat = await paidSeat(cohort.id);
      caller.current = { id: seat.client.id, role: 'client' };
      expect(await cancelSeatAction({ enrollmentId: seat.enrollmentId })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      expect((await seatOf(seat.enrollmentId)).status).toBe('enrolled');
      expect(await refundsOf(seat.sessionId)).toBe(0);
    });

    it('says so when the participant could not be told, and the cancellation and refund still stand', async () => {
      const cohort = await newCohort(2, 8);
      const seat = await paidSeat(cohort.id);
      unreachable.add(seat.client.email);
      caller.current = { id: (await newClient()).id, role: 'counselor' };
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const result = await cancelSeatAction({ enrollmentId: seat.enrollmentId });
      errors.mockRestore();
      expect(result).toMatchObject({
        ok: true,
        message:
          'お席をキャンセルし、33,000円（税込）を全額返金しました。ご本人へのお知らせのメールはまだ送れていません。自動で送り直します（送れないままのときは管理画面の「今日」にお知らせします）。',
      });
      expect((await seatOf(seat.enrollmentId)).status).toBe('cancelled');
      expect(await refundsOf(seat.sessionId)).toBe(1);
    });

    it('refuses an id that is not a UUID before touching the database', async () => {
      caller.current = { id: (await newClient()).id, role: 'counselor' };
      expect(await cancelSeatAction({ enrollmentId: "1' or '1'='1" })).toMatchObject({
        ok: false,
        code: 'invalid_input',
      });
    });

    it('for the counselor: cancels with the refund in the message; again, says it is already cancelled and refunds nothing more', async () => {
      const cohort = await newCohort(2, 8);
      const seat = await paidSeat(cohort.id);
      caller.current = { id: (await newClient()).id, role: 'counselor' };
      expect(await cancelSeatAction({ enrollmentId: seat.enrollmentId })).toEqual({
        ok: true,
        data: undefined,
        message: 'お席をキャンセルし、33,000円（税込）を全額返金しました。ご本人にはメールでお知らせしました。',
      });
      expect(await cancelSeatAction({ enrollmentId: seat.enrollmentId })).toEqual({
        ok: false,
        code: 'enrollment_already_cancelled',
        error: 'このお席はすでにキャンセルされています。返金が重ねて行われることはありません。',
      });
      expect(await paymentOf(seat.sessionId)).toMatchObject({ status: 'refunded', refundedYen: 33_000 });
      expect(await refundsOf(seat.sessionId)).toBe(1);
    });
  });
});
