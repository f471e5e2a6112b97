import type { Metadata } from 'next';
import { TokenActionForm } from '@/components/newsletter/token-action-form';

export const metadata: Metadata = { title: 'メールマガジン登録の確認', robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ConfirmSubscriptionPage({ searchParams }: Props) {
  const { token = '' } = await searchParams;
  return (
    <div className="container container--narrow">
      <h1>メールマガジン登録の確認</h1>
      <p>下のボタンを押すと、メールマガジンの登録が完了します。</p>
      <TokenActionForm token={token} kind="confirm" label="登録を完了する" />
    </div>
  );
}
