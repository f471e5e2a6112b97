/**
 * A client who already bought a session package (回数券), written into the e2e data folder
 * before the server opens it, through the credit ledger as the purchase's fulfilment does (the
 * purchase journey itself is e2e/packages' business). One per test of e2e/package-booking.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, sessionPackageTypes, sessionPackages, sessionTypes, users } from '@/db/schema';
import { hashPassword } from '@/features/accounts/password';
import { grantCredits, recordPurchase, spendCredit } from '@/features/packages/ledger';
import { cancellationPolicy } from '@/lib/site-config';

/** Named apart from the packages e2e/packages creates (its locators match by substring). */
export const packageClient = {
  email: 'package-client-0@example.jp',
  password: 'package client password 2026',
  packageName: '継続サポート3回',
} as const;

/** A client who booked with a credit 30 hours ahead: cancelling now falls in a fee tier. */
export const lateCreditClient = { email: 'package-client-1@example.jp', password: packageClient.password } as const;

export async function writePackageClients(db: Db, now: Date): Promise<void> {
  const [type] = await db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60'));
  const [definition] = await db
    .insert(sessionPackages)
    .values({ name: packageClient.packageName, sessionCount: 3, priceYen: 30000, validityMonths: 3 })
    .returning();
  await db.insert(sessionPackageTypes).values({ packageId: definition!.id, sessionTypeId: type!.id });
  const passwordHash = await hashPassword(packageClient.password);
  for (const [i, email] of [packageClient.email, lateCreditClient.email].entries()) {
    const [client] = await db
      .insert(users)
      .values({ email, familyName: '継続', givenName: '花子', role: 'client', emailVerified: now, passwordHash })
      .returning();
    await db.transaction(async (tx) => {
      const purchase = await recordPurchase(tx, { clientId: client!.id, packageId: definition!.id });
      await grantCredits(tx, purchase.id, now);
      if (i === 0) return;
      // Booked with a credit (as bookWithCredit leaves it), starting in 30 hours: the 50 % tier.
      const startsAt = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000 + 30 * 3_600_000);
      const endsAt = new Date(startsAt.getTime() + type!.durationMinutes * 60_000);
      const [booking] = await tx
        .insert(bookings)
        .values({
          clientId: client!.id,
          sessionTypeId: type!.id,
          startsAt,
          endsAt,
          blockedUntil: endsAt,
          status: 'confirmed',
          priceYen: type!.priceYen,
          paidWith: 'credit',
          policy: cancellationPolicy.session.map((t) => ({ ...t })),
          policyAgreedAt: now,
        })
        .returning();
      await spendCredit(tx, {
        purchaseId: purchase.id,
        clientId: client!.id,
        bookingId: booking!.id,
        sessionTypeId: type!.id,
        now,
      });
    });
  }
  // Sold no more: it stays out of the way of the counselor's package list in other tests.
  await db.update(sessionPackages).set({ active: false }).where(eq(sessionPackages.id, definition!.id));
}
