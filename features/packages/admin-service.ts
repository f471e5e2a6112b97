import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessionPackageTypes, sessionPackages, sessionTypes } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '@/lib/service';
import type { SessionPackageValues } from './schemas';

/** The package definitions with the session types each covers, in the counselor's order. */
export async function listSessionPackages(db: Db, options: { includeInactive?: boolean } = {}) {
  const packages = await db
    .select()
    .from(sessionPackages)
    .where(options.includeInactive ? undefined : eq(sessionPackages.active, true))
    .orderBy(asc(sessionPackages.sortOrder), asc(sessionPackages.createdAt));
  if (packages.length === 0) return [];
  const covered = await db
    .select()
    .from(sessionPackageTypes)
    .where(
      inArray(
        sessionPackageTypes.packageId,
        packages.map((p) => p.id),
      ),
    );
  return packages.map((p) => ({
    ...p,
    sessionTypeIds: covered.filter((c) => c.packageId === p.id).map((c) => c.sessionTypeId),
  }));
}

/**
 * Creates or updates a package definition and the session types it covers, in one
 * transaction. A change applies to purchases from then on: a bought package keeps its copy.
 * Deactivating stops the sale; bought credits stay valid.
 */
export async function saveSessionPackage({ db, now }: ServiceContext, input: SessionPackageValues): Promise<string> {
  const { id, sessionTypeIds, ...values } = input;
  const typeIds = [...new Set(sessionTypeIds)];
  return db.transaction(async (tx) => {
    const known = await tx.$count(sessionTypes, inArray(sessionTypes.id, typeIds));
    if (known !== typeIds.length) throw new AppError('invalid_input', 'セッションの種類を一覧から選んでください。');
    let packageId: string;
    if (id) {
      const [updated] = await tx
        .update(sessionPackages)
        .set({ ...values, updatedAt: now })
        .where(eq(sessionPackages.id, id))
        .returning({ id: sessionPackages.id });
      if (!updated) throw new AppError('not_found');
      packageId = updated.id;
      await tx.delete(sessionPackageTypes).where(eq(sessionPackageTypes.packageId, packageId));
    } else {
      const [created] = await tx
        .insert(sessionPackages)
        .values({ ...values, createdAt: now, updatedAt: now })
        .returning({ id: sessionPackages.id });
      packageId = created!.id;
    }
    await tx.insert(sessionPackageTypes).values(typeIds.map((sessionTypeId) => ({ packageId, sessionTypeId })));
    return packageId;
  });
}
