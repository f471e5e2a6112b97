/** Test fixtures: an emulator on a free port, the real SDK pointed at it, and a signature-checking webhook receiver. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { createStripeEmulator, type StripeEmulatorOptions } from './server';

export const webhookSecret = 'whsec_emulator_test_secret';

export type Receiver = {
  url: string;
  /** Every delivery whose signature verified, in arrival order (retries included). */
  deliveries: Stripe.Event[];
  signatureFailures: number;
  close(): Promise<void>;
};

/** `status(attempt)` decides the answer to the n-th delivery (1-based); 200 by default. */
export async function startReceiver(status: (attempt: number) => number = () => 200): Promise<Receiver> {
  const verifier = new Stripe('sk_test_receiver');
  const receiver: Receiver = { url: '', deliveries: [], signatureFailures: 0, close: async () => {} };
  let attempts = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      try {
        receiver.deliveries.push(
          verifier.webhooks.constructEvent(raw, req.headers['stripe-signature'] ?? '', webhookSecret),
        );
      } catch {
        receiver.signatureFailures += 1;
        res.writeHead(400).end();
        return;
      }
      attempts += 1;
      res.writeHead(status(attempts)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stripe/webhook`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

export async function startEmulator(
  options: Partial<StripeEmulatorOptions> & { receiverStatus?: (attempt: number) => number } = {},
) {
  const receiver = await startReceiver(options.receiverStatus);
  const emulator = await createStripeEmulator({
    webhookUrl: receiver.url,
    webhookSecret,
    retrySchedule: [20, 40, 80],
    ...options,
  });
  const stripe = new Stripe('sk_test_emulator', {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  return {
    emulator,
    receiver,
    stripe,
    async close() {
      await emulator.close();
      await receiver.close();
    },
  };
}

export async function waitFor<T>(read: () => T | undefined | false, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sessionParams = (
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  line_items: [
    {
      price_data: {
        currency: 'jpy',
        unit_amount: 11_000,
        product_data: { name: '個人セッション（60分）', description: 'オンライン' },
      },
      quantity: 1,
    },
  ],
  customer_email: 'client@example.jp',
  client_reference_id: 'booking_123',
  metadata: { bookingId: 'booking_123' },
  payment_intent_data: { metadata: { bookingId: 'booking_123' } },
  success_url: 'http://localhost:3000/book/success?session_id={CHECKOUT_SESSION_ID}',
  cancel_url: 'http://localhost:3000/book/cancel',
  locale: 'ja',
  ...overrides,
});

/** Submits the hosted page's form the way a browser does, without following the redirect. */
export function submitCard(url: string, card: string, extra: Record<string, string> = { expiry: '12/34', cvc: '123' }) {
  return fetch(url, { method: 'POST', body: new URLSearchParams({ card_number: card, ...extra }), redirect: 'manual' });
}
