import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { composeMail } from '@/features/mail/compose';
import { konbiniRefundNote, voucherNotToPay } from '@/features/payments/mails';
import { formatYen } from '@/lib/format';

// Subjects and bodies say "講座" and nothing about anyone's reasons for taking it.
export const courseMails = {
  offer: (input: { until: string; url: string }) =>
    composeMail({
      subject: '【こころの整理室】講座のお席に空きが出ました',
      paragraphs: [
        'キャンセル待ちにご登録いただいていた講座に空きが出ましたので、お席をお取りしています。',
        `${input.until}までにお申し込みとお支払いを済ませていただくと、受講が確定します。期限を過ぎると、お席は次の方にご案内します。`,
      ],
      action: { label: 'お申し込みを続ける', url: input.url },
    }),
  enrolled: (input: { courseTitle: string; cohortName: string; firstLesson: string; priceYen: number; url: string }) =>
    composeMail({
      subject: '【こころの整理室】講座お申し込みの確認',
      paragraphs: [
        'お申し込みとお支払いを確認しました。ご受講をお待ちしております。',
        // One fact per line, no brackets inside brackets (a cohort or zone name may carry its own).
        `講座：${input.courseTitle}\n開講期：${input.cohortName}\n初回：${input.firstLesson}\nお支払い済み：${formatYen(input.priceYen)}`,
        'すべての回の日程をカレンダーに登録できるファイル（.ics）を添付しています。参加URLと資料はマイページに表示されます。',
      ],
      action: { label: 'マイページで講座を見る', url: input.url },
    }),
  cancelled: (input: { courseTitle: string; refundYen: number; byCounselor: boolean }) =>
    composeMail({
      subject: '【こころの整理室】講座のキャンセル',
      paragraphs: [
        input.byCounselor
          ? `誠に申し訳ありませんが、カウンセラーの都合により${input.courseTitle}のお席をキャンセルさせていただきました。`
          : `${input.courseTitle}のキャンセルを承りました。`,
        input.refundYen > 0
          ? `お支払いいただいた${formatYen(input.refundYen)}は全額を返金いたします。カード会社により、反映まで数日かかる場合があります。`
          : '初回講義の7日前を過ぎているため、講座の規定により返金はありません。',
      ],
    }),
  cohortCancelled: (input: {
    courseTitle: string;
    cohortName: string;
    refundYen: number | null;
    /** Her seat awaited a konbini payment: the voucher must not be paid. */
    unpaidVoucher?: { number: string | null };
  }) =>
    composeMail({
      subject: '【こころの整理室】講座の開講中止のお知らせ',
      paragraphs: [
        `誠に申し訳ありませんが、${input.courseTitle}・${input.cohortName}は開講を中止することになりました。`,
        input.refundYen
          ? `お支払いいただいた${formatYen(input.refundYen)}は全額を返金いたします。カード会社により、反映まで数日かかる場合があります。`
          : input.unpaidVoucher
            ? `お申し込みは取り消しました。${voucherNotToPay(input.unpaidVoucher.number)}`
            : 'お申し込み・キャンセル待ちはすべて取り消しました。お支払いは発生していません。',
        'ご迷惑をおかけして申し訳ありません。次回の開講は講座のページでお知らせします。',
      ],
    }),
  lostAndRefunded: (input: { courseTitle: string; amountYen: number; url: string }) =>
    composeMail({
      subject: '【こころの整理室】講座お申し込みについてのお詫びと返金',
      paragraphs: [
        `お支払いの完了までにお席の確保時間が過ぎ、その間に${input.courseTitle}のお席が埋まったため、お申し込みをお受けできませんでした。`,
        `お支払いいただいた${formatYen(input.amountYen)}は全額を返金いたしました。カード会社により、反映まで数日かかる場合があります。`,
      ],
      action: { label: '講座のページを見る', url: input.url },
    }),
  /** A konbini voucher paid after the cohort it was for was cancelled. */
  paidAfterCohortCancelled: (input: { courseTitle: string; cohortName: string; amountYen: number; url: string }) =>
    composeMail({
      subject: '【こころの整理室】お支払いの返金',
      paragraphs: [
        `開講を中止した${input.courseTitle}・${input.cohortName}へのお支払い${formatYen(input.amountYen)}を確認しました。行き違いとなり申し訳ありません。全額を返金いたします。`,
        konbiniRefundNote,
      ],
      action: { label: '講座のページを見る', url: input.url },
    }),
  announcement: (input: { subject: string; body: string; url: string }) =>
    composeMail({
      subject: `【こころの整理室】${input.subject}`,
      paragraphs: input.body
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean),
      action: { label: 'マイページで講座を見る', url: input.url },
    }),
};

export async function clientOf(db: Db, clientId: string | null) {
  if (!clientId) return undefined;
  const [client] = await db.select().from(users).where(eq(users.id, clientId));
  return client;
}
