import { defineConfig } from '@playwright/test';
import { chromiumArgs, findBrowser } from './e2e/browser';

// scripts/e2e.ts builds the app, picks a free port and a fresh data folder, and sets these.
const port = Number(process.env.E2E_PORT || 3200);
const stripePort = Number(process.env.E2E_STRIPE_PORT || 12211);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  // Fixtures reach server modules (db client, seeds): server-only maps to a stub, as in scripts.
  tsconfig: './tsconfig.scripts.json',
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    launchOptions: { ...findBrowser(), args: chromiumArgs },
  },
  projects: [
    {
      name: 'phone',
      use: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
  webServer: [
    {
      command: 'npx tsx stripe-emulator/cli.ts',
      url: `http://127.0.0.1:${stripePort}/_emulator/events`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { STRIPE_EMULATOR_PORT: String(stripePort), STRIPE_WEBHOOK_URL: `${baseURL}/api/stripe/webhook` },
    },
    {
      command: `npx next start --port ${port}`,
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        NODE_ENV: 'production',
        EMBEDDED_DEFAULTS: '1',
        // Each test sends its own X-Forwarded-For (e2e/fixtures), standing in for one proxy.
        TRUSTED_PROXY_HOPS: '1',
        DATA_DIR: process.env.E2E_DATA_DIR || '.data/e2e',
        PORT: String(port),
        STRIPE_EMULATOR_URL: `http://127.0.0.1:${stripePort}`,
      },
    },
  ],
});
