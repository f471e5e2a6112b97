import type { Metadata } from 'next';
import { TokenActionForm } from '@/components/newsletter/token-action-form';
import { messages } from '@/lib/messages';

export const metadata: Metadata = { title: 'メールマガジンの配信停止', robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; done?: string; invalid?: string }> };

/** Reached from the link in every issue; no sign-in, and no JavaScript needed. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token = '', done, invalid } = await searchParams;
  return (
    <div className="container container--narrow">
      <h1>メールマガジンの配信停止</h1>
      {done ? (
        <p role="status">{messages.newsletter.unsubscribed}</p>
      ) : (
        <>
          {invalid ? <p role="alert">{messages.errors.tokenInvalid}</p> : null}
          <p>ボタンを押すと、このアドレスへのメールマガジンの配信を停止します。ログインは必要ありません。</p>
          <TokenActionForm
            token={token}
            kind="unsubscribe"
            label="配信を停止する"
            withoutScript={`/api/newsletter/unsubscribe?token=${encodeURIComponent(token)}`}
          />
        </>
      )}
    </div>
  );
}
