import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  bookings,
  mailOutbox,
  packageCredits,
  payments,
  refunds,
  sessionPackageTypes,
  sessionPackages,
  sessionTypes,
  users,
} from '@/db/schema';
import { createTestDatabase, openRacePool } from '@/db/testing';
import '@/features/fulfilments';
import { bookingCredit, usableCreditFor } from '@/features/packages/booking-credit';
import { grantCredits, purchaseBalance, recordPurchase } from '@/features/packages/ledger';
import { AppError, userMessageFor } from '@/lib/errors';
import { DAY_MS, HOUR_MS } from '@/lib/time';
import { bookWithCredit, holdWithPolicy } from './book';
import { cancelBookingWithRefund } from './checkout';
import { getOpenSlots, getSessionTypeBySlug } from './queries';
import { seedBooking } from './seed';
import { confirmPaidBooking, rescheduleBooking } from './service';
import { startBookingCheckout } from './checkout';
import { reconcileCheckoutSession } from '@/features/payments/service';
import { payOnEmulator, startAppStripeEmulator } from '@/features/payments/testing';
import { getStripe } from '@/lib/stripe';

const db = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
vi.mock('@/db', () => ({ getDb: async () => db.handle.db }));

let counter = 0;
let packageId: string;
let onlineTypeId: string;
const slots: { start: Date }[] = [];
let nextSlot = 0;

let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;

beforeAll(async () => {
  db.handle = await createTestDatabase();
  emulator = await startAppStripeEmulator();
  await seedBooking(db.handle.db);
  const type = (await getSessionTypeBySlug(db.handle.db, 'online-60'))!;
  onlineTypeId = type.id;
  const [definition] = await db.handle.db
    .insert(sessionPackages)
    .values({ name: '3回券', sessionCount: 3, priceYen: 30000, validityMonths: 3 })
    .returning();
  packageId = definition!.id;
  await db.handle.db.insert(sessionPackageTypes).values({ packageId, sessionTypeId: type.id });
  await db.handle.db
    .insert(users)
    .values({ email: 'counselor-pack@example.jp', role: 'counselor', emailVerified: new Date() });
  // Open slots at least two hours apart, so that no booking here ever takes another's time.
  for (const slot of await getOpenSlots(db.handle.db, type, new Date()))
    if (slots.every((s) => Math.abs(s.start.getTime() - slot.start.getTime()) >= 2 * HOUR_MS)) slots.push(slot);
});
afterAll(async () => {
  await emulator?.close();
  await db.handle?.close();
});

function takeSlot(): Date {
  const slot = slots[nextSlot++];
  if (!slot) throw new Error('ran out of open slots');
  return slot.start;
}

async function newClient() {
  counter += 1;
  const [user] = await db.handle.db
    .insert(users)
    .values({ email: `credit${counter}@example.jp`, emailVerified: new Date(), timeZone: 'Asia/Tokyo' })
    .returning();
  return user!;
}

/** A client who bought a 3回券 (paid at `paidAt`), through the ledger as the purchase's fulfilment does. */
async function clientWithPackage(paidAt = new Date()) {
  const client = await newClient();
  const purchaseId = await db.handle.db.transaction(async (tx) => {
    const purchase = await recordPurchase(tx, { clientId: client.id, packageId });
    await grantCredits(tx, purchase.id, paidAt);
    return purchase.id;
  });
  return { client, purchaseId };
}

const book = (clientId: string, purchaseId: string, startsAt = takeSlot(), now = new Date()) =>
  bookWithCredit(
    { db: db.handle.db, now },
    { clientId, purchaseId, sessionTypeSlug: 'online-60', startsAt, theme: null },
  );

const remaining = async (purchaseId: string) => (await purchaseBalance(db.handle.db, purchaseId, new Date())).remaining;

async function bookingRow(id: string) {
  const [row] = await db.handle.db.select().from(bookings).where(eq(bookings.id, id));
  return row!;
}

async function mailsTo(email: string) {
  return db.handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
}

