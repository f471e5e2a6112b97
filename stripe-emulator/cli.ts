/**
 * Runs the Stripe emulator on its own: `npm run stripe:emulator`. STRIPE_EMULATOR_PORT
 * (default 12111), STRIPE_WEBHOOK_URL (default the app's webhook route) and STRIPE_WEBHOOK_SECRET
 * (default the app's embedded secret) are optional.
 */
import { stripeEmulatorDefaults } from '../lib/env';
import { createStripeEmulator } from './server';

function fail(message: string): never {
  console.error(`stripe-emulator: ${message}`);
  process.exit(1);
}

const port = Number(process.env.STRIPE_EMULATOR_PORT ?? '12111');
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`STRIPE_EMULATOR_PORT is not a port: ${process.env.STRIPE_EMULATOR_PORT}`);
const webhookUrl = process.env.STRIPE_WEBHOOK_URL ?? 'http://localhost:3000/api/stripe/webhook';
// The app's embedded default (lib/env) unless told otherwise, so `npm run dev` needs no setup.
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET || stripeEmulatorDefaults.webhookSecret;
if (!webhookSecret.startsWith('whsec_')) fail('STRIPE_WEBHOOK_SECRET must start with whsec_');

const emulator = await createStripeEmulator({
  port,
  webhookUrl,
  webhookSecret,
  log: (line) => console.log(`stripe-emulator: ${line}`),
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

console.log(`stripe-emulator: listening on ${emulator.url} (webhooks to ${webhookUrl})`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await emulator.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
