import type { Metadata } from 'next';
import { messages } from '@/lib/messages';

export const metadata: Metadata = { title: 'メールをご確認ください', robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <div className="container container--narrow">
      <h1>メールをご確認ください</h1>
      <p role="status">{messages.accounts.loginLinkSent}</p>
      <p>リンクの有効期限は15分です。メールが届かない場合は、迷惑メールフォルダもご確認ください。</p>
    </div>
  );
}