describe('booking with a session package (回数券)', () => {
  it('three bookings spend three credits, each confirmed at once as paid by credit with the usual mails; a fourth is refused and leaves nothing behind', async () => {
    const { client, purchaseId } = await clientWithPackage();
    expect(
      await usableCreditFor(db.handle.db, { clientId: client.id, sessionTypeId: onlineTypeId, now: new Date() }),
    ).toMatchObject({ purchaseId, name: '3回券', remaining: 3 });

    const booked: { id: string }[] = [];
    for (let i = 0; i < 3; i++) booked.push(await book(client.id, purchaseId));
    for (const b of booked) {
      const row = await bookingRow(b.id);
      expect(row).toMatchObject({ status: 'confirmed', paidWith: 'credit', holdExpiresAt: null, clientId: client.id });
      expect(row.policyAgreedAt).not.toBeNull();
      expect(row.policy).not.toBeNull();
    }
    expect(await remaining(purchaseId)).toBe(0);
    // No payment, no Checkout for any of them.
    expect(
      await db.handle.db.$count(
        payments,
        inArray(
          payments.referenceId,
          booked.map((b) => b.id),
        ),
      ),
    ).toBe(0);
    // The client's confirmation says the credit was used and what is left; the counselor is told too.
    const mails = await mailsTo(client.email);
    expect(mails.map((m) => m.subject)).toEqual(Array(3).fill('【こころの整理室】ご予約の確認'));
    expect(mails.map((m) => m.text.match(/回数券の残り：(\d)回/)?.[1]).sort()).toEqual(['0', '1', '2']);
    expect(mails[0]!.text).toContain('回数券（3回券）を1回分使用');
    const notices = await mailsTo('counselor-pack@example.jp');
    const forThese = notices.filter((m) => booked.some((b) => m.text.includes(b.id)));
    expect(forThese).toHaveLength(3);
    expect(forThese[0]!.text).toContain('回数券でのご予約です');

    const fourth = takeSlot();
    const before = await db.handle.db.$count(bookings, eq(bookings.clientId, client.id));
    const refused = await book(client.id, purchaseId, fourth).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('no_credits');
    expect(userMessageFor(refused).message).toBe(
      'この回数券の残り回数がありません。通常のお支払いでご予約いただけます。',
    );
    // No booking, no hold: the time stays open for anyone.
    expect(await db.handle.db.$count(bookings, eq(bookings.clientId, client.id))).toBe(before);
    expect(await db.handle.db.$count(bookings, eq(bookings.startsAt, fourth))).toBe(0);
    expect(
      await usableCreditFor(db.handle.db, { clientId: client.id, sessionTypeId: onlineTypeId, now: new Date() }),
    ).toBeUndefined();
  });

  it('a client who held a time then chooses her credit books that same hold, and a refused credit keeps her hold', async () => {
    const { client, purchaseId } = await clientWithPackage();
    const startsAt = takeSlot();
    const now = new Date();
    const held = await holdWithPolicy(
      { db: db.handle.db, now },
      { clientId: client.id, sessionTypeSlug: 'online-60', startsAt, theme: null },
    );
    // Someone else's package is refused like one that does not exist; her hold is untouched.
    const other = await clientWithPackage();
    await expect(book(client.id, other.purchaseId, startsAt)).rejects.toMatchObject({ code: 'not_found' });
    expect(await bookingRow(held.id)).toMatchObject({ status: 'held' });

    const booked = await book(client.id, purchaseId, startsAt);
    expect(booked.id).toBe(held.id);
    expect(await bookingRow(held.id)).toMatchObject({ status: 'confirmed', paidWith: 'credit' });
    expect(await remaining(purchaseId)).toBe(2);
  });

  it('a hold whose Checkout was opened: the credit closes that Checkout, and a payment arriving anyway is refunded as lost', async () => {
    const { client, purchaseId } = await clientWithPackage();
    const startsAt = takeSlot();
    const ctx = { db: db.handle.db, now: new Date() };
    const held = await holdWithPolicy(ctx, {
      clientId: client.id,
      sessionTypeSlug: 'online-60',
      startsAt,
      theme: null,
    });
    const url = await startBookingCheckout(ctx, { bookingId: held.id, clientId: client.id, baseUrl: 'http://test' });
    const sessionId = url.split('/').pop()!;
    expect((await getStripe().checkout.sessions.retrieve(sessionId)).status).toBe('open');

    await book(client.id, purchaseId, startsAt);
    expect((await getStripe().checkout.sessions.retrieve(sessionId)).status).toBe('expired');
    expect(await confirmPaidBooking(ctx, held.id)).toBe('lost');
    expect(await bookingRow(held.id)).toMatchObject({ status: 'confirmed', paidWith: 'credit' });
  });

  it('a payment that completed on the open Checkout before the credit booking is refunded in full, once, and she is told', async () => {
    const { client, purchaseId } = await clientWithPackage();
    const startsAt = takeSlot();
    const ctx = { db: db.handle.db, now: new Date() };
    const held = await holdWithPolicy(ctx, {
      clientId: client.id,
      sessionTypeSlug: 'online-60',
      startsAt,
      theme: null,
    });
    const url = await startBookingCheckout(ctx, { bookingId: held.id, clientId: client.id, baseUrl: 'http://test' });
    const sessionId = url.split('/').pop()!;
    expect(await payOnEmulator(emulator.url, sessionId)).toBe(200);
    // Her other tab books with the credit before the payment is reconciled.
    await book(client.id, purchaseId, startsAt);
    const session = await getStripe().checkout.sessions.retrieve(sessionId);
    await reconcileCheckoutSession(ctx, session);
    await reconcileCheckoutSession(ctx, session);
    expect(await bookingRow(held.id)).toMatchObject({ status: 'confirmed', paidWith: 'credit' });
    expect(await remaining(purchaseId)).toBe(2);
    const [payment] = await db.handle.db.select().from(payments).where(eq(payments.referenceId, held.id));
    expect(
      await db.handle.db.select({ yen: refunds.amountYen }).from(refunds).where(eq(refunds.paymentId, payment!.id)),
    ).toEqual([{ yen: 11000 }]);
    const told = (await mailsTo(client.email)).filter((m) => m.subject === '【こころの整理室】お支払いの返金');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('回数券でお取りしているため');
  });

  it('an expired package cannot be used: nothing is booked', async () => {
    const { client, purchaseId } = await clientWithPackage(new Date(Date.now() - 120 * DAY_MS));
    expect(
      await usableCreditFor(db.handle.db, { clientId: client.id, sessionTypeId: onlineTypeId, now: new Date() }),
    ).toBeUndefined();
    const startsAt = takeSlot();
    const err = await book(client.id, purchaseId, startsAt).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('package_expired');
    expect(userMessageFor(err).message).toContain('有効期限が切れています');
    expect(await db.handle.db.$count(bookings, eq(bookings.clientId, client.id))).toBe(0);
  });

  it('a package not covering the session type is refused', async () => {
    const { client, purchaseId } = await clientWithPackage();
    const types = await db.handle.db.select().from(sessionTypes);
    const uncovered = types.find((t) => t.id !== onlineTypeId && t.active)!;
    expect(uncovered).toBeDefined();
    const open = await getOpenSlots(db.handle.db, uncovered, new Date());
    // A time from the end of this file's pool that the other type offers too.
    const index = slots.findLastIndex((p) => open.some((o) => o.start.getTime() === p.start.getTime()));
    const [slot] = slots.splice(index, 1);
    expect(slot).toBeDefined();
    await expect(
      bookWithCredit(
        { db: db.handle.db, now: new Date() },
        { clientId: client.id, purchaseId, sessionTypeSlug: uncovered.slug, startsAt: slot!.start, theme: null },
      ),
    ).rejects.toMatchObject({ code: 'package_not_covered' });
    expect(await db.handle.db.$count(bookings, eq(bookings.clientId, client.id))).toBe(0);
  });
});

