import 'server-only';
import { composeMail } from '@/features/mail/compose';
import { formatYen } from '@/lib/format';
import { bookingMessages } from './domain/messages';

// Subjects and bodies never name what the session is about.
export const bookingMails = {
  confirmed: (input: { when: string; sessionName: string; priceYen: number; url: string }) =>
    composeMail({
      subject: '【こころの整理室】ご予約の確認',
      paragraphs: [
        'ご予約ありがとうございます。以下の内容で承りました。',
        `日時：${input.when}\nセッション：${input.sessionName}\nお支払い済み：${formatYen(input.priceYen)}`,
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
  reminder: (input: { when: string; url: string }) =>
    composeMail({
      subject: '【こころの整理室】明日のご予約のお知らせ',
      paragraphs: [
        `${input.when}にご予約をいただいています。`,
        '参加方法と事前アンケートはマイページでご確認ください。ご都合が悪くなった場合も、マイページからお手続きいただけます。',
      ],
      action: { label: 'マイページで予約を見る', url: input.url },
    }),
  cancelled: (input: { when: string; refundYen: number; feeYen: number; byCounselor: boolean; konbini?: boolean }) =>
    composeMail({
      subject: '【こころの整理室】ご予約のキャンセル',
      paragraphs: [
        input.byCounselor
          ? `誠に申し訳ありませんが、カウンセラーの都合により${input.when}のご予約をキャンセルさせていただきました。`
          : `${input.when}のご予約のキャンセルを承りました。`,
        input.refundYen > 0
          ? input.konbini
            ? `${input.feeYen > 0 ? `キャンセル料：${formatYen(input.feeYen)}\n` : ''}返金額：${formatYen(input.refundYen)}\n${bookingMessages.konbiniRefund}`
            : `${input.feeYen > 0 ? `キャンセル料：${formatYen(input.feeYen)}\n返金額：${formatYen(input.refundYen)}\nご利用のカードへ返金します。` : `全額の${formatYen(input.refundYen)}を、ご利用のカードへ返金します。`}カード会社により、反映まで数日かかる場合があります。`
          : `キャンセル料：${formatYen(input.feeYen)}\n返金はありません。`,
      ],
    }),
};
