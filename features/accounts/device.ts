import 'server-only';
import crypto from 'node:crypto';

/**
 * The device cookie (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a
 * successful sign-in the browser gets a signed cookie naming the account and a random nonce.
 * While an account is locked by failed attempts from elsewhere, a browser that presents a
 * valid cookie for that account still gets its own (separately limited) attempts.
 */
export const deviceCookieName = 'kp_device';
export const deviceCookieMaxAgeSeconds = 365 * 24 * 60 * 60;

function signature(secret: string, email: string, nonce: string): string {
  return crypto.createHmac('sha256', secret).update(`device:${email.toLowerCase()}:${nonce}`).digest('base64url');
}

export function issueDeviceCookie(secret: string, email: string): string {
  const nonce = crypto.randomBytes(16).toString('base64url');
  const login = Buffer.from(email.toLowerCase()).toString('base64url');
  return `${login}.${nonce}.${signature(secret, email, nonce)}`;
}

/** The cookie's nonce when it is valid for `email`, else null. */
export function deviceNonceFor(secret: string, cookie: string | undefined, email: string): string | null {
  const [login, nonce, mac, ...rest] = cookie?.split('.') ?? [];
  if (!login || !nonce || !mac || rest.length > 0) return null;
  if (Buffer.from(login, 'base64url').toString() !== email.toLowerCase()) return null;
  const expected = Buffer.from(signature(secret, email, nonce));
  const given = Buffer.from(mac);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? nonce : null;
}

/** The value of one cookie in a Cookie header. */
export function cookieFrom(header: string | null, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
