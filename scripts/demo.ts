/**
 * `npm run demo`: the production build, served by `next start` on embedded parts (PGlite in
 * .data/demo, the Stripe emulator, the mail outbox). `--no-build` reuses the last build.
 * SIGINT/SIGTERM stop the server's whole process group, then the emulator.
 */
import { stripeEmulatorDefaults } from '../lib/env';
import { createStripeEmulator } from '../stripe-emulator/server';
import { buildForProduction, nextBin } from './lib/next-build';
import { runGroup } from './lib/process-group';

const port = process.env.PORT || '3000';
const emulatorUrl = new URL(process.env.STRIPE_EMULATOR_URL || stripeEmulatorDefaults.url);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  EMBEDDED_DEFAULTS: '1',
  DATA_DIR: process.env.DATA_DIR || '.data/demo',
  STRIPE_EMULATOR_URL: emulatorUrl.toString(),
};
if (!process.argv.includes('--no-build')) buildForProduction(env);

const emulator = await createStripeEmulator({
  port: Number(emulatorUrl.port),
  webhookUrl: `http://localhost:${port}/api/stripe/webhook`,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || stripeEmulatorDefaults.webhookSecret,
});
console.log(
  `[demo] production build on embedded parts: PGlite in ${env.DATA_DIR}, Stripe emulator at ${emulator.url}, mail at /dev/mail`,
);
console.log(`[demo] http://localhost:${port}  (counselor: counselor@example.jp / demo-counselor-2026)`);

runGroup(process.execPath, [nextBin, 'start', '--port', port], { env, onExit: () => emulator.close() });
