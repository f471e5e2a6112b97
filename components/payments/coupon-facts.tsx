import { formatYen } from '@/lib/format';

/** 料金, クーポン割引「CODE」 and お支払い金額 in a facts list; just the amount without a discount. */
export function CouponFacts({
  priceYen,
  discountYen,
  code,
}: {
  priceYen: number;
  discountYen: number;
  code: string | null;
}) {
  return (
    <>
      {discountYen > 0 ? (
        <>
          <dt>料金</dt>
          <dd>{formatYen(priceYen + discountYen)}</dd>
          <dt>クーポン割引{code ? `「${code}」` : ''}</dt>
          <dd>−{formatYen(discountYen)}</dd>
        </>
      ) : null}
      <dt>お支払い金額</dt>
      <dd>{formatYen(priceYen)}</dd>
    </>
  );
}
