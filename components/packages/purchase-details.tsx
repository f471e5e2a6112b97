import type { HistoryEntry, PurchaseView } from '@/features/packages/queries';
import { lastUsableInstant } from '@/features/packages/domain/rules';
import { formatDateJa, formatDateTimeJa, practiceTimeZone } from '@/lib/time';

/** How a purchase stands, in one word. */
export function purchaseStateLabel(view: PurchaseView): string {
  if (view.refundedCredits > 0) return '返金済み';
  if (view.balance.expired) return '期限切れ';
  if (view.balance.remaining === 0) return '使い切り';
  return '利用中';
}

/** The last usable day, 2027年3月3日(水)まで: always a Japan date, as the validity is defined. */
export function usableUntil(view: PurchaseView): string {
  return view.balance.expiresAt
    ? `${formatDateJa(lastUsableInstant(view.balance.expiresAt), practiceTimeZone)}まで`
    : '—';
}

function entryText(e: HistoryEntry, timeZone: string): string {
  const session = e.sessionStartsAt ? `${formatDateTimeJa(e.sessionStartsAt, timeZone)}・${e.sessionName ?? ''}` : '';
  switch (e.kind) {
    case 'grant':
      return 'ご購入';
    case 'use':
      return `ご予約に使用：${session}`;
    case 'return':
      return `キャンセルで戻りました：${session}`;
    case 'expire':
      return '期限切れ';
    case 'refund':
      return '返金済み';
  }
}

/**
 * One purchase: its balance and state, then every grant, use, return, expiry and refund of its
 * ledger, oldest first. The same for the client's portal and the counselor's client page.
 */
export function PurchaseDetails({
  view,
  headingId,
  headingLevel = 2,
  timeZone = practiceTimeZone,
}: {
  view: PurchaseView;
  headingId: string;
  headingLevel?: 2 | 3;
  timeZone?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const state = purchaseStateLabel(view);
  return (
    <>
      <Heading id={headingId}>
        {view.name}
        <span className="nowrap">・{state}</span>
      </Heading>
      <dl className="facts">
        <dt>残り</dt>
        <dd>
          <strong>残り{view.balance.remaining}回</strong>
          <span className="nowrap">／全{view.sessionCount}回</span>
        </dd>
        <dt>有効期限</dt>
        <dd>{usableUntil(view)}</dd>
        <dt>使用済み</dt>
        <dd>{view.used}回</dd>
        {view.balance.lapsed > 0 ? (
          <>
            <dt>期限切れ</dt>
            <dd>{view.balance.lapsed}回</dd>
          </>
        ) : null}
        {view.refundedCredits > 0 ? (
          <>
            <dt>返金済み</dt>
            <dd>{view.refundedCredits}回分</dd>
          </>
        ) : null}
        <dt>使えるセッション</dt>
        <dd>{view.coveredNames.join('、')}</dd>
      </dl>
      <div className="table-scroll" role="region" aria-label={`${view.name}の履歴`} tabIndex={0}>
        <table>
          <caption>履歴</caption>
          <thead>
            <tr>
              <th scope="col">日付</th>
              <th scope="col">内容</th>
              <th scope="col">回数</th>
            </tr>
          </thead>
          <tbody>
            {view.history.map((e, i) => (
              <tr key={`${e.kind}-${i}`}>
                <td className="nowrap">{formatDateJa(e.at, timeZone)}</td>
                <td>{entryText(e, timeZone)}</td>
                <td className="nowrap">{e.delta > 0 ? `+${e.delta}` : `−${-e.delta}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
