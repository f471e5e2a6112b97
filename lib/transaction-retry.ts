import { hasPgCode } from './errors';

/**
 * A deadlock (40P01) or serialization failure (40001): PostgreSQL rolled the transaction back,
 * and running it again from the start is the documented remedy.
 */
export const isTransientConflict = (err: unknown) => hasPgCode(err, '40P01') || hasPgCode(err, '40001');

/**
 * Runs `transaction` (which must be a whole transaction, safe to run again) and runs it again,
 * up to `attempts` times in all, when PostgreSQL aborted it for a deadlock or a serialization
 * failure, after a short random pause, so that a caller never sees either.
 */
export async function retryTransientConflicts<T>(
  transaction: () => Promise<T>,
  { attempts = 6, baseDelayMs = 5 }: { attempts?: number; baseDelayMs?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (err) {
      if (attempt >= attempts || !isTransientConflict(err)) throw err;
      const delay = baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
