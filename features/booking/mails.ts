import 'server-only';
import { composeMail } from '@/features/mail/compose';
import { voucherNotToPay } from '@/features/payments/mails';
import { formatYen } from '@/lib/format';
import { bookingMessages } from './domain/messages';

// Subjects and bodies never name what the session is about.
export const bookingMails = {
  confirmed: (input: {
    when: string;
    sessionName: string;
    priceYen: number;
    url: string;
    /** Booked with a session package's credit: which package and what it has left. */
    credit?: { name: string; remaining: number };
  }) =>
    composeMail({
      subject: '【こころの整理室】ご予約の確認',
      paragraphs: [
        'ご予約ありがとうございます。以下の内容で承りました。',
        `日時：${input.when}\nセッション：${input.sessionName}\n${
          input.credit
            ? `お支払い：回数券（${input.credit.name}）を1回分使用\n回数券の残り：${input.credit.remaining}回`
            : `お支払い済み：${formatYen(input.priceYen)}`
        }`,
        'カレンダーに登録できるファイル（.ics）を添付しています。参加方法や事前アンケートはマイページでご確認ください。',
      ],
      action: { label: 'マイページで予約を見る', url: input.url },
    }),
  lostAndRefunded: (input: { when: string; amountYen: number; url: string }) =>
    composeMail({
      subject: '【こころの整理室】ご予約についてのお詫びと返金',
      paragraphs: [
        `お支払いの完了までに仮押さえの時間（30分）が過ぎ、その間に${input.when}の枠にほかのご予約が入ったため、ご予約をお取りできませんでした。`,
        `お支払いいただいた${formatYen(input.amountYen)}は全額を返金いたしました。カード会社により、反映まで数日かかる場合があります。`,
        'お手数をおかけして申し訳ありません。別のお時間でのご予約をお待ちしております。',
      ],
      action: { label: '空き時間を見る', url: input.url },
    }),
  /** A konbini payment made after the counselor cancelled the booking it was for. */
  paidAfterCancellation: (input: { when: string; amountYen: number; url: string }) =>
    composeMail({
      subject: '【こころの整理室】お支払いの返金',
      paragraphs: [
        `キャンセルとなった${input.when}のご予約へのお支払い${formatYen(input.amountYen)}を確認しました。行き違いとなり申し訳ありません。全額を返金いたします。`,
        bookingMessages.konbiniRefund,
      ],
      action: { label: '空き時間を見る', url: input.url },
    }),
  /** She booked the time with a package's credit, and a payment for it still came through. */
  creditBookingPaymentRefunded: (input: { when: string; amountYen: number; url: string }) =>
    composeMail({
      subject: '【こころの整理室】お支払いの返金',
      paragraphs: [
        `${input.when}のご予約は回数券でお取りしているため、同じご予約へのお支払い${formatYen(input.amountYen)}は全額を返金いたしました。カード会社により、反映まで数日かかる場合があります。`,
        'ご予約はそのまま確定しています。',
      ],
      action: { label: 'マイページで予約を見る', url: input.url },
    }),
  reminder: (input: { when: string; url: string }) =>
    composeMail({
      subject: '【こころの整理室】明日のご予約のお知らせ',
      paragraphs: [
        `${input.when}にご予約をいただいています。`,
        '参加方法と事前アンケートはマイページでご確認ください。ご都合が悪くなった場合も、マイページからお手続きいただけます。',
      ],
      action: { label: 'マイページで予約を見る', url: input.url },
    }),
  cancelled: (input: {
    when: string;
    refundYen: number;
    feeYen: number;
    byCounselor: boolean;
    konbini?: boolean;
    /** Booked with a credit: whether it came back, and what the package has left. */
    credit?: { outcome: 'returned' | 'used'; remaining: number };
    /** Cancelled while awaiting its konbini payment: nothing was paid, the voucher must not be. */
    unpaidVoucher?: { number: string | null };
  }) =>
    composeMail({
      subject: '【こころの整理室】ご予約のキャンセル',
      paragraphs: [
        input.byCounselor
          ? `誠に申し訳ありませんが、カウンセラーの都合により${input.when}のご予約をキャンセルさせていただきました。`
          : `${input.when}のご予約のキャンセルを承りました。`,
        input.unpaidVoucher
          ? voucherNotToPay(input.unpaidVoucher.number)
          : input.credit
            ? input.credit.outcome === 'returned'
              ? `ご予約に使った回数券の1回分をお戻ししました。回数券の残りは${input.credit.remaining}回です。`
              : 'キャンセル料がかかる期間のため、ご予約に使った回数券の1回分は使用済みになりました。返金はありません。'
            : input.refundYen > 0
              ? input.konbini
                ? `${input.feeYen > 0 ? `キャンセル料：${formatYen(input.feeYen)}\n` : ''}返金額：${formatYen(input.refundYen)}\n${bookingMessages.konbiniRefund}`
                : `${input.feeYen > 0 ? `キャンセル料：${formatYen(input.feeYen)}\n返金額：${formatYen(input.refundYen)}\nご利用のカードへ返金します。` : `全額の${formatYen(input.refundYen)}を、ご利用のカードへ返金します。`}カード会社により、反映まで数日かかる場合があります。`
              : `キャンセル料：${formatYen(input.feeYen)}\n返金はありません。`,
      ],
    }),
};
