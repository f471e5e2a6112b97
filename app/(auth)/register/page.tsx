import type { Metadata } from 'next';
import Link from 'next/link';
import { RegisterForm } from '@/components/accounts/register-form';

export const metadata: Metadata = { title: '新規登録', robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function RegisterPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="container container--narrow">
      <h1>新規登録</h1>
      <p>ご予約・講座のお申し込み・事前アンケートのために、アカウントを作成します。</p>
      <RegisterForm callbackUrl={callbackUrl} />
      <p>
        すでにアカウントをお持ちの方は
        <Link href={callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login'}>ログイン</Link>
      </p>
    </div>
  );
}
