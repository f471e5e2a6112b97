/**
 * `Idempotency-Key`: a repeated key with the same endpoint and parameters replays the stored
 * response; anything else is Stripe's `idempotency_error`. Only successful results are kept, as
 * Stripe keeps no result for a request that failed validation.
 */
import { StripeApiError } from './errors';

type Entry = { path: string; fingerprint: string; status: number; payload: string; savedAt: number };

export type IdempotencyStore = {
  replay(key: string, path: string, fingerprint: string): Entry | undefined;
  save(key: string, entry: Entry): void;
};

function idempotencyError(message: string): StripeApiError {
  return new StripeApiError(400, { type: 'idempotency_error', message });
}

// Stripe forgets keys after 24 hours; so does the emulator (by its own clock).
const keyLifetimeMs = 24 * 60 * 60 * 1000;

export function createIdempotencyStore(nowMs: () => number): IdempotencyStore {
  const entries = new Map<string, Entry>();
  return {
    replay(key, path, fingerprint) {
      for (const [k, e] of entries) {
        // Insertion order is age order, so the first live entry ends the sweep.
        if (nowMs() - e.savedAt < keyLifetimeMs) break;
        entries.delete(k);
      }
      const entry = entries.get(key);
      if (!entry) return undefined;
      const retry = `Try using a key other than '${key}' if you meant to execute a different request.`;
      if (entry.path !== path) {
        throw idempotencyError(
          `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.path}' vs '${path}'). ${retry}`,
        );
      }
      if (entry.fingerprint !== fingerprint) {
        throw idempotencyError(
          `Keys for idempotent requests can only be used with the same parameters they were first used with. ${retry}`,
        );
      }
      return entry;
    },
    save(key, entry) {
      entries.set(key, entry);
    },
  };
}
