import { serviceContext } from '@/lib/data';
import '@/features/fulfilments';
import { receiveStripeWebhook } from '@/features/payments/webhook-endpoint';

export const dynamic = 'force-dynamic';

/** Stripe's webhook: see receiveStripeWebhook (signature, size limit, what answers 5xx). */
export async function POST(request: Request) {
  return receiveStripeWebhook(request, serviceContext);
}
