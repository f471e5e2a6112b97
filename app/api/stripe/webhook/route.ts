import { serviceContext } from '@/lib/data';
import '@/features/fulfilments';
import { handleStripeEvent } from '@/features/payments/webhooks';
import { getStripe, webhookSecret } from '@/lib/stripe';

export const dynamic = 'force-dynamic';

/**
 * Stripe's webhook. The caller is Stripe, proven by the signature over the raw body (400
 * without a valid one); failures answer 500 so that Stripe retries.
 */
export async function POST(request: Request) {
  const signature = request.headers.get('stripe-signature');
  if (!signature) return Response.json({ error: 'missing signature' }, { status: 400 });
  const body = await request.text();
  let event;
  try {
    event = getStripe().webhooks.constructEvent(body, signature, webhookSecret());
  } catch {
    return Response.json({ error: 'invalid signature' }, { status: 400 });
  }
  try {
    const result = await handleStripeEvent(await serviceContext(), event);
    return Response.json({ received: true, result });
  } catch (err) {
    console.error(`[stripe] ${event.type} ${event.id} failed`, err);
    return Response.json({ error: 'processing failed' }, { status: 500 });
  }
}
