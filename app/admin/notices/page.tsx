import type { Metadata } from 'next';
import { NoticeRetryButton } from '@/components/admin/notice-retry-button';
import { listFailingNotices } from '@/features/mail/outbox';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { read } from '@/lib/data';
import { siteConfig } from '@/lib/site-config';
import { formatDateTimeJa } from '@/lib/time';

export const metadata: Metadata = { title: '送れていないメール' };

/** Notices to clients (and to her) that the mail server keeps refusing, with a retry for each. */
type Props = { searchParams: Promise<{ notice?: string }> };

export default async function FailingNoticesPage({ searchParams }: Props) {
  await requireCounselor('/admin/notices');
  const failing = await read(listFailingNotices);
  const { notice } = await searchParams;
  const at = (d: Date | null) => (d ? formatDateTimeJa(d, siteConfig.timeZone) : '—');
  return (
    <>
      <h1>送れていないメール</h1>
      {notice === 'sent' ? (
        <p role="status" className="form-status form-status--ok">
          メールを送りました。
        </p>
      ) : null}
      <p>
        予約の確定・変更・キャンセルやリマインダーなどのお知らせメールで、何度か送信に失敗しているものです。数分おきに自動で送り直し、送れた時点でこの一覧から消えます。約8時間送れないままのものは自動の送り直しを止めています。
      </p>
      <p>
        メールサーバーの不調が直ったら「今すぐ送り直す」を押してください。宛先のアドレスの誤りが疑われる場合は、クライアントに別の方法でご連絡ください。
      </p>
      {failing.length === 0 ? (
        <p className="agenda__empty">送れていないメールはありません。</p>
      ) : (
        <ul className="notice-list">
          {failing.map((n) => (
            <li key={n.id} className="panel notice-list__item">
              <h2 className="notice-list__subject">{n.subject}</h2>
              <dl className="facts">
                <dt>宛先</dt>
                <dd>{n.to}</dd>
                <dt>作成</dt>
                <dd>{at(n.createdAt)}</dd>
                <dt>状態</dt>
                <dd>
                  {n.status === 'failed'
                    ? `${n.attempts}回失敗したため、自動の送り直しを止めています`
                    : `${n.attempts}回失敗・次は${at(n.nextAttemptAt)}ごろに自動で送り直します`}
                </dd>
                <dt>最後のエラー</dt>
                <dd>
                  <code>{n.lastError ?? '—'}</code>（{at(n.lastAttemptAt)}）
                </dd>
              </dl>
              <NoticeRetryButton noticeId={n.id} label={`${n.to} 宛て「${n.subject}」`} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
