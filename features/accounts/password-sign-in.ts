import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { cookies } from 'next/headers';
import { deviceCookieMaxAgeSeconds, deviceCookieName, issueDeviceCookie } from '@/features/accounts/device';
import { AppError, errorCodes, type ErrorCode } from '@/lib/errors';
import { siteUrl } from '@/lib/site-url';
import { signIn } from '@/features/accounts/auth';
import { getAuthSecret } from '@/lib/auth/secret';

/**
 * Signs in with an email and password from a server action, under the sign-in limits
 * (features/accounts/sign-in-guard.ts, run by the credentials provider). A refusal becomes the
 * AppError the person can act on. On success this browser gets the device cookie, so that
 * failures from elsewhere no longer lock it out.
 */
export async function signInWithPasswordFromAction(input: { email: string; password: string }): Promise<void> {
  try {
    await signIn('credentials', { email: input.email, password: input.password, redirect: false });
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      const code = (err.code in errorCodes ? err.code : 'invalid_credentials') as ErrorCode;
      throw new AppError(code);
    }
    throw err;
  }
  (await cookies()).set(deviceCookieName, issueDeviceCookie(getAuthSecret(), input.email), {
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production' && siteUrl().startsWith('https:'),
    sameSite: 'lax',
    path: '/',
    maxAge: deviceCookieMaxAgeSeconds,
  });
}
