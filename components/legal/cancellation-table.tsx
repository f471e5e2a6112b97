import { formatYen } from '@/lib/format';
import { cancellationPolicy, priceList } from '@/lib/site-config';

/** The session cancellation tiers, rendered from the one policy table. */
export function CancellationTable() {
  const example = priceList.sessions[0];
  return (
    <div className="table-scroll" role="region" aria-label="キャンセル料" tabIndex={0}>
      <table>
        <caption>
          個人セッションのキャンセル料（例：{example.name} {formatYen(example.priceYen)}の場合）
        </caption>
        <thead>
          <tr>
            <th scope="col">キャンセルの時期</th>
            <th scope="col">キャンセル料</th>
            <th scope="col">返金額</th>
          </tr>
        </thead>
        <tbody>
          {cancellationPolicy.session.map((tier) => {
            const fee = Math.floor((example.priceYen * tier.feePercent) / 100);
            return (
              <tr key={tier.label}>
                <td>{tier.label}</td>
                <td>{tier.feePercent === 0 ? '無料' : `${tier.feePercent}%（${formatYen(fee)}）`}</td>
                <td>{formatYen(example.priceYen - fee)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
