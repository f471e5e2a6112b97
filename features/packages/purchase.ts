import 'server-only';
import { and, desc, eq, gt, inArray, notExists, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { packageCredits, packagePurchases, payments, refunds, sessionPackages, users } from '@/db/schema';
import { deliverQueued, queueNotice } from '@/features/mail/notice';
import { openCheckout } from '@/features/payments/checkout';
import { checkoutMethodsFor } from '@/features/payments/methods';
import { requestRefund, submitRefundsSoon } from '@/features/payments/refunds';
import { paidPaymentsFor } from '@/features/payments/service';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '@/lib/service';
import { absoluteUrl } from '@/lib/site-url';
import { unusedRefundYen } from './domain/rules';
import { closeForRefund, lockPurchase, purchaseBalance, recordPurchase } from './ledger';
import { packageMails } from './mails';

/** How long the Checkout page of a package stays open (Stripe's minimum is 30 minutes). */
const checkoutMinutes = 60;

/** An unpaid purchase of the same package is reused for this long, so a second click opens the same checkout. */
const reuseUnpaidMs = 24 * 60 * 60 * 1000;

/**
 * Starts buying a package through Stripe Checkout, as a signed-in client. The purchase is
 * recorded first, with a copy of the package's terms as sold now (what she sees on Stripe's page
 * is what she gets); its credits are granted only when the payment arrives (fulfilment.ts).
 * A purchase of the same package on the same terms, started in the last day and never paid, is
 * reused, so going back and pressing again opens the same checkout instead of a second one.
 */
export async function startPackageCheckout(
  { db, now }: ServiceContext,
  input: { packageId: string; clientId: string; baseUrl: string },
): Promise<string> {
  const purchase = await db.transaction(async (tx) => {
    // One client's buying is serialised, so two clicks find the same unpaid purchase.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`package-buy:${input.clientId}`}))`);
    const [definition] = await tx
      .select()
      .from(sessionPackages)
      .where(and(eq(sessionPackages.id, input.packageId), eq(sessionPackages.active, true)));
    if (!definition) throw new AppError('not_found', 'この回数券は現在お取り扱いしていません。');
    const [unpaid] = await tx
      .select()
      .from(packagePurchases)
      .where(
        and(
          eq(packagePurchases.clientId, input.clientId),
          eq(packagePurchases.packageId, definition.id),
          eq(packagePurchases.name, definition.name),
          eq(packagePurchases.sessionCount, definition.sessionCount),
          eq(packagePurchases.priceYen, definition.priceYen),
          eq(packagePurchases.validityMonths, definition.validityMonths),
          gt(packagePurchases.createdAt, new Date(now.getTime() - reuseUnpaidMs)),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(packageCredits)
              .where(eq(packageCredits.purchaseId, packagePurchases.id)),
          ),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(payments)
              .where(
                and(
                  eq(payments.purpose, 'package'),
                  eq(payments.referenceId, packagePurchases.id),
                  inArray(payments.status, ['paid', 'partially_refunded', 'refunded']),
                ),
              ),
          ),
        ),
      )
      .orderBy(desc(packagePurchases.createdAt))
      .limit(1);
    return unpaid ?? (await recordPurchase(tx, { clientId: input.clientId, packageId: definition.id }));
  });
  const [client] = await db.select({ email: users.email }).from(users).where(eq(users.id, input.clientId));
  if (!client) throw new AppError('not_found');
  return openCheckout(
    { db, now },
    {
      purpose: 'package',
      referenceId: purchase.id,
      metadata: { purchaseId: purchase.id },
      clientId: input.clientId,
      email: client.email,
      amountYen: purchase.priceYen,
      name: `回数券：${purchase.name}・${purchase.sessionCount}回分`,
      statementDescriptor: 'SESSION',
      // Methods paid at once (card, and PayPay when offered): with nothing to start on a date, konbini's
      // days-ahead rule is measured from now, so it is not offered for a package.
      paymentMethodTypes: await checkoutMethodsFor({ db, now }, now),
      expiresAt: new Date(now.getTime() + checkoutMinutes * 60_000),
      successUrl: `${input.baseUrl}/packages/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${input.baseUrl}/packages/${purchase.packageId}?cancelled=1`,
    },
  );
}

