import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { paymentSettings, type PaymentMethod } from '@/db/schema';
import type { ServiceContext } from '@/lib/service';
import { methodsFor, noExtraMethods, type OfferedMethods } from './domain/methods';

/** Which methods the counselor switched on besides card; card only until she does (no row yet). */
export async function getOfferedMethods(db: Db): Promise<OfferedMethods> {
  const [row] = await db.select().from(paymentSettings).where(eq(paymentSettings.id, 1)).limit(1);
  return row ? { konbini: row.konbiniEnabled, paypay: row.paypayEnabled } : noExtraMethods;
}

export async function saveOfferedMethods({ db, now }: ServiceContext, offered: OfferedMethods): Promise<void> {
  const values = { konbiniEnabled: offered.konbini, paypayEnabled: offered.paypay, updatedAt: now };
  await db
    .insert(paymentSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: paymentSettings.id, set: values });
}

/**
 * The methods a checkout opened now offers for something starting at `startsAt` (a session's
 * start, a course's first lesson or deadline): the settings through methodsFor.
 */
export async function checkoutMethodsFor({ db, now }: ServiceContext, startsAt: Date): Promise<PaymentMethod[]> {
  return methodsFor({ offered: await getOfferedMethods(db), startsAt, now });
}
