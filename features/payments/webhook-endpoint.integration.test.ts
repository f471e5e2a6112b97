import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { stripeEvents } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { stripeEmulatorDefaults } from '@/lib/env';
import { getStripe } from '@/lib/stripe';
import { startAppStripeEmulator } from './testing';
import { maxWebhookBytes, receiveStripeWebhook } from './webhook-endpoint';

let handle: DatabaseHandle;
let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;
const context = async () => ({ db: handle.db, now: new Date() });
let counter = 0;

/** A request as Stripe sends it: the event signed with the webhook secret. */
function signed(event: Record<string, unknown>) {
  const payload = JSON.stringify(event);
  const header = getStripe().webhooks.generateTestHeaderString({
    payload,
    secret: stripeEmulatorDefaults.webhookSecret,
  });
  return new Request('http://test/api/stripe/webhook', {
    method: 'POST',
    headers: { 'stripe-signature': header, 'content-type': 'application/json' },
    body: payload,
  });
}

function event(type: string, data: unknown) {
  counter += 1;
  return { id: `evt_robust_${counter}`, object: 'event', type, api_version: '2025-01-01', created: 1, data };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  emulator = await startAppStripeEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await handle?.close();
});

describe('the Stripe webhook endpoint (issue #14.6)', () => {
  it('refuses a body declared over 1 MB with 413 without reading it', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request('http://test/api/stripe/webhook', {
      method: 'POST',
      headers: { 'content-length': String(100 * 1024 * 1024), 'stripe-signature': 't=1,v1=00' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect((await receiveStripeWebhook(request, context)).status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('refuses a streamed body (no Content-Length) with 413 once it passes 1 MB, never reading it whole', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 100 * 1024 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
      },
    });
    const request = new Request('http://test/api/stripe/webhook', {
      method: 'POST',
      headers: { 'stripe-signature': 't=1,v1=00' },
      body,
      duplex: 'half',
    } as RequestInit);
    const started = performance.now();
    const response = await receiveStripeWebhook(request, context);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(maxWebhookBytes + 4 * 64 * 1024);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('still answers 400 to a small unsigned or forged body', async () => {
    const unsigned = new Request('http://test/api/stripe/webhook', { method: 'POST', body: '{}' });
    expect((await receiveStripeWebhook(unsigned, context)).status).toBe(400);
    const forged = new Request('http://test/api/stripe/webhook', {
      method: 'POST',
      headers: { 'stripe-signature': 't=1,v1=00' },
      body: '{}',
    });
    expect((await receiveStripeWebhook(forged, context)).status).toBe(400);
  });

  it('answers 2xx (and logs) to signed events that can never succeed, and records them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cases = [
      event('checkout.session.completed', {}),
      event('charge.refunded', null),
      event('checkout.session.completed', { object: { id: 'cs_test_unknown', object: 'checkout.session' } }),
      event('checkout.session.async_payment_failed', { object: { id: 'cs_test_unknown2' } }),
      // A PaymentIntent neither this site nor Stripe knows (Stripe answers 404).
      event('charge.refunded', {
        object: { id: 'ch_unknown', object: 'charge', payment_intent: 'pi_unknown', amount_refunded: 1 },
      }),
    ];
    for (const e of cases) {
      const response = await receiveStripeWebhook(signed(e), context);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ received: true, result: 'unusable' });
      expect(await handle.db.$count(stripeEvents, eq(stripeEvents.id, e.id))).toBe(1);
    }
    expect(warn).toHaveBeenCalledTimes(cases.length);
    warn.mockRestore();
  });

  it('keeps 500 for a failure that may pass (the database unreachable), so Stripe delivers again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const e = event('checkout.session.completed', { object: { id: 'cs_test_x', object: 'checkout.session' } });
    const response = await receiveStripeWebhook(signed(e), async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    });
    expect(response.status).toBe(500);
    expect(await handle.db.$count(stripeEvents, eq(stripeEvents.id, e.id))).toBe(0);
    error.mockRestore();
  });
});