describe('cancelling a session booked with a credit', () => {
  it('in the free tier, the client gets the credit back and no yen; the booking says so', async () => {
    const { client, purchaseId } = await clientWithPackage();
    const booking = await book(client.id, purchaseId);
    expect(await remaining(purchaseId)).toBe(2);
    const now = new Date(booking.startsAt.getTime() - 72 * HOUR_MS);
    const terms = await cancelBookingWithRefund(
      { db: db.handle.db, now },
      { bookingId: booking.id, by: 'client', expectedFeeYen: 0 },
    );
    expect(terms.credit).toBe('returned');
    expect(await remaining(purchaseId)).toBe(3);
    expect(await bookingCredit(db.handle.db, booking.id, new Date())).toMatchObject({
      state: 'returned',
      remaining: 3,
    });
    expect(await db.handle.db.$count(payments, eq(payments.referenceId, booking.id))).toBe(0);
    const [mail] = (await mailsTo(client.email)).filter((m) => m.subject.includes('キャンセル'));
    expect(mail!.text).toContain('回数券の1回分をお戻ししました。回数券の残りは3回です。');
  });

  it('in a fee tier, the credit is used up (no yen refund), and a repeated cancellation changes nothing', async () => {
    const { client, purchaseId } = await clientWithPackage();
    const booking = await book(client.id, purchaseId);
    const now = new Date(booking.startsAt.getTime() - 30 * HOUR_MS); // 50 % tier
    const terms = await cancelBookingWithRefund({ db: db.handle.db, now }, { bookingId: booking.id, by: 'client' });
    expect(terms.credit).toBe('used');
    expect(await remaining(purchaseId)).toBe(2);
    expect(await bookingCredit(db.handle.db, booking.id, new Date())).toMatchObject({ state: 'used' });
    await expect(
      cancelBookingWithRefund({ db: db.handle.db, now }, { bookingId: booking.id, by: 'client' }),
    ).rejects.toMatchObject({ code: 'not_cancellable' });
    expect(await remaining(purchaseId)).toBe(2);
    const [mail] = (await mailsTo(client.email)).filter((m) => m.subject.includes('キャンセル'));
    expect(mail!.text).toContain('回数券の1回分は使用済みになりました');
  });

  it('the counselor’s cancellation always returns the credit, even an hour before', async () => {
    const { client, purchaseId } = await clientWithPackage();
    const booking = await book(client.id, purchaseId);
    const now = new Date(booking.startsAt.getTime() - HOUR_MS);
    const terms = await cancelBookingWithRefund({ db: db.handle.db, now }, { bookingId: booking.id, by: 'counselor' });
    expect(terms.credit).toBe('returned');
    expect(await remaining(purchaseId)).toBe(3);
    const returns = await db.handle.db.$count(
      packageCredits,
      and(eq(packageCredits.bookingId, booking.id), eq(packageCredits.kind, 'return')),
    );
    expect(returns).toBe(1);
  });

  it('rescheduling a credit booking keeps the credit: nothing is spent or returned', async () => {
    const { client, purchaseId } = await clientWithPackage();
    const booking = await book(client.id, purchaseId);
    const to = takeSlot();
    await rescheduleBooking(
      { db: db.handle.db, now: new Date() },
      { bookingId: booking.id, clientId: client.id, startsAt: to },
    );
    expect(await bookingRow(booking.id)).toMatchObject({ status: 'confirmed', paidWith: 'credit', startsAt: to });
    expect(await remaining(purchaseId)).toBe(2);
    expect(await db.handle.db.$count(packageCredits, eq(packageCredits.bookingId, booking.id))).toBe(1);
  });
});

describe('the last credit under a rush', () => {
  it('50 concurrent bookings of different free slots with the last credit give exactly one booking', async () => {
    const { client, purchaseId } = await clientWithPackage();
    await book(client.id, purchaseId);
    await book(client.id, purchaseId);
    const targets = Array.from({ length: 50 }, () => takeSlot());
    // A bounded pool of its own (racePoolSize connections): that many transactions are open at
    // once, the others queue for a connection, and all 50 still race for the one credit.
    const race = await openRacePool(db.handle);
    try {
      const outcomes = await Promise.allSettled(
        targets.map((startsAt) =>
          bookWithCredit(
            { db: race.db, now: new Date() },
            { clientId: client.id, purchaseId, sessionTypeSlug: 'online-60', startsAt, theme: null },
          ),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(new Set(lost.map((o) => (o.reason as { code?: string }).code ?? String(o.reason)))).toEqual(
        new Set(['no_credits']),
      );
    } finally {
      if (race !== db.handle) await race.close();
    }
    expect(await remaining(purchaseId)).toBe(0);
    // Three bookings in all, every one confirmed; no hold of the racers is left behind.
    const rows = await db.handle.db.select().from(bookings).where(eq(bookings.clientId, client.id));
    expect(rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
  });
});
