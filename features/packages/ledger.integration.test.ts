import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, packageCredits, sessionPackageTypes, sessionPackages, sessionTypes, users } from '@/db/schema';
import { createTestDatabase, openRacePool } from '@/db/testing';
import { seedBooking } from '@/features/booking/seed';
import { cancellationPolicy } from '@/lib/site-config';
import { DAY_MS, HOUR_MS } from '@/lib/time';
import {
  closeForRefund,
  expireCredits,
  grantCredits,
  purchaseBalance,
  recordPurchase,
  returnCredit,
  settleCreditOnCancellation,
  spendCredit,
} from './ledger';

let handle: DatabaseHandle;
let clientId: string;
let packageId: string;
let covered: { id: string };
let other: { id: string };
const paidAt = new Date('2026-12-03T05:00:00Z'); // 14:00 JST; 3 months → expires 2027-03-04 00:00 JST
const expiry = new Date('2027-03-03T15:00:00Z');
const soon = new Date('2026-12-10T05:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
  [covered, other] = (await handle.db
    .select({ id: sessionTypes.id })
    .from(sessionTypes)
    .orderBy(sessionTypes.sortOrder)) as [{ id: string }, { id: string }];
  const [client] = await handle.db
    .insert(users)
    .values({ email: 'pack@example.jp', familyName: '佐藤', givenName: '花子', emailVerified: new Date() })
    .returning();
  clientId = client!.id;
  const [definition] = await handle.db
    .insert(sessionPackages)
    .values({ name: '3回券', sessionCount: 3, priceYen: 30000, validityMonths: 3 })
    .returning();
  packageId = definition!.id;
  await handle.db.insert(sessionPackageTypes).values({ packageId, sessionTypeId: covered.id });
});
afterAll(() => handle?.close());

let bookingHour = 0;
/** Bookings of the covered type, an hour apart (the ledger needs real bookings to point at). */
async function newBookings(n: number, sessionTypeId = covered.id): Promise<string[]> {
  const rows = Array.from({ length: n }, () => {
    bookingHour += 2;
    const startsAt = new Date(Date.UTC(2027, 0, 1) + bookingHour * HOUR_MS);
    return {
      clientId,
      sessionTypeId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + HOUR_MS),
      blockedUntil: new Date(startsAt.getTime() + HOUR_MS),
      status: 'confirmed' as const,
      priceYen: 11000,
    };
  });
  return (await handle.db.insert(bookings).values(rows).returning({ id: bookings.id })).map((b) => b.id);
}

async function paidPurchase(): Promise<string> {
  return handle.db.transaction(async (tx) => {
    const purchase = await recordPurchase(tx, { clientId, packageId });
    await grantCredits(tx, purchase.id, paidAt);
    return purchase.id;
  });
}

const spend = (purchaseId: string, bookingId: string, now = soon, sessionTypeId = covered.id, client = clientId) =>
  handle.db.transaction((tx) => spendCredit(tx, { purchaseId, clientId: client, bookingId, sessionTypeId, now }));

