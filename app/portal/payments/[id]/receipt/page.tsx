import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/payments/print-button';
import { getAccountProfile } from '@/features/accounts/queries';
import { getPayment } from '@/features/booking/payment-history';
import { methodLabel } from '@/features/payments/domain/methods';
import { assertCanSee, requireUser } from '@/features/accounts/auth/guards';
import { purchasesOfPayments } from '@/features/packages/queries';
import { read } from '@/lib/data';
import { formatYen, formatYenAmount } from '@/lib/format';
import { siteConfig } from '@/lib/site-config';
import { formatDateJa, practiceTimeZone } from '@/lib/time';

export const metadata: Metadata = { title: '領収書' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ addressee?: string }> };

/** 領収書: the addressee is the client's choice (their name by default). */
export default async function ReceiptPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/portal/payments/${id}/receipt`);
  const payment = await read(getPayment, id);
  if (!payment?.clientId || !payment.paidAt) notFound();
  assertCanSee(user, payment.clientId);
  const profile = await read(getAccountProfile, payment.clientId);
  const addressee =
    ((await searchParams).addressee ?? '').trim().slice(0, 60) ||
    `${profile?.familyName ?? ''} ${profile?.givenName ?? ''}`.trim();
  const bought =
    payment.purpose === 'package' ? (await read(purchasesOfPayments, [payment.id])).get(payment.id) : undefined;
  const net = payment.amountYen - payment.refundedYen;
  const tax = Math.floor((net * 10) / 110);
  return (
    <>
      <form className="no-print search-form" method="get">
        <label htmlFor="addressee">宛名</label>
        <div className="search-form__row">
          <input id="addressee" name="addressee" defaultValue={addressee} maxLength={60} />
          <button className="button" type="submit">
            宛名を変更
          </button>
        </div>
      </form>
      <article className="receipt" aria-labelledby="receipt-heading">
        <h1 id="receipt-heading">領収書</h1>
        <p className="receipt__addressee">{addressee} 様</p>
        <p className="receipt__amount">{formatYen(net)}</p>
        <p>
          但し　
          {payment.purpose === 'course'
            ? '心理学講座の受講料として'
            : payment.purpose === 'package'
              ? 'カウンセリング回数券の代金として'
              : 'カウンセリング料として'}
        </p>
        <p>上記正に領収いたしました。</p>
        <dl className="facts">
          {payment.purpose === 'booking' && payment.sessionTypeName ? (
            <>
              <dt>内容</dt>
              <dd>{payment.sessionTypeName}</dd>
            </>
          ) : null}
          {bought ? (
            <>
              <dt>内容</dt>
              <dd>
                回数券：{bought.name}・{bought.sessionCount}回分
              </dd>
            </>
          ) : null}
          {payment.discountYen > 0 ? (
            <>
              <dt>料金</dt>
              <dd>{formatYenAmount(payment.amountYen + payment.discountYen)}</dd>
              <dt>クーポン割引</dt>
              <dd>
                −{formatYenAmount(payment.discountYen)}
                {payment.couponCode ? <span className="nowrap">　コード {payment.couponCode}</span> : null}
              </dd>
              <dt>お支払い金額</dt>
              <dd>{formatYenAmount(payment.amountYen)}</dd>
            </>
          ) : null}
          <dt>お支払い日</dt>
          <dd>{formatDateJa(payment.paidAt, practiceTimeZone)}</dd>
          <dt>内訳</dt>
          <dd>
            税込金額 {formatYenAmount(net)}
            <span className="nowrap">（うち消費税10%：{formatYenAmount(tax)}）</span>
            {payment.refundedYen > 0 ? (
              <>
                <br />
                お支払い {formatYenAmount(payment.amountYen)}・返金 {formatYenAmount(payment.refundedYen)}
              </>
            ) : null}
          </dd>
          {payment.method ? (
            <>
              <dt>お支払い方法</dt>
              <dd>{methodLabel(payment.method)}</dd>
            </>
          ) : null}
          <dt>領収書番号</dt>
          <dd>{payment.id.slice(0, 8).toUpperCase()}</dd>
        </dl>
        <p className="receipt__issuer">
          {siteConfig.seller.businessName}　{siteConfig.seller.representative}
          <br />
          {siteConfig.seller.postalCode} {siteConfig.seller.address}
        </p>
      </article>
      <p className="no-print">
        <PrintButton />
      </p>
    </>
  );
}
