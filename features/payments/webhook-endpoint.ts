import 'server-only';
import type Stripe from 'stripe';
import type { ServiceContext } from '@/lib/service';
import { getStripe, webhookSecret } from '@/lib/stripe';
import { handleStripeEvent } from './webhooks';

/** Stripe's events are a few kilobytes; nothing legitimate comes near this. */
export const maxWebhookBytes = 1024 * 1024;

/**
 * The body as text, or `null` as soon as it is known to be over `maxBytes`: from its declared
 * `Content-Length`, or while it streams in (a chunked body declares none), so an oversized
 * body is never held whole.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<string | null> {
  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= maxBytes)) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Stripe's webhook. The caller is Stripe, proven by the signature over the raw body (400
 * without a valid one, 413 over 1 MB). An event that can never succeed (no data, an object
 * this site does not know) is answered 2xx with a log line, so Stripe does not retry it for
 * days; only a failure that may pass (database, network) answers 500 so that Stripe retries.
 */
export async function receiveStripeWebhook(
  request: Request,
  context: () => Promise<ServiceContext>,
): Promise<Response> {
  const signature = request.headers.get('stripe-signature');
  const body = await readBodyWithin(request, maxWebhookBytes);
  if (body === null) return Response.json({ error: 'body too large' }, { status: 413 });
  if (!signature) return Response.json({ error: 'missing signature' }, { status: 400 });
  let event: Stripe.Event;
  try {
    event = getStripe().webhooks.constructEvent(body, signature, webhookSecret());
  } catch {
    return Response.json({ error: 'invalid signature' }, { status: 400 });
  }
  try {
    const result = await handleStripeEvent(await context(), event);
    return Response.json({ received: true, result });
  } catch (err) {
    console.error(`[stripe] ${event.type} ${event.id} failed; Stripe will deliver it again`, err);
    return Response.json({ error: 'processing failed' }, { status: 500 });
  }
}
