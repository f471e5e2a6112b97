import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { eq } from 'drizzle-orm';
import { packagePurchases, sessionTypes, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { seedBooking } from '@/features/booking/seed';
import { listSessionPackages, saveSessionPackage } from './admin-service';
import { recordPurchase } from './ledger';
import { sessionPackageSchema } from './schemas';

let handle: DatabaseHandle;
let typeIds: string[];

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
  typeIds = (await handle.db.select({ id: sessionTypes.id }).from(sessionTypes).orderBy(sessionTypes.sortOrder)).map(
    (t) => t.id,
  );
});
afterAll(() => handle?.close());
const ctx = () => ({ db: handle.db, now: new Date() });
const input = (over: object = {}) =>
  sessionPackageSchema.parse({
    name: '3回券',
    sessionCount: 3,
    priceYen: 30000,
    validityMonths: 3,
    sessionTypeIds: [typeIds[0], typeIds[1]],
    description: '',
    active: true,
    sortOrder: 1,
    ...over,
  });

describe('package definitions', () => {
  it('are created, edited and deactivated with the session types they cover', async () => {
    const id = await saveSessionPackage(ctx(), input());
    expect(await listSessionPackages(handle.db)).toEqual([
      expect.objectContaining({ id, name: '3回券', sessionCount: 3, priceYen: 30000, validityMonths: 3 }),
    ]);
    expect((await listSessionPackages(handle.db))[0]!.sessionTypeIds.sort()).toEqual([typeIds[0], typeIds[1]].sort());

    await saveSessionPackage(ctx(), input({ id, priceYen: 28000, sessionTypeIds: [typeIds[2]], active: false }));
    expect(await listSessionPackages(handle.db)).toEqual([]);
    expect(await listSessionPackages(handle.db, { includeInactive: true })).toEqual([
      expect.objectContaining({ id, priceYen: 28000, active: false, sessionTypeIds: [typeIds[2]] }),
    ]);
  });

  it('a session type that does not exist is refused, and nothing is saved', async () => {
    const before = (await listSessionPackages(handle.db, { includeInactive: true })).length;
    await expect(
      saveSessionPackage(ctx(), input({ name: '5回券', sessionTypeIds: [crypto.randomUUID()] })),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await listSessionPackages(handle.db, { includeInactive: true })).toHaveLength(before);
  });

  it('a purchase keeps the terms it was sold with when the definition changes', async () => {
    const id = await saveSessionPackage(ctx(), input({ name: '5回券', sessionCount: 5, priceYen: 50000 }));
    const [client] = await handle.db.insert(users).values({ email: 'keep@example.jp' }).returning();
    const purchase = await recordPurchase(handle.db, { clientId: client!.id, packageId: id });
    await saveSessionPackage(
      ctx(),
      input({ id, name: '5回券', sessionCount: 6, priceYen: 45000, sessionTypeIds: [typeIds[3]] }),
    );
    const [kept] = await handle.db.select().from(packagePurchases).where(eq(packagePurchases.id, purchase.id));
    expect(kept).toMatchObject({ name: '5回券', sessionCount: 5, priceYen: 50000, validityMonths: 3 });
    expect(kept!.sessionTypeIds.sort()).toEqual([typeIds[0], typeIds[1]].sort());
  });
});
