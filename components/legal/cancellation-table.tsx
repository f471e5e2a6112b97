import { formatYen, formatYenAmount } from '@/lib/format';
import { cancellationPolicy, priceList } from '@/lib/site-config';

type Tier = { hoursBefore: number; feePercent: number; label: string };

/**
 * The session cancellation tiers for one price, rendered from the one policy table (the
 * legal pages show it for the standard session, checkout for the booking's own price).
 */
export function CancellationTable({
  priceYen,
  name,
  policy = cancellationPolicy.session,
}: {
  priceYen?: number;
  name?: string;
  policy?: readonly Tier[];
}) {
  const example = priceList.sessions[0];
  const price = priceYen ?? example.priceYen;
  const label = name ?? example.name;
  return (
    <div className="table-scroll" role="region" aria-label="キャンセル料" tabIndex={0}>
      <table className="fee-table">
        <caption>
          キャンセル料：{label}・<span className="nowrap">{formatYen(price)}</span>の場合。表の金額はすべて税込です。
        </caption>
        <thead>
          <tr>
            <th scope="col">キャンセルの時期</th>
            <th scope="col">
              <span className="nowrap">キャンセル料</span>
            </th>
            <th scope="col">
              <span className="nowrap">返金額</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {policy.map((tier) => {
            const fee = Math.floor((price * tier.feePercent) / 100);
            return (
              <tr key={tier.label}>
                <td className="phrase-wrap">{tier.label}</td>
                {/*
                 * The caption says the amounts are tax-inclusive once. A short label or an amount
                 * never breaks (キャンセル／料, 返金な／し, 110,0／00円), however long the amounts
                 * make the other columns: the table scrolls sideways before that happens.
                 */}
                <td>
                  {tier.feePercent === 0 ? (
                    <span className="nowrap">無料</span>
                  ) : (
                    <>
                      {tier.feePercent}%・<span className="nowrap">{formatYenAmount(fee)}</span>
                    </>
                  )}
                </td>
                <td>
                  <span className="nowrap">{price - fee === 0 ? '返金なし' : formatYenAmount(price - fee)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
