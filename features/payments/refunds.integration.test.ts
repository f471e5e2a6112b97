import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { payments, refunds } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { requestRefund } from './refunds';

let handle: DatabaseHandle;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

async function paidPayment(over: Partial<typeof payments.$inferInsert> = {}) {
  n += 1;
  const [row] = await handle.db
    .insert(payments)
    .values({
      purpose: 'booking',
      referenceId: crypto.randomUUID(),
      amountYen: 11_000,
      status: 'paid',
      paidAt: new Date(),
      stripeCheckoutSessionId: `cs_refunds_${n}`,
      stripePaymentIntentId: `pi_refunds_${n}`,
      ...over,
    })
    .returning();
  return row!;
}

const recorded = async (paymentId: string) =>
  (await handle.db.select().from(refunds).where(eq(refunds.paymentId, paymentId))).map((r) => r.amountYen).sort();

describe('requestRefund', () => {
  it('never records more than what is left after the refunds already recorded', async () => {
    const payment = await paidPayment();
    const base = { paymentId: payment.id, reason: 'test' };
    expect(await requestRefund(handle.db, { ...base, amountYen: 5_000, idempotencyKey: `a-${payment.id}` })).toBe(true);
    expect(await requestRefund(handle.db, { ...base, amountYen: 11_000, idempotencyKey: `b-${payment.id}` })).toBe(
      true,
    );
    expect(await requestRefund(handle.db, { ...base, amountYen: 1, idempotencyKey: `c-${payment.id}` })).toBe(false);
    expect(await recorded(payment.id)).toEqual([5_000, 6_000]);
  });

  it('counts what was refunded in the Stripe dashboard too', async () => {
    const payment = await paidPayment({ refundedYen: 3_000, refundedOutsideYen: 3_000, status: 'partially_refunded' });
    const base = { paymentId: payment.id, reason: 'test' };
    await requestRefund(handle.db, { ...base, amountYen: 11_000, idempotencyKey: `a-${payment.id}` });
    expect(await recorded(payment.id)).toEqual([8_000]);
  });
});
