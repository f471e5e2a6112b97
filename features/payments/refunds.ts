import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { ServiceContext } from '@/lib/service';
import { payments, refunds } from '@/db/schema';
import { getStripe } from '@/lib/stripe';

/**
 * Records a refund to make; true if it is new. The idempotency key makes repeats harmless. Never
 * more than what is left: the payment less every refund recorded and what was refunded outside
 * the app (the Stripe dashboard), so nothing is refunded twice.
 */
export async function requestRefund(
  db: Db,
  input: { paymentId: string; amountYen: number; reason: string; idempotencyKey: string },
): Promise<boolean> {
  const [left] = await db
    .select({
      // The payment's id is named in full: in a one-table select drizzle writes a bare "id",
      // which inside the subquery is the refund's own id, so earlier refunds were never counted.
      yen: sql<number>`(${payments.amountYen} - ${payments.refundedOutsideYen} - coalesce((select sum(r.amount_yen) from refunds r where r.payment_id = "payments"."id"), 0))::int`,
    })
    .from(payments)
    .where(eq(payments.id, input.paymentId))
    .for('update');
  const amountYen = Math.min(input.amountYen, left?.yen ?? 0);
  if (amountYen <= 0) return false;
  const inserted = await db
    .insert(refunds)
    .values({ ...input, amountYen })
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
      if (marked) await recountRefunded(tx, payment.id, now);
    });
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} refund(s) not accepted by Stripe`);
}

/**
 * The payment's refunded total from what is known to have happened: our refunds Stripe made
 * plus those made outside the app; never lower than recorded (Stripe's `charge.refunded` may
 * have counted a refund of ours before we marked it, so adding would count it twice).
 */
async function recountRefunded(db: Db, paymentId: string, now: Date) {
  const known = sql`least(${payments.amountYen}, ${payments.refundedOutsideYen} + coalesce((select sum(r.amount_yen) from refunds r where r.payment_id = ${payments.id} and r.stripe_refund_id is not null), 0))`;
  const total = sql`greatest(${payments.refundedYen}, ${known})`;
  await db
    .update(payments)
    .set({
      refundedYen: total,
      status: sql`case when ${total} >= ${payments.amountYen} then 'refunded' when ${total} > 0 then 'partially_refunded' else 'paid' end`,
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
