import Link from 'next/link';
import { packageRefundRuleText } from '@/features/packages/domain/rules';

/** The rules of every package (回数券), as the terms and the 特商法 page state them. */
export function PackageTerms({ validityMonths, links = true }: { validityMonths?: number; links?: boolean }) {
  return (
    <ul>
      <li>
        有効期限は、お支払いの日から
        {validityMonths ? `${validityMonths}か月後の同じ日` : '回数券ごとに定めた月数後の同じ日'}
        まで（日本時間）です。期限を過ぎた回数分はご利用いただけません。
      </li>
      <li>ご予約の際に回数券を使うと、お支払いなしで予約が確定し、1回分を使います。</li>
      <li>
        キャンセル料のかからない期間のキャンセルでは、1回分が回数券に戻ります。キャンセル料がかかる期間のキャンセルでは、1回分を使ったものとします。カウンセラーの都合によるキャンセルでは、いつでも1回分が戻ります。
      </li>
      <li>{packageRefundRuleText}</li>
      {links ? (
        <li>
          詳しくは<Link href="/legal/cancellation">キャンセルポリシー</Link>と<Link href="/legal/terms">利用規約</Link>
          をご覧ください。
        </li>
      ) : null}
    </ul>
  );
}
