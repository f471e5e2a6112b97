import 'server-only';
import { stripeEmulatorDefaults } from '@/lib/env';
import { createStripeEmulator } from '@/stripe-emulator/server';

/** For integration tests: a Stripe emulator on a free port, with the app's Stripe client pointed at it. */
export async function startAppStripeEmulator() {
  const emulator = await createStripeEmulator({ port: 0, webhookSecret: stripeEmulatorDefaults.webhookSecret });
  process.env.STRIPE_EMULATOR_URL = emulator.url;
  (globalThis as { __stripe?: unknown }).__stripe = undefined;
  return emulator;
}

/** Pays an open Checkout Session on the emulator, as its hosted page would; the HTTP status of the attempt. */
export async function payOnEmulator(
  emulatorUrl: string,
  sessionId: string,
  card = '4242424242424242',
): Promise<number> {
  const response = await fetch(`${emulatorUrl}/_emulator/checkout/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card, expiry: '12/34', cvc: '123' }),
  });
  return response.status;
}
