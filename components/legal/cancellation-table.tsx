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
      <table>
        <caption>
          キャンセル料：{label}・{formatYen(price)}の場合。表の金額はすべて税込です。
        </caption>
        <thead>
          <tr>
            <th scope="col">キャンセルの時期</th>
            <th scope="col">キャンセル料</th>
            <th scope="col">返金額</th>
          </tr>
        </thead>
        <tbody>
          {policy.map((tier) => {
            const fee = Math.floor((price * tier.feePercent) / 100);
            return (
              <tr key={tier.label}>
                <td>{tier.label}</td>
                {/* The caption says the amounts are tax-inclusive once; an amount never breaks. */}
                <td>
                  {tier.feePercent === 0 ? (
                    '無料'
                  ) : (
                    <>
                      {tier.feePercent}%・<span className="nowrap">{formatYenAmount(fee)}</span>
                    </>
                  )}
                </td>
                <td>
                  {price - fee === 0 ? '返金なし' : <span className="nowrap">{formatYenAmount(price - fee)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
