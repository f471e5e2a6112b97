import 'server-only';
import { composeMail } from '@/features/mail/compose';
import { formatYen } from '@/lib/format';

// Subjects and bodies say "回数券" and nothing about anyone's reasons for counseling.
export const packageMails = {
  purchased: (input: {
    name: string;
    sessionCount: number;
    priceYen: number;
    lastDay: string;
    covers: string[];
    url: string;
  }) =>
    composeMail({
      subject: '【こころの整理室】回数券ご購入の確認',
      paragraphs: [
        '回数券のお支払いを確認しました。ありがとうございます。',
        // One fact per line, no brackets inside brackets (a package name may carry its own).
        `回数券：${input.name}\n回数：${input.sessionCount}回\n有効期限：${input.lastDay}まで\nお支払い済み：${formatYen(input.priceYen)}`,
        `使えるセッション：${input.covers.join('、')}`,
        '対象のセッションのご予約に回数券をお使いいただけます。残りの回数と有効期限はマイページでいつでもご確認いただけます。',
      ],
      action: { label: 'マイページで回数券を見る', url: input.url },
    }),
  duplicateRefunded: (input: { name: string; amountYen: number; url: string }) =>
    composeMail({
      subject: '【こころの整理室】回数券の重複したお支払いの返金',
      paragraphs: [
        `${input.name}のお支払いが重ねて届いたため、あとから届いた${formatYen(input.amountYen)}を全額返金いたしました。カード会社により、反映まで数日かかる場合があります。`,
        'お買い求めいただいた回数券はそのままお使いいただけます。',
      ],
      action: { label: 'マイページで回数券を見る', url: input.url },
    }),
  unusedRefunded: (input: { name: string; unused: number; refundYen: number; url: string }) =>
    composeMail({
      subject: '【こころの整理室】回数券の未使用分の返金',
      paragraphs: [
        `${input.name}の未使用分${input.unused}回について、${formatYen(input.refundYen)}を返金いたします。カード会社により、反映まで数日かかる場合があります。`,
        'この回数券でのこれからのご予約はできなくなりました。すでにご予約済みのセッションはそのまま受けられます。',
      ],
      action: { label: 'マイページで回数券を見る', url: input.url },
    }),
};
