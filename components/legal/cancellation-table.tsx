import { formatYen } from '@/lib/format';
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
          キャンセル料：{label}・{formatYen(price)}の場合
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
                {/* An amount with its （税込） never breaks (11,000円／（税込）). */}
                <td>
                  {tier.feePercent === 0 ? (
                    '無料'
                  ) : (
                    <>
                      {tier.feePercent}%・<span className="nowrap">{formatYen(fee)}</span>
                    </>
                  )}
                </td>
                <td>{price - fee === 0 ? '返金なし' : <span className="nowrap">{formatYen(price - fee)}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
