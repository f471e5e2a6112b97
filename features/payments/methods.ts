import 'server-only';
import { paymentSettings, type PaymentMethod } from '@/db/schema';
import type { ServiceContext } from '@/lib/service';
import { methodsFor, type OfferedMethods } from './domain/methods';
import { getOfferedMethods } from './queries';

export { getOfferedMethods };

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
