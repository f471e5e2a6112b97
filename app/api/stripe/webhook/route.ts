import { getDb } from '@/db';
import '@/features/fulfilments';
import { receiveStripeWebhook } from '@/features/payments/webhook-endpoint';

export const dynamic = 'force-dynamic';

/** Stripe's webhook: see receiveStripeWebhook (signature, size limit, what answers 5xx). */
export async function POST(request: Request) {
  return receiveStripeWebhook(request, async () => ({ db: await getDb(), now: new Date() }));
}
