/**
 * `npm run dev`: `next dev` on embedded parts with the Stripe emulator beside it.
 * SIGINT/SIGTERM stop the dev server's whole process group (no next-server left holding the
 * port and the data folder), then the emulator.
 */
import { stripeEmulatorDefaults } from '../lib/env';
import { createStripeEmulator } from '../stripe-emulator/server';
import { nextBin } from './lib/next-build';
import { runGroup } from './lib/process-group';

const port = process.env.PORT || '3000';
const emulatorUrl = new URL(process.env.STRIPE_EMULATOR_URL || stripeEmulatorDefaults.url);
const emulator = await createStripeEmulator({
  port: Number(emulatorUrl.port),
  webhookUrl: `http://localhost:${port}/api/stripe/webhook`,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || stripeEmulatorDefaults.webhookSecret,
  log: (line) => console.log(`stripe-emulator: ${line}`),
});
console.log(`stripe-emulator: listening on ${emulator.url}`);

runGroup(process.execPath, [nextBin, 'dev', '--port', port, ...process.argv.slice(2)], {
  env: { ...process.env, STRIPE_EMULATOR_URL: emulatorUrl.toString() },
  onExit: () => emulator.close(),
});
