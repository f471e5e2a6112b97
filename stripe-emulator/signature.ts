import { createHmac } from 'node:crypto';

/**
 * The `Stripe-Signature` header exactly as Stripe makes it: HMAC-SHA256 of "<t>.<payload>",
 * keyed with the whole `whsec_…` string.
 */
export function signatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${signature}`;
}
