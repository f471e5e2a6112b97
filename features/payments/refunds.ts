import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { ServiceContext } from '@/lib/service';
import { payments, refunds } from '@/db/schema';
import { getStripe } from '@/lib/stripe';

/** Records a refund to make; true if it is new. The idempotency key makes repeats harmless. */
export async function requestRefund(
  db: Db,
  input: { paymentId: string; amountYen: number; reason: string; idempotencyKey: string },
): Promise<boolean> {
  if (input.amountYen <= 0) return false;
  const inserted = await db
    .insert(refunds)
    .values(input)
    .onConflictDoNothing({ target: refunds.idempotencyKey })
    .returning({ id: refunds.id });
  return inserted.length > 0;
}

/**
 * Sends every recorded refund that Stripe has not confirmed yet (all, or one payment's).
 * Stripe's idempotency key is ours, so a refund retried after a crash is made once.
 */
export async function submitPendingRefunds({ db, now }: ServiceContext, paymentId?: string): Promise<void> {
  const pending = await db
    .select({ refund: refunds, payment: payments })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(and(isNull(refunds.stripeRefundId), paymentId ? eq(refunds.paymentId, paymentId) : undefined));
  // One refund Stripe refuses must not hold back the others: each is tried, the failures reported at the end.
  const failures: unknown[] = [];
  for (const { refund, payment } of pending) {
    if (!payment.stripePaymentIntentId) continue;
    let result: Awaited<ReturnType<ReturnType<typeof getStripe>['refunds']['create']>>;
    try {
      result = await getStripe().refunds.create(
        {
          payment_intent: payment.stripePaymentIntentId,
          amount: refund.amountYen,
          metadata: { paymentId: payment.id, refundId: refund.id },
        },
        { idempotencyKey: refund.idempotencyKey },
      );
    } catch (err) {
      console.error('[payments] refund not accepted by Stripe; kept for the next try', refund.id, err);
      failures.push(err);
      continue;
    }
    await db.transaction(async (tx) => {
      const [marked] = await tx
        .update(refunds)
        .set({ stripeRefundId: result.id })
        .where(and(eq(refunds.id, refund.id), isNull(refunds.stripeRefundId)))
        .returning({ id: refunds.id });
      if (marked) await addRefunded(tx, payment.id, refund.amountYen, now);
    });
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} refund(s) not accepted by Stripe`);
}

async function addRefunded(db: Db, paymentId: string, amountYen: number, now: Date) {
  await db
    .update(payments)
    .set({
      refundedYen: sql`least(${payments.amountYen}, ${payments.refundedYen} + ${amountYen})`,
      status: sql`case when least(${payments.amountYen}, ${payments.refundedYen} + ${amountYen}) >= ${payments.amountYen} then 'refunded' else 'partially_refunded' end`,
      updatedAt: now,
    })
    .where(and(eq(payments.id, paymentId), inArray(payments.status, ['paid', 'partially_refunded'])));
}

/** Sends one payment's recorded refunds now; if Stripe is unreachable they stay recorded for the retry job. */
export async function submitRefundsSoon({ db, now }: ServiceContext, paymentIds: string[]): Promise<void> {
  for (const paymentId of paymentIds) {
    await submitPendingRefunds({ db, now }, paymentId).catch((err) =>
      console.error('[payments] refund not sent yet', paymentId, err),
    );
  }
}