/** What is left of a payment to refund: its amount less every refund recorded and those made outside the app. */
async function refundableYen(db: Db, paymentId: string): Promise<number> {
  const [row] = await db
    .select({
      yen: sql<number>`(${payments.amountYen} - ${payments.refundedOutsideYen} - coalesce((select sum(r.amount_yen) from ${refunds} r where r.payment_id = ${payments.id}), 0))::int`,
    })
    .from(payments)
    .where(eq(payments.id, paymentId));
  return Math.max(0, row?.yen ?? 0);
}

export type UnusedRefundPreview = { unused: number; refundYen: number };

/**
 * What refunding the unused part would give back now (the counselor's confirmation step): the
 * unused credits and rules.ts's amount, never more than what is left of the payment.
 */
export async function previewUnusedRefund(
  { db, now }: ServiceContext,
  purchaseId: string,
): Promise<UnusedRefundPreview | undefined> {
  const [purchase] = await db.select().from(packagePurchases).where(eq(packagePurchases.id, purchaseId));
  if (!purchase) return undefined;
  const { remaining } = await purchaseBalance(db, purchaseId, now);
  const [payment] = await paidPaymentsFor(db, 'package', [purchaseId]);
  if (remaining === 0 || !payment) return { unused: 0, refundYen: 0 };
  const computed = unusedRefundYen({
    priceYen: purchase.priceYen,
    sessionCount: purchase.sessionCount,
    unused: remaining,
  });
  return { unused: remaining, refundYen: Math.min(computed, await refundableYen(db, payment.id)) };
}

/**
 * The counselor refunds the unused part of a package: in one transaction under the purchase's
 * lock, the credits left are closed (ledger `refund` row), the refund is recorded with its
 * idempotency key and the client's mail queued; after the commit the refund goes to Stripe.
 * `expectedUnused` is what the confirmation showed: if a booking took a credit meanwhile the
 * amount would differ, so nothing is done and she is asked to look again. Pressed twice, the
 * second finds nothing left and records nothing.
 */
export async function refundUnusedCredits(
  { db, now }: ServiceContext,
  input: { purchaseId: string; expectedUnused: number },
): Promise<{ status: 'refunded' | 'already'; unused: number; refundYen: number }> {
  const result = await db.transaction(async (tx) => {
    const purchase = await lockPurchase(tx, input.purchaseId);
    const { remaining } = await purchaseBalance(tx, input.purchaseId, now);
    if (remaining === 0) {
      const [closed] = await tx
        .select({ id: packageCredits.id })
        .from(packageCredits)
        .where(and(eq(packageCredits.purchaseId, purchase.id), eq(packageCredits.kind, 'refund')))
        .limit(1);
      if (closed) return { status: 'already' as const, unused: 0, refundYen: 0, paymentId: null, queued: [] };
    }
    if (remaining !== input.expectedUnused)
      throw new AppError(
        'invalid_input',
        '残りの回数が変わりました。画面を読み込み直して、返金額をもう一度ご確認ください。',
      );
    const [payment] = await paidPaymentsFor(tx, 'package', [purchase.id]);
    if (!payment) throw new AppError('invalid_input', 'この回数券には返金できるお支払いがありません。');
    const { unused, refundYen } = await closeForRefund(tx, purchase.id, now);
    const key = `package-unused-${purchase.id}`;
    await requestRefund(tx, {
      paymentId: payment.id,
      amountYen: refundYen,
      reason: 'unused package credits refunded by counselor',
      idempotencyKey: key,
    });
    const [recorded] = await tx
      .select({ amountYen: refunds.amountYen })
      .from(refunds)
      .where(eq(refunds.idempotencyKey, key));
    const refunded = recorded?.amountYen ?? 0;
    const [client] = purchase.clientId
      ? await tx.select({ email: users.email }).from(users).where(eq(users.id, purchase.clientId))
      : [];
    const queued = client
      ? await queueNotice(
          tx,
          {
            to: client.email,
            ...packageMails.unusedRefunded({
              name: purchase.name,
              unused,
              refundYen: refunded,
              url: absoluteUrl('/portal/packages'),
            }),
          },
          `package ${purchase.id} unused part refunded`,
          `package-unused-refunded:${purchase.id}`,
        )
      : [];
    return { status: 'refunded' as const, unused, refundYen: refunded, paymentId: payment.id, queued };
  });
  if (result.paymentId) await submitRefundsSoon({ db, now }, [result.paymentId]);
  await deliverQueued(db, result.queued);
  return { status: result.status, unused: result.unused, refundYen: result.refundYen };
}
