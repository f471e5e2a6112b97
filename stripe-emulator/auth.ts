/** API keys: test-mode secret keys only; a live key is refused outright, never used. */
import { authenticationError, type StripeApiError } from './errors';

function redact(key: string): string {
  const visible = key.startsWith('sk_test_') ? 8 : 0;
  return `${key.slice(0, visible)}${'*'.repeat(Math.max(0, key.length - visible - 4))}${key.slice(-4)}`;
}

function keyFromHeader(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!value) return null;
  if (scheme?.toLowerCase() === 'bearer') return value;
  // `curl -u sk_test_…:` sends the key as the Basic user name, which Stripe accepts too.
  if (scheme?.toLowerCase() === 'basic') return Buffer.from(value, 'base64').toString('utf8').split(':')[0] || null;
  return null;
}

/** The error to answer with, or null when the key is an acceptable test key. */
export function checkAuthorization(header: string | undefined): StripeApiError | null {
  const key = keyFromHeader(header);
  if (!key) {
    return authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  if (key.startsWith('sk_live_') || key.startsWith('rk_live_')) {
    return authenticationError(
      'This is a local Stripe emulator: live-mode keys are refused. Use a test key (sk_test_…).',
    );
  }
  if (!/^sk_test_[A-Za-z0-9_]+$/.test(key)) return authenticationError(`Invalid API Key provided: ${redact(key)}`);
  return null;
}
