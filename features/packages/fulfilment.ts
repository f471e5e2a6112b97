import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { packageCredits, packagePurchases, type Payment, payments, sessionTypes, users } from '@/db/schema';
import { queueNotice } from '@/features/mail/notice';
import { noticePackagePurchased } from '@/features/notifications/triggers';
import type { Fulfilment } from '@/features/payments/fulfilment';
import { absoluteUrl } from '@/lib/site-url';
import { formatDateJa, practiceTimeZone } from '@/lib/time';
import { lastUsableInstant } from './domain/rules';
import { closeForRefund, grantCredits, lockPurchase } from './ledger';
import { packageMails } from './mails';

/**
 * In the transaction that records the payment as paid: grants the purchase's credits, valid from
 * the payment's time. A payment is moved to paid once (payments guards it), so a replayed event
 * or a reload of the success page never comes here twice for it. A purchase whose credits were
 * already granted was paid by another checkout (two tabs): that second payment is answered as
 * `lost`, and payments refunds it in full — the credits are granted once and the money taken once.
 */
async function confirmPackagePaid({ db, now }: { db: Db; now: Date }, purchaseId: string) {
  await lockPurchase(db, purchaseId);
  const [granted] = await db
    .select({ id: packageCredits.id })
    .from(packageCredits)
    .where(and(eq(packageCredits.purchaseId, purchaseId), eq(packageCredits.kind, 'grant')))
    .limit(1);
  if (granted) return 'lost' as const;
  // The first payment recorded as paid for it (the one being confirmed): validity runs from its time.
  const [payment] = await db
    .select({ paidAt: payments.paidAt })
    .from(payments)
    .where(
      and(
        eq(payments.purpose, 'package'),
        eq(payments.referenceId, purchaseId),
        inArray(payments.status, ['paid', 'partially_refunded', 'refunded']),
      ),
    )
    .orderBy(asc(payments.paidAt))
    .limit(1);
  await grantCredits(db, purchaseId, payment?.paidAt ?? now);
  return 'confirmed' as const;
}

async function purchaseWithClient(db: Db, purchaseId: string) {
  const [row] = await db
    .select({ purchase: packagePurchases, email: users.email })
    .from(packagePurchases)
    .innerJoin(users, eq(users.id, packagePurchases.clientId))
    .where(eq(packagePurchases.id, purchaseId));
  return row;
}

/** In the confirming transaction: the client's confirmation, with the sessions and the last day. */
async function queuePurchased(db: Db, purchaseId: string): Promise<string[]> {
  const row = await purchaseWithClient(db, purchaseId);
  if (!row) return [];
  const { purchase } = row;
  const [grant] = await db
    .select({ expiresAt: packageCredits.expiresAt })
    .from(packageCredits)
    .where(and(eq(packageCredits.purchaseId, purchaseId), eq(packageCredits.kind, 'grant')));
  const covers =
    purchase.sessionTypeIds.length === 0
      ? []
      : await db
          .select({ name: sessionTypes.name })
          .from(sessionTypes)
          .where(inArray(sessionTypes.id, purchase.sessionTypeIds))
          .orderBy(asc(sessionTypes.name));
  return queueNotice(
    db,
    {
      to: row.email,
      ...packageMails.purchased({
        name: purchase.name,
        sessionCount: purchase.sessionCount,
        priceYen: purchase.priceYen,
        lastDay: grant?.expiresAt ? formatDateJa(lastUsableInstant(grant.expiresAt), practiceTimeZone) : '',
        covers: covers.map((c) => c.name),
        url: absoluteUrl('/portal/packages'),
      }),
    },
    `package ${purchaseId} purchased`,
    `package-purchased:${purchaseId}`,
  );
}

/** A second payment for a purchase already paid: refunded in full; say so. */
async function queueDuplicateRefunded(db: Db, payment: Payment): Promise<string[]> {
  const row = await purchaseWithClient(db, payment.referenceId);
  if (!row) return [];
  return queueNotice(
    db,
    {
      to: row.email,
      ...packageMails.duplicateRefunded({
        name: row.purchase.name,
        amountYen: payment.amountYen,
        url: absoluteUrl('/portal/packages'),
      }),
    },
    `payment ${payment.id} refunded as a duplicate package payment`,
    `payment-lost:${payment.id}`,
  );
}

/** What a package's payment does (registered in features/fulfilments.ts). Nothing is held while she pays. */
export const packageFulfilment: Fulfilment = {
  confirmPaid: confirmPackagePaid,
  release: async () => {},
  notifyConfirmed: async (ctx, purchaseId) => [
    ...(await queuePurchased(ctx.db, purchaseId)),
    ...(await noticePackagePurchased(ctx, purchaseId)),
  ],
  notifyLost: async (ctx, payment) => queueDuplicateRefunded(ctx.db, payment),
  // Refunded in the Stripe dashboard: what is left of it can no longer be booked (the counselor decides the rest).
  markRefundedOutside: async ({ db, now }, purchaseId) => {
    await closeForRefund(db, purchaseId, now);
  },
  lostRefundReason: 'package already paid by another checkout',
};
