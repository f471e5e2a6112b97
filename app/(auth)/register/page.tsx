import type { Metadata } from 'next';
import Link from 'next/link';
import { RegisterForm } from '@/components/accounts/register-form';

export const metadata: Metadata = { title: '新規登録', robots: { index: false } };

export default function RegisterPage() {
  return (
    <div className="container container--narrow">
      <h1>新規登録</h1>
      <p>ご予約・講座のお申し込み・事前アンケートのために、アカウントを作成します。</p>
      <RegisterForm />
      <p>
        すでにアカウントをお持ちの方は<Link href="/login">ログイン</Link>
      </p>
    </div>
  );
}
