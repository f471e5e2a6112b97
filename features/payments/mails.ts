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
