import type { Metadata } from 'next';
import { TokenActionForm } from '@/components/newsletter/token-action-form';

export const metadata: Metadata = { title: 'メールマガジンの配信停止', robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string }> };

/** Reached from the link in every issue; no sign-in. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token = '' } = await searchParams;
  return (
    <div className="container container--narrow">
      <h1>メールマガジンの配信停止</h1>
      <p>ボタンを押すと、このアドレスへのメールマガジンの配信を停止します。ログインは必要ありません。</p>
      <TokenActionForm token={token} kind="unsubscribe" label="配信を停止する" />
    </div>
  );
}
