import type { Metadata } from 'next';
import { EmailRequestForm } from '@/components/accounts/email-request-form';
import { ConfirmTokenForm } from '@/components/accounts/token-forms';

export const metadata: Metadata = { title: 'メールアドレスの確認', robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; change?: string; next?: string }> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token, change, next } = await searchParams;
  return (
    <div className="container container--narrow">
      <h1>{change ? 'メールアドレスの変更' : 'メールアドレスの確認'}</h1>
      {token ? (
        <>
          <p>下のボタンを押して、お手続きを完了してください。</p>
          <ConfirmTokenForm token={token} purpose={change ? 'change-email' : 'verify-email'} next={next} />
        </>
      ) : (
        <p>メールに記載のリンクから開いてください。</p>
      )}
      {change ? null : <EmailRequestForm purpose="resend-verification" />}
    </div>
  );
}
