import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/accounts/token-forms';

export const metadata: Metadata = { title: '新しいパスワードの設定', robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <div className="container container--narrow">
      <h1>新しいパスワードの設定</h1>
      {token ? (
        <>
          <p>設定すると、ほかの端末でのログインはすべて終了します。</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p>
          メールに記載のリンクから開いてください。<Link href="/forgot-password">再設定のメールを送る</Link>
        </p>
      )}
    </div>
  );
}
