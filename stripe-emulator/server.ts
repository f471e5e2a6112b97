/**
 * A local stand-in for the part of Stripe's API this app uses, for development and tests.
 * The real `stripe` SDK reaches it with `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { handleApi } from './api';
import { expireDueSessions } from './checkout';
import { handleCheckoutPage } from './checkout-page';
import { createClock } from './clock';
import { handleControl } from './control';
import { handlePaypayPage } from './paypay';
import { sendJson } from './http';
import { createIdempotencyStore } from './idempotency';
import { createStore } from './store';
import type { StripeEvent } from './types';
import { createWebhookDispatcher, defaultRetrySchedule } from './webhooks';

export type StripeEmulatorOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where events are POSTed; without it they are only recorded. */
  webhookUrl?: string;
  webhookSecret: string;
  /** Delays in ms between delivery attempts; default 0.5 s, 1 s, 2 s, … 32 s (8 attempts). */
  retrySchedule?: number[];
  /** The clock in ms since the epoch, before any `/_emulator/clock` advance. Default `Date.now`. */
  now?: () => number;
  /** One line per notable thing (failed webhook attempts, internal errors). Default: silent. */
  log?: (line: string) => void;
};

export type StripeEmulator = {
  url: string;
  port: number;
  close(): Promise<void>;
  events(): StripeEvent[];
};

export async function createStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  if (process.env.NODE_ENV === 'production' && process.env.EMBEDDED_DEFAULTS !== '1') {
    throw new Error(
      'The Stripe emulator must not run in production (set EMBEDDED_DEFAULTS=1 only for a local production build).',
    );
  }
  if (!options.webhookSecret.startsWith('whsec_')) throw new Error('webhookSecret must start with whsec_');
  const log = options.log ?? (() => {});

  const clock = createClock(options.now);
  const dispatcher = createWebhookDispatcher({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    retrySchedule: options.retrySchedule ?? defaultRetrySchedule,
    log,
  });
  const store = createStore({
    clock,
    apiVersion: Stripe.API_VERSION,
    hasWebhookEndpoint: Boolean(options.webhookUrl),
    onEvent: (event) => dispatcher.enqueue(event),
  });
  const idempotency = createIdempotencyStore(clock.nowMs);
  let baseUrl = '';

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Checked on every request as well as every second, so no one sees an overdue session open.
    expireDueSessions(store);
    const { pathname } = new URL(req.url ?? '/', 'http://emulator');
    if (pathname.startsWith('/v1/')) return handleApi(req, res, { store, idempotency, baseUrl, log });
    if (pathname.startsWith('/_emulator/')) {
      return handleControl(req, res, store, (seconds) => {
        clock.advance(seconds);
        expireDueSessions(store);
      });
    }
    const paypay = /^\/checkout\/([^/]+)\/paypay$/.exec(pathname);
    if (paypay) return handlePaypayPage(req, res, store, decodeURIComponent(paypay[1] ?? ''));
    const page = /^\/checkout\/([^/]+)$/.exec(pathname);
    if (page) return handleCheckoutPage(req, res, store, decodeURIComponent(page[1] ?? ''));
    sendJson(res, 404, { error: { type: 'invalid_request_error', message: `Not found: ${pathname}` } });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log(
        `internal error on ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent)
        sendJson(res, 500, {
          error: { type: 'api_error', message: 'An unexpected error occurred in the Stripe emulator.' },
        });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  const expiryTimer = setInterval(() => expireDueSessions(store), 1_000);
  expiryTimer.unref();

  return {
    url: baseUrl,
    port,
    events: () => structuredClone(store.events),
    async close() {
      clearInterval(expiryTimer);
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      server.closeAllConnections();
      await closed;
      await dispatcher.close();
    },
  };
}