describe('the credit ledger', () => {
  it('the balance is the sum of the ledger: three bookings spend three credits, a fourth is refused', async () => {
    const purchaseId = await paidPurchase();
    expect(await purchaseBalance(handle.db, purchaseId, soon)).toMatchObject({
      granted: 3,
      remaining: 3,
      expiresAt: expiry,
    });
    const [a, b, c, d] = await newBookings(4);
    expect((await spend(purchaseId, a!)).remaining).toBe(2);
    await spend(purchaseId, b!);
    await spend(purchaseId, c!);
    await expect(spend(purchaseId, d!)).rejects.toMatchObject({ code: 'no_credits' });
    const rows = await handle.db.select().from(packageCredits).where(eq(packageCredits.purchaseId, purchaseId));
    expect(rows.map((r) => [r.kind, r.delta]).sort()).toEqual([
      ['grant', 3],
      ['use', -1],
      ['use', -1],
      ['use', -1],
    ]);
    expect(await purchaseBalance(handle.db, purchaseId, soon)).toMatchObject({ remaining: 0 });
  });

  it('a second grant for the same purchase (a repeated fulfilment) changes nothing', async () => {
    const purchaseId = await paidPurchase();
    await handle.db.transaction((tx) => grantCredits(tx, purchaseId, new Date(paidAt.getTime() + DAY_MS)));
    expect(await purchaseBalance(handle.db, purchaseId, soon)).toMatchObject({
      granted: 3,
      remaining: 3,
      expiresAt: expiry,
    });
  });

  it('the same booking spends one credit however often it is asked', async () => {
    const purchaseId = await paidPurchase();
    const [a] = await newBookings(1);
    await spend(purchaseId, a!);
    await spend(purchaseId, a!);
    expect((await purchaseBalance(handle.db, purchaseId, soon)).remaining).toBe(2);
  });

  it('expired credits do not count and cannot be spent; the expiry is written once', async () => {
    const purchaseId = await paidPurchase();
    const [a, b] = await newBookings(2);
    await spend(purchaseId, a!);
    expect((await purchaseBalance(handle.db, purchaseId, new Date(expiry.getTime() - 1))).remaining).toBe(2);
    expect(await purchaseBalance(handle.db, purchaseId, expiry)).toMatchObject({
      remaining: 0,
      expired: true,
      lapsed: 2,
    });
    await expect(spend(purchaseId, b!, expiry)).rejects.toMatchObject({ code: 'package_expired' });
    expect(await handle.db.transaction((tx) => expireCredits(tx, purchaseId, expiry))).toBe(2);
    expect(await handle.db.transaction((tx) => expireCredits(tx, purchaseId, expiry))).toBe(0);
    expect(await purchaseBalance(handle.db, purchaseId, expiry)).toMatchObject({ remaining: 0, lapsed: 2 });
  });

  it('a session type the package does not cover is refused', async () => {
    const purchaseId = await paidPurchase();
    const [a] = await newBookings(1, other.id);
    await expect(spend(purchaseId, a!, soon, other.id)).rejects.toMatchObject({ code: 'package_not_covered' });
  });

  it('a returned credit can be spent again, and a booking returns its credit once only', async () => {
    const purchaseId = await paidPurchase();
    const [a, b, c, d] = await newBookings(4);
    await spend(purchaseId, a!);
    await spend(purchaseId, b!);
    await spend(purchaseId, c!);
    await handle.db.transaction((tx) => returnCredit(tx, { bookingId: b!, now: soon }));
    await handle.db.transaction((tx) => returnCredit(tx, { bookingId: b!, now: soon }));
    expect((await purchaseBalance(handle.db, purchaseId, soon)).remaining).toBe(1);
    expect((await spend(purchaseId, d!)).remaining).toBe(0);
    expect(await handle.db.transaction((tx) => returnCredit(tx, { bookingId: crypto.randomUUID(), now: soon }))).toBe(
      null,
    );
  });

  it('a cancellation returns the credit in the free tier and by the counselor, not in a fee tier', async () => {
    const purchaseId = await paidPurchase();
    const [a, b, c] = await newBookings(3);
    for (const id of [a!, b!, c!]) await spend(purchaseId, id);
    const startsAt = new Date(soon.getTime() + 72 * HOUR_MS);
    const settle = (bookingId: string, now: Date, cancelledBy: 'client' | 'counselor') =>
      handle.db.transaction((tx) =>
        settleCreditOnCancellation(tx, { bookingId, policy: cancellationPolicy.session, startsAt, now, cancelledBy }),
      );
    expect(await settle(a!, soon, 'client')).toEqual({ outcome: 'returned', refundYen: 0 }); // 72 h before: free
    expect(await settle(b!, new Date(startsAt.getTime() - 30 * HOUR_MS), 'client')).toEqual({
      outcome: 'used',
      refundYen: 0,
    }); // 50 % tier
    expect(await settle(c!, new Date(startsAt.getTime() - HOUR_MS), 'counselor')).toEqual({
      outcome: 'returned',
      refundYen: 0,
    });
    expect((await purchaseBalance(handle.db, purchaseId, soon)).remaining).toBe(2);
  });

  it('a refund of the unused part closes the purchase and computes the amount', async () => {
    const purchaseId = await paidPurchase();
    const [a, b] = await newBookings(2);
    await spend(purchaseId, a!);
    expect(await handle.db.transaction((tx) => closeForRefund(tx, purchaseId, soon))).toEqual({
      unused: 2,
      refundYen: 20000,
    });
    await expect(spend(purchaseId, b!)).rejects.toMatchObject({ code: 'package_refunded' });
    expect(await handle.db.transaction((tx) => closeForRefund(tx, purchaseId, soon))).toEqual({
      unused: 0,
      refundYen: 0,
    });
  });

  it('a credit given back after the refund of the unused part is refunded too, never booked with', async () => {
    const purchaseId = await paidPurchase(); // 3 for 30,000円
    const [a, b] = await newBookings(2);
    await spend(purchaseId, a!);
    expect(await handle.db.transaction((tx) => closeForRefund(tx, purchaseId, soon))).toEqual({
      unused: 2,
      refundYen: 20000,
    });
    // The counselor then cancels the booking that used a credit: it comes back only as money.
    const back = await handle.db.transaction((tx) => returnCredit(tx, { bookingId: a!, now: soon }));
    expect(back).toMatchObject({ remaining: 0, refundYen: 10000 });
    await expect(spend(purchaseId, b!)).rejects.toMatchObject({ code: 'package_refunded' });
    // Returned again (a retried cancellation): nothing more to refund.
    expect(await handle.db.transaction((tx) => returnCredit(tx, { bookingId: a!, now: soon }))).toMatchObject({
      remaining: 0,
      refundYen: 0,
    });
  });

  it("another client's purchase cannot be spent, and is answered as one that does not exist", async () => {
    const purchaseId = await paidPurchase();
    const [a] = await newBookings(1);
    const [stranger] = await handle.db
      .insert(users)
      .values({ email: 'stranger@example.jp', familyName: '田中', givenName: '一郎', emailVerified: new Date() })
      .returning();
    await expect(spend(purchaseId, a!, soon, covered.id, stranger!.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await purchaseBalance(handle.db, purchaseId, soon)).remaining).toBe(3);
  });

  it('50 concurrent spends of the last credit give exactly one; the others are told nothing is left', async () => {
    const purchaseId = await paidPurchase();
    const [first, second, ...racers] = await newBookings(52);
    await spend(purchaseId, first!);
    await spend(purchaseId, second!);
    // A bounded pool of its own (racePoolSize connections): that many transactions are open at
    // once, the others queue for a connection, and all 50 still race for the last credit.
    const race = await openRacePool(handle);
    try {
      const outcomes = await Promise.allSettled(
        racers.map((bookingId) =>
          race.db.transaction((tx) =>
            spendCredit(tx, { purchaseId, clientId, bookingId, sessionTypeId: covered.id, now: soon }),
          ),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.map((o) => (o.reason as { code?: string }).code)).toEqual(Array(49).fill('no_credits'));
    } finally {
      if (race !== handle) await race.close();
    }
    const uses = await handle.db.$count(packageCredits, eq(packageCredits.purchaseId, purchaseId));
    expect(uses).toBe(4); // the grant and three uses
    expect((await purchaseBalance(handle.db, purchaseId, soon)).remaining).toBe(0);
  });
});
