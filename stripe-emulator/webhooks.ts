/**
 * Webhook delivery in the background. First attempts leave in the order the events were created,
 * each after the previous one's first attempt has finished (whatever its outcome); retries follow
 * their own schedule and never hold up later events.
 */
import { signatureHeader } from './signature';
import type { StripeEvent } from './types';

export type WebhookDispatcher = {
  enqueue(event: StripeEvent): void;
  close(): Promise<void>;
};

export const defaultRetrySchedule: readonly number[] = [500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000];

export function createWebhookDispatcher(options: {
  url: string | undefined;
  secret: string;
  /** Delays in ms before the 2nd, 3rd, … attempt; its length + 1 is the number of attempts. */
  retrySchedule: readonly number[];
  timeoutMs?: number;
  log: (line: string) => void;
}): WebhookDispatcher {
  const { url, secret, retrySchedule, timeoutMs = 10_000, log } = options;
  const stop = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  let firstAttempts: Promise<void> = Promise.resolve();

  async function attempt(event: StripeEvent, payload: string, attemptIndex: number): Promise<void> {
    if (!url || stop.signal.aborted) return;
    let outcome: string;
    let delivered = false;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          // Signed at each attempt with the wall clock, as Stripe does: receivers check it against theirs.
          'stripe-signature': signatureHeader(payload, secret, Math.floor(Date.now() / 1000)),
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        signal: AbortSignal.any([stop.signal, AbortSignal.timeout(timeoutMs)]),
      });
      await response.arrayBuffer();
      delivered = response.ok;
      outcome = `HTTP ${response.status}`;
    } catch (error) {
      // fetch reports "fetch failed" and puts the useful part (ECONNREFUSED, a timeout) in `cause`.
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      outcome = error instanceof Error ? `${error.message}${cause}` : String(error);
    }
    if (delivered || stop.signal.aborted) return;

    const delay = retrySchedule[attemptIndex];
    if (delay === undefined) {
      log(`webhook ${event.type} ${event.id}: giving up after ${attemptIndex + 1} attempts (${outcome})`);
      return;
    }
    log(`webhook ${event.type} ${event.id}: attempt ${attemptIndex + 1} failed (${outcome}); retrying in ${delay} ms`);
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(event, payload, attemptIndex + 1);
    }, delay);
    timers.add(timer);
  }

  return {
    enqueue(event) {
      if (!url) return;
      // Stripe sends events pretty-printed; receivers must verify the exact bytes either way.
      const payload = JSON.stringify(event, null, 2);
      firstAttempts = firstAttempts.then(() => attempt(event, payload, 0));
    },
    async close() {
      stop.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await firstAttempts;
    },
  };
}
