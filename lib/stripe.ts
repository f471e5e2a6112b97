import 'server-only';
import Stripe from 'stripe';
import { stripeSettings } from './env';

const state = globalThis as unknown as { __stripe?: Stripe };

export function getStripe(): Stripe {
  if (state.__stripe) return state.__stripe;
  const settings = stripeSettings();
  const endpoint = settings.emulatorUrl ? new URL(settings.emulatorUrl) : undefined;
  state.__stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    ...(endpoint ? { host: endpoint.hostname, port: Number(endpoint.port), protocol: 'http' as const } : {}),
  });
  return state.__stripe;
}

export function webhookSecret(): string {
  return stripeSettings().webhookSecret;
}
