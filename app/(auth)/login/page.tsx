import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { EmailRequestForm } from '@/components/accounts/email-request-form';
import { SignInForm } from '@/components/accounts/sign-in-form';
import { Notice } from '@/components/ui/form-status';
import { homeFor, safeCallbackUrl } from '@/features/accounts/callback-url';
import { getCurrentUser } from '@/features/accounts/auth/guards';
import { messages } from '@/lib/messages';

export const metadata: Metadata = { title: 'ログイン', robots: { index: false } };

const notices: Record<string, string> = {
  verified: messages.accounts.verified,
  'password-reset': messages.accounts.passwordReset,
  'email-changed': messages.accounts.emailChanged,
  idle: messages.accounts.idleSignedOut,
  'signed-out': messages.accounts.signedOut,
  'signed-out-everywhere': messages.accounts.signedOutEverywhere,
};

type Props = { searchParams: Promise<{ callbackUrl?: string; notice?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, notice, error } = await searchParams;
  // Without a page to return to, where one lands depends on who signs in (see signInAction).
  const target = callbackUrl ? safeCallbackUrl(callbackUrl) : undefined;
  const user = await getCurrentUser();
  if (user) redirect(target ?? homeFor(user.role));
  return (
    <div className="container container--narrow">
      <h1>ログイン</h1>
      {notice && notices[notice] ? <Notice>{notices[notice]}</Notice> : null}
      {error ? (
        <p role="alert" className="form-status form-status--error">
          {error === 'Verification' ? messages.errors.tokenInvalid : messages.errors.unexpected}
        </p>
      ) : null}
      <SignInForm callbackUrl={target} />
      <p>
        <Link href="/forgot-password">パスワードをお忘れの方</Link>
      </p>
      <EmailRequestForm purpose="login-link" callbackUrl={target} />
      <h2>はじめての方</h2>
      <p>
        <Link href={`/register${target ? `?callbackUrl=${encodeURIComponent(target)}` : ''}`}>新規登録（無料）</Link>
      </p>
    </div>
  );
}
