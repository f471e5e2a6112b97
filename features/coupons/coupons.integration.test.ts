import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  bookings,
  courseCohorts,
  courseEnrollments,
  courseLessons,
  courses,
  coupons,
  payments,
  refunds,
  users,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import '@/features/fulfilments';
import { cancelBookingWithRefund, startBookingCheckout } from '@/features/booking/checkout';
import { cancelEnrollmentWithRefund, startCourseCheckout } from '@/features/courses/checkout';
import { setEnrollmentCoupon } from '@/features/courses/coupon';
import { holdSeat, recordApplication } from '@/features/courses/service';
import { setBookingCoupon } from '@/features/booking/coupon';
import { holdSlot } from '@/features/booking/hold';
import { getPayment } from '@/features/booking/payment-history';
import { getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { seedBooking } from '@/features/booking/seed';
import { recordPolicyAgreement } from '@/features/booking/service';
import { reconcileCheckoutSession } from '@/features/payments/service';
import { payOnEmulator, startAppStripeEmulator } from '@/features/payments/testing';
import { listLedger } from '@/features/revenue/queries';
import { paymentsCsv } from '@/features/revenue/csv';
import { periodOf } from '@/features/revenue/domain/period';
import { japanDate } from '@/lib/time';
import { AppError } from '@/lib/errors';
import { getStripe } from '@/lib/stripe';
import { createCoupon, listCoupons, setCouponActive } from './admin-service';
import { couponSchema } from './schemas';

const db = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
vi.mock('@/db', () => ({ getDb: async () => db.handle.db }));

let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;
let counter = 0;
const hour = 60 * 60 * 1000;

beforeAll(async () => {
  db.handle = await createTestDatabase();
  await seedBooking(db.handle.db);
  emulator = await startAppStripeEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await db.handle?.close();
});

const ctx = (now = new Date()) => ({ db: db.handle.db, now });

async function newCoupon(input: Record<string, unknown>) {
  const values = couponSchema.parse({ kind: 'percent', active: true, ...input });
  const id = await createCoupon(ctx(), values);
  return (await db.handle.db.select().from(coupons).where(eq(coupons.id, id)))[0]!;
}

async function newHold(slotIndex: number) {
  counter += 1;
  const [client] = await db.handle.db
    .insert(users)
    .values({
      email: `coupon${counter}@example.jp`,
      familyName: '佐藤',
      givenName: `${counter}`,
      emailVerified: new Date(),
      timeZone: 'Asia/Tokyo',
    })
    .returning();
  const type = (await getSessionTypeBySlug(db.handle.db, 'online-60'))!;
  // Slots a few days out, so a cancellation falls in the table's free or 50% tier as the test needs.
  const slots = await getOpenSlots(db.handle.db, type, new Date());
  const slot = slots.filter((s) => s.start.getTime() - Date.now() > 72 * hour)[slotIndex * 3]!;
  const booking = await holdSlot(ctx(), {
    clientId: client!.id,
    sessionTypeSlug: 'online-60',
    startsAt: slot.start,
    theme: null,
  });
  await recordPolicyAgreement(ctx(), { bookingId: booking.id, clientId: client!.id });
  return { client: client!, booking };
}

const bookingOf = async (id: string) => (await db.handle.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;

async function payWithCoupon(slotIndex: number, code: string) {
  const { client, booking } = await newHold(slotIndex);
  await setBookingCoupon(ctx(), { bookingId: booking.id, clientId: client.id, code });
  const url = await startBookingCheckout(ctx(), { bookingId: booking.id, clientId: client.id, baseUrl: 'http://test' });
  const sessionId = url.split('/').pop()!;
  return { client, booking, sessionId };
}

async function settle(sessionId: string) {
  expect(await payOnEmulator(emulator.url, sessionId)).toBe(200);
  const paid = await getStripe().checkout.sessions.retrieve(sessionId);
  expect(await reconcileCheckoutSession(ctx(), paid)).toBe('confirmed');
  return (await db.handle.db.select().from(payments).where(eq(payments.stripeCheckoutSessionId, sessionId)))[0]!;
}

describe('coupons from the admin to Stripe', () => {
  it('creates the Stripe coupon and promotion code and keeps its row; a second WELCOME10 is refused', async () => {
    const coupon = await newCoupon({ code: 'welcome10', percentOff: '10', maxRedemptions: '5' });
    expect(coupon).toMatchObject({ code: 'WELCOME10', percentOff: 10, amountOffYen: null, active: true });
    const promo = await getStripe().promotionCodes.retrieve(coupon.stripePromotionCodeId);
    expect(promo).toMatchObject({ code: 'WELCOME10', active: true, max_redemptions: 5 });
    expect(promo.promotion.coupon).toMatchObject({ id: coupon.stripeCouponId, percent_off: 10 });
    await expect(newCoupon({ code: 'WELCOME10', percentOff: '20' })).rejects.toThrow(
      'このコードはすでに使われています',
    );
    expect(await db.handle.db.$count(coupons, eq(coupons.code, 'WELCOME10'))).toBe(1);
  });
});

describe('paying with a coupon', () => {
  it('a 10% coupon: Stripe is asked for 9,900円, the payment and the receipt say so, the CSV has the discount', async () => {
    const { booking, sessionId } = await payWithCoupon(0, 'WELCOME10');
    const session = await getStripe().checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({
      amount_subtotal: 11_000,
      amount_total: 9_900,
      total_details: { amount_discount: 1_100 },
    });
    expect(await bookingOf(booking.id)).toMatchObject({ priceYen: 9_900, discountYen: 1_100 });
    const payment = await settle(sessionId);
    expect(payment).toMatchObject({ status: 'paid', amountYen: 9_900, discountYen: 1_100, couponCode: 'WELCOME10' });
    expect(await getPayment(db.handle.db, payment.id)).toMatchObject({
      amountYen: 9_900,
      discountYen: 1_100,
      couponCode: 'WELCOME10',
    });
    const [listed] = (await listCoupons(db.handle.db)).filter((c) => c.code === 'WELCOME10');
    expect(listed!.timesUsed).toBe(1);
    const period = periodOf(japanDate(new Date(Date.now() - 24 * hour)), japanDate(new Date(Date.now() + 24 * hour)));
    const line = (await listLedger(db.handle.db, period)).find(
      (l) => l.paymentId === payment.id && l.kind === 'payment',
    );
    expect(line).toMatchObject({ amountYen: 9_900, discountYen: 1_100, couponCode: 'WELCOME10' });
    const csv = paymentsCsv([line!]);
    expect(csv).toContain('割引（税込・円）');
    expect(csv).toContain(`9900,0,1100,"WELCOME10"`);
  });

  it('a cancellation in the 50% tier keeps half of what was paid: 4,950円 back, never more than 9,900円', async () => {
    const { booking, sessionId } = await payWithCoupon(1, 'WELCOME10');
    const payment = await settle(sessionId);
    const start = (await bookingOf(booking.id)).startsAt;
    // 30 hours before the start: the 48–24 h tier, 50%.
    const terms = await cancelBookingWithRefund(ctx(new Date(start.getTime() - 30 * hour)), {
      bookingId: booking.id,
      by: 'client',
    });
    expect(terms).toMatchObject({ feeYen: 4_950, refundYen: 4_950 });
    const [refund] = await db.handle.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(refund!.amountYen).toBe(4_950);
    const intent = await getStripe().paymentIntents.retrieve(payment.stripePaymentIntentId!, {
      expand: ['latest_charge'],
    });
    expect((intent.latest_charge as { amount_refunded: number }).amount_refunded).toBe(4_950);
  });

  it('the counselor cancelling refunds all that was paid (9,900円), not the list price', async () => {
    const { booking, sessionId } = await payWithCoupon(2, 'WELCOME10');
    const payment = await settle(sessionId);
    const terms = await cancelBookingWithRefund(ctx(), { bookingId: booking.id, by: 'counselor' });
    expect(terms.refundYen).toBe(9_900);
    const after = (await db.handle.db.select().from(payments).where(eq(payments.id, payment.id)))[0]!;
    expect(after).toMatchObject({ status: 'refunded', refundedYen: 9_900 });
  });

  it('changing the coupon after a session was opened closes it and keeps the hold for the new amount', async () => {
    await newCoupon({ code: 'YEN1000', kind: 'amount', amountOffYen: '1000' });
    const { client, booking } = await newHold(3);
    const first = await startBookingCheckout(ctx(), {
      bookingId: booking.id,
      clientId: client.id,
      baseUrl: 'http://t',
    });
    await setBookingCoupon(ctx(), { bookingId: booking.id, clientId: client.id, code: 'yen1000' });
    const second = await startBookingCheckout(ctx(), {
      bookingId: booking.id,
      clientId: client.id,
      baseUrl: 'http://t',
    });
    expect(second).not.toBe(first);
    const old = await getStripe().checkout.sessions.retrieve(first.split('/').pop()!);
    expect(old.status).toBe('expired');
    // The old session's expiry event changes nothing: the hold is the new session's.
    await reconcileCheckoutSession(ctx(), old);
    expect((await bookingOf(booking.id)).status).toBe('held');
    const fresh = await getStripe().checkout.sessions.retrieve(second.split('/').pop()!);
    expect(fresh.amount_total).toBe(10_000);
    const payment = await settle(fresh.id);
    expect(payment).toMatchObject({ amountYen: 10_000, discountYen: 1_000, couponCode: 'YEN1000' });
  });
});

describe('codes that cannot be used', () => {
  async function refusal(code: string) {
    const { client, booking } = await newHold(4 + counter);
    const before = await bookingOf(booking.id);
    const err = await setBookingCoupon(ctx(), { bookingId: booking.id, clientId: client.id, code }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(await bookingOf(booking.id)).toEqual(before);
    return (err as AppError).message;
  }

  it('unknown, inactive, expired and used-up codes are refused in Japanese and change nothing', async () => {
    expect(await refusal('NOSUCH')).toBe('このクーポンコードは見つかりません。入力した文字をお確かめください。');

    const off = await newCoupon({ code: 'PAUSED', percentOff: '10' });
    await setCouponActive(ctx(), { id: off.id, active: false });
    expect((await getStripe().promotionCodes.retrieve(off.stripePromotionCodeId)).active).toBe(false);
    expect(await refusal('PAUSED')).toBe('このクーポンは現在ご利用いただけません。');

    const old = await newCoupon({ code: 'OLD', percentOff: '10' });
    await db.handle.db
      .update(coupons)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(coupons.id, old.id));
    expect(await refusal('OLD')).toBe('このクーポンは有効期限が過ぎています。');

    await newCoupon({ code: 'ONCE', percentOff: '20', maxRedemptions: '1' });
    const used = await payWithCoupon(20, 'ONCE');
    await settle(used.sessionId);
    expect(await refusal('once')).toBe('このクーポンは利用できる回数の上限に達しました。');
  });

  it('a coupon stopped after she applied it is refused when she goes on to pay, and Stripe is asked nothing', async () => {
    const coupon = await newCoupon({ code: 'LATER', percentOff: '15' });
    const { client, booking } = await newHold(24);
    await setBookingCoupon(ctx(), { bookingId: booking.id, clientId: client.id, code: 'LATER' });
    await setCouponActive(ctx(), { id: coupon.id, active: false });
    await expect(
      startBookingCheckout(ctx(), { bookingId: booking.id, clientId: client.id, baseUrl: 'http://t' }),
    ).rejects.toThrow('このクーポンは現在ご利用いただけません。');
    expect(await db.handle.db.$count(payments, eq(payments.referenceId, booking.id))).toBe(0);
  });
});

describe('Stripe refusing a code the app still accepts', () => {
  it('says so in Japanese and charges nothing (the code was stopped in the Stripe dashboard)', async () => {
    const coupon = await newCoupon({ code: 'DASHOFF', percentOff: '10' });
    const { client, booking } = await newHold(26);
    await setBookingCoupon(ctx(), { bookingId: booking.id, clientId: client.id, code: 'DASHOFF' });
    await getStripe().promotionCodes.update(coupon.stripePromotionCodeId, { active: false });
    await expect(
      startBookingCheckout(ctx(), { bookingId: booking.id, clientId: client.id, baseUrl: 'http://t' }),
    ).rejects.toThrow('このクーポンは現在ご利用いただけません。クーポンを外してお進みください。');
    const rows = await db.handle.db.select().from(payments).where(eq(payments.referenceId, booking.id));
    expect(rows.map((p) => [p.status, p.stripeCheckoutSessionId])).toEqual([['failed', null]]);
    // Taking the coupon off, she pays the list price.
    await setBookingCoupon(ctx(), { bookingId: booking.id, clientId: client.id, code: null });
    const url = await startBookingCheckout(ctx(), { bookingId: booking.id, clientId: client.id, baseUrl: 'http://t' });
    expect((await getStripe().checkout.sessions.retrieve(url.split('/').pop()!)).amount_total).toBe(11_000);
  });
});

describe('a course seat with a coupon', () => {
  it('a 3,000円 coupon on a 33,000円 seat: Stripe is asked for 30,000円, the full refund is 30,000円', async () => {
    await newCoupon({ code: 'COURSE3000', kind: 'amount', amountOffYen: '3000' });
    const [course] = await db.handle.db
      .insert(courses)
      .values({ slug: 'coupon-course', title: '心理学講座', applicationQuestion: '期待していること' })
      .returning();
    const first = new Date(Date.now() + 30 * 24 * hour);
    const [cohort] = await db.handle.db
      .insert(courseCohorts)
      .values({
        courseId: course!.id,
        name: '第1期',
        capacity: 5,
        priceYen: 33_000,
        registrationDeadline: new Date(first.getTime() - 24 * hour),
      })
      .returning();
    await db.handle.db.insert(courseLessons).values({
      cohortId: cohort!.id,
      title: '第1回',
      startsAt: first,
      endsAt: new Date(first.getTime() + hour),
      materialsReleaseAt: first,
    });
    const { client } = await newHold(30);
    const hold = await holdSeat(ctx(), { cohortId: cohort!.id, clientId: client.id });
    if (hold.status !== 'held') throw new Error(`expected a hold, got ${hold.status}`);
    await recordApplication(ctx(), { enrollmentId: hold.enrollmentId, clientId: client.id, answer: '' });
    await setEnrollmentCoupon(ctx(), { enrollmentId: hold.enrollmentId, clientId: client.id, code: 'course3000' });
    const seat = (
      await db.handle.db.select().from(courseEnrollments).where(eq(courseEnrollments.id, hold.enrollmentId))
    )[0]!;
    expect(seat).toMatchObject({ priceYen: 30_000, discountYen: 3_000 });
    const url = await startCourseCheckout(ctx(), {
      enrollmentId: hold.enrollmentId,
      clientId: client.id,
      baseUrl: 'http://t',
    });
    const session = await getStripe().checkout.sessions.retrieve(url.split('/').pop()!);
    expect(session).toMatchObject({ amount_subtotal: 33_000, amount_total: 30_000 });
    const payment = await settle(session.id);
    expect(payment).toMatchObject({ amountYen: 30_000, discountYen: 3_000, couponCode: 'COURSE3000' });
    const result = await cancelEnrollmentWithRefund(ctx(), {
      enrollmentId: hold.enrollmentId,
      by: 'client',
      clientId: client.id,
    });
    expect(result.refundYen).toBe(30_000);
    const after = (await db.handle.db.select().from(payments).where(eq(payments.id, payment.id)))[0]!;
    expect(after).toMatchObject({ status: 'refunded', refundedYen: 30_000 });
  });
});
