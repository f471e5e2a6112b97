import 'server-only';
import type { Payment } from '@/db/schema';
import { composeMail } from '@/features/mail/compose';
import { formatYen } from '@/lib/format';

const purposeJa = { booking: '個人セッションの予約', course: '講座の受講', package: '回数券の購入' } as const;

/** Mails to the counselor about payments. Never the client's theme or answers. */
export const paymentMails = {
  refundedOutside: (payment: Payment, adminUrl: string) =>
    composeMail({
      subject: '【こころの整理室】Stripe の管理画面で返金がありました',
      paragraphs: [
        `${purposeJa[payment.purpose]}のお支払い ${formatYen(payment.amountYen)} のうち、${formatYen(payment.refundedOutsideYen)}がこのサイトの外（Stripe の管理画面）で返金されました。`,
        payment.purpose === 'package'
          ? '回数券の残りの回数は、これからの予約に使えないようにしました。すでに予約済みのセッションはそのまま残っています。'
          : payment.refundedYen >= payment.amountYen
            ? '全額が返金済みです。予約・受講はそのまま残っています。取り消す場合は管理画面からキャンセルしてください（返金が二重に行われることはありません）。'
            : '一部の返金です。予約・受講はそのまま残っています。キャンセルする場合、返金は残りの金額までに限られます。',
      ],
      action: { label: '管理画面で確認する', url: adminUrl },
    }),
};

/** What a konbini mail is about: a discreet name (never the theme), the portal page, the client's zone. */
export type KonbiniMailInput = {
  what: string;
  amountYen: number;
  due: string;
  voucherNumber: string | null;
  voucherUrl: string | null;
  url: string;
};

const voucherLines = (input: KonbiniMailInput) =>
  [
    `お支払い金額：${formatYen(input.amountYen)}`,
    `お支払い期限：${input.due}`,
    input.voucherNumber ? `確認番号：${input.voucherNumber}` : '',
  ]
    .filter(Boolean)
    .join('\n');

/** A konbini payment has no card to return money to: Stripe asks the client for a bank account by mail. */
export const konbiniRefundNote =
  'コンビニでお支払いいただいたため、返金は銀行振込になります。決済会社のStripeから返金先の口座をご登録いただくメールが届きますので、ご登録ください。ご登録後にお振り込みします。';

/**
 * A voucher that must not be paid any more cannot be voided at Stripe once issued (see
 * voidVouchersAtStripe): what a client is told happens if she pays it anyway.
 */
export const voucherPaidAnyway =
  '行き違いでお支払いになった場合は、全額を返金いたします。返金は銀行振込になり、決済会社のStripeから返金先の口座をご登録いただくメールが届きます。';

/** The paragraph of a cancellation mail for a konbini payment not made yet: do not pay the voucher. */
export const voucherNotToPay = (voucherNumber: string | null) =>
  `コンビニでのお支払いはまだ確認されていないため、お支払いの必要はありません。お手元の払込票${voucherNumber ? `（確認番号：${voucherNumber}）` : ''}では、お支払いにならないでください。${voucherPaidAnyway}`;

/** Mails to the client about a konbini payment. Subjects never say what it is for. */
export const konbiniMails = {
  instructions: (input: KonbiniMailInput) =>
    composeMail({
      subject: '【こころの整理室】コンビニでのお支払いのご案内',
      paragraphs: [
        `${input.what}のお申し込みを承りました。お支払いはまだ完了していません。期限までにコンビニでお支払いください。`,
        voucherLines(input),
        input.voucherUrl
          ? `お店ごとのお支払い番号と手順は、払込票のページでご確認いただけます：\n${input.voucherUrl}`
          : '',
        'お支払いの期限まで、お席・お時間はお取り置きしています。期限を過ぎると自動的にキャンセルとなります。お支払いが確認できしだい、確定のメールをお送りします。',
      ].filter(Boolean),
      action: { label: 'マイページで確認する', url: input.url },
    }),
  dueSoon: (input: KonbiniMailInput) =>
    composeMail({
      subject: '【こころの整理室】お支払い期限が近づいています',
      paragraphs: [
        `${input.what}のお支払いがまだ確認できていません。期限までにコンビニでお支払いください。`,
        voucherLines(input),
        input.voucherUrl ? `払込票のページ：\n${input.voucherUrl}` : '',
        'すでにお支払いいただいた場合は、行き違いですのでご容赦ください。',
      ].filter(Boolean),
      action: { label: 'マイページで確認する', url: input.url },
    }),
  lapsed: (input: Pick<KonbiniMailInput, 'what' | 'url'>) =>
    composeMail({
      subject: '【こころの整理室】お支払い期限が過ぎました',
      paragraphs: [
        `${input.what}のお支払いが期限までに確認できなかったため、お申し込みはキャンセルとなりました。お取り置きしていたお時間・お席は解放しています。`,
        'ご希望の場合は、お手数ですがもう一度お申し込みください。',
      ],
      action: { label: 'もう一度申し込む', url: input.url },
    }),
  notKept: (input: Pick<KonbiniMailInput, 'what' | 'url'>) =>
    composeMail({
      subject: '【こころの整理室】お申し込みをお受けできませんでした',
      paragraphs: [
        `お手続きの間に${input.what}の枠がほかの方のご予約で埋まったため、お申し込みをお受けできませんでした。`,
        `コンビニでのお支払いは不要です。お手元の払込票ではお支払いにならないでください。${voucherPaidAnyway}`,
        'お手数ですが、別の日時でお申し込みください。',
      ],
      action: { label: '空き状況を見る', url: input.url },
    }),
};
