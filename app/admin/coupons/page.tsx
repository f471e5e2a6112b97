import type { Metadata } from 'next';
import { CouponActiveButton, CouponForm } from '@/components/admin/coupon-form';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { listCoupons } from '@/features/coupons/admin-service';
import { describeCoupon } from '@/features/coupons/domain/discount';
import { read } from '@/lib/data';
import { formatDateJa, practiceTimeZone } from '@/lib/time';

export const metadata: Metadata = { title: 'クーポン' };

/** The last day a coupon can be used: it ends at midnight after that day, Japan time. */
const lastDay = (expiresAt: Date) => formatDateJa(new Date(expiresAt.getTime() - 1), practiceTimeZone);

export default async function CouponsPage() {
  await requireCounselor('/admin/coupons');
  const coupons = await read(listCoupons);
  const now = new Date();
  return (
    <>
      <h1>クーポン</h1>
      <p>
        クライアントがお支払いの前に入力すると、セッション・講座の料金から割り引かれます。割引後の金額とキャンセル料はお支払い前の画面に表示され、返金も実際にお支払いいただいた金額をもとに計算します。
      </p>
      {coupons.length === 0 ? (
        <p>まだクーポンはありません。下のフォームから作成できます。</p>
      ) : (
        <ul className="settings-list coupon-list">
          {coupons.map((c) => {
            const expired = c.expiresAt !== null && c.expiresAt.getTime() <= now.getTime();
            const usedUp = c.maxRedemptions !== null && c.timesUsed >= c.maxRedemptions;
            const state = !c.active ? '停止中' : expired ? '期限切れ' : usedUp ? '上限に達しました' : '利用できます';
            return (
              <li key={c.id} aria-labelledby={`coupon-${c.id}`}>
                <h2 id={`coupon-${c.id}`} className="coupon-list__code">
                  {c.code}
                </h2>
                <p>
                  {describeCoupon(c)}・{state}
                </p>
                <p>
                  利用 {c.timesUsed}回{c.maxRedemptions !== null ? ` / 上限 ${c.maxRedemptions}回` : ''}・
                  {c.expiresAt ? `${lastDay(c.expiresAt)}まで` : '期限なし'}
                </p>
                {c.active || (!expired && !usedUp) ? (
                  <CouponActiveButton id={c.id} code={c.code} active={c.active} />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="new-coupon">
        <h2 id="new-coupon">新しいクーポン</h2>
        <CouponForm />
      </section>
    </>
  );
}
