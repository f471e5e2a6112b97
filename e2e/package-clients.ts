/**
 * A client who already bought a session package (回数券), written into the e2e data folder
 * before the server opens it, through the credit ledger as the purchase's fulfilment does (the
 * purchase journey itself is e2e/packages' business). One per test of e2e/package-booking.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessionPackageTypes, sessionPackages, sessionTypes, users } from '@/db/schema';
import { hashPassword } from '@/features/accounts/password';
import { grantCredits, recordPurchase } from '@/features/packages/ledger';

/** Named apart from the packages e2e/packages creates (its locators match by substring). */
export const packageClient = {
  email: 'package-client-0@example.jp',
  password: 'package client password 2026',
  packageName: '継続サポート3回',
} as const;

export async function writePackageClients(db: Db, now: Date): Promise<void> {
  const [type] = await db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60'));
  const [definition] = await db
    .insert(sessionPackages)
    .values({ name: packageClient.packageName, sessionCount: 3, priceYen: 30000, validityMonths: 3 })
    .returning();
  await db.insert(sessionPackageTypes).values({ packageId: definition!.id, sessionTypeId: type!.id });
  const [client] = await db
    .insert(users)
    .values({
      email: packageClient.email,
      familyName: '継続',
      givenName: '花子',
      role: 'client',
      emailVerified: now,
      passwordHash: await hashPassword(packageClient.password),
    })
    .returning();
  await db.transaction(async (tx) => {
    const purchase = await recordPurchase(tx, { clientId: client!.id, packageId: definition!.id });
    await grantCredits(tx, purchase.id, now);
  });
  // Sold no more: it stays out of the way of the counselor's package list in other tests.
  await db.update(sessionPackages).set({ active: false }).where(eq(sessionPackages.id, definition!.id));
}
