import 'server-only';
import { composeMail } from '@/features/mail/compose';
import { formatYen } from '@/lib/format';
import type { NotificationKind } from './domain/kinds';

/**
 * What the counselor is told, by kind. Discretion: a mail may show on a locked phone or in a
 * shared inbox, so it carries when, which kind of session or which cohort, amounts and a link to
 * the admin page — never the client's name, theme, questionnaire answers or an article's topic.
 * Everything else is one click away, behind her sign-in.
 */
export type CounselorNotice =
  | {
      kind: 'booking_paid';
      when: string;
      sessionName: string;
      priceYen: number;
      url: string;
      /** Booked with a session package's credit instead of a payment. */
      credit?: { name: string; remaining: number };
    }
  | {
      kind: 'booking_cancelled';
      when: string;
      sessionName: string;
      feeYen: number;
      refundYen: number;
      url: string;
      /** Booked with a credit: whether the cancellation gave it back or used it up. */
      credit?: 'returned' | 'used';
    }
  | { kind: 'booking_rescheduled'; from: string; to: string; sessionName: string; url: string }
  | { kind: 'course_enrolled'; cohortName: string; priceYen: number; url: string }
  | { kind: 'course_seat_cancelled'; cohortName: string; refundYen: number; url: string }
  | { kind: 'waitlist_accepted'; cohortName: string; priceYen: number; url: string }
  | { kind: 'intake_flagged'; when: string; url: string }
  | { kind: 'refund_failing'; amountYen: number; since: string; url: string }
  | { kind: 'payment_for_lost_slot'; what: string; amountYen: number; url: string }
  | { kind: 'package_purchased'; packageName: string; sessionCount: number; priceYen: number; url: string };

type Mail = { subject: string; text: string; html: string };

const subject = (s: string) => `【こころの整理室】${s}`;
const footer = 'このお知らせは管理画面の「お知らせ設定」で止められます。';

/** One notice: what happened, its facts one per line, the page to open. */
const notice = (
  title: string,
  lead: string,
  facts: string[],
  action: { label: string; url: string },
  stoppable = true,
) =>
  composeMail({
    subject: subject(title),
    paragraphs: [lead, ...(facts.length > 0 ? [facts.join('\n')] : []), ...(stoppable ? [footer] : [])],
    action,
  });

const booking = (url: string) => ({ label: '予約を見る', url });
const roster = (url: string) => ({ label: '受講者の一覧を見る', url });

const bodies: { [K in NotificationKind]: (n: Extract<CounselorNotice, { kind: K }>) => Mail } = {
  booking_paid: (n) =>
    notice(
      '新しいご予約',
      n.credit
        ? 'セッションのご予約が入りました。回数券でのご予約です。'
        : 'セッションのご予約が入り、お支払いが済みました。',
      [
        `日時：${n.when}（日本時間）`,
        `セッション：${n.sessionName}`,
        n.credit
          ? `お支払い：回数券・${n.credit.name}を1回分使用、残り${n.credit.remaining}回`
          : `お支払い：${formatYen(n.priceYen)}`,
      ],
      booking(n.url),
    ),
  booking_cancelled: (n) =>
    notice(
      'ご予約のキャンセル',
      'クライアントがご予約をキャンセルしました。',
      [
        `日時：${n.when}（日本時間）`,
        `セッション：${n.sessionName}`,
        ...(n.credit
          ? [
              n.credit === 'returned'
                ? '回数券：1回分をお戻ししました'
                : '回数券：キャンセル料の期間のため1回分を使用済み',
            ]
          : [`キャンセル料：${formatYen(n.feeYen)}`, `返金：${formatYen(n.refundYen)}`]),
      ],
      booking(n.url),
    ),
  booking_rescheduled: (n) =>
    notice(
      'ご予約の日時の変更',
      'クライアントがご予約の日時を変更しました。',
      [`変更前：${n.from}（日本時間）`, `変更後：${n.to}（日本時間）`, `セッション：${n.sessionName}`],
      booking(n.url),
    ),
  course_enrolled: (n) =>
    notice(
      '講座のお申し込み',
      '講座のお申し込みがあり、お支払いが済みました。',
      [`期：${n.cohortName}`, `お支払い：${formatYen(n.priceYen)}`],
      roster(n.url),
    ),
  course_seat_cancelled: (n) =>
    notice(
      '講座のキャンセル',
      '受講者が講座をキャンセルしました。空いた席はキャンセル待ちの方に順にご案内します。',
      [`期：${n.cohortName}`, `返金：${formatYen(n.refundYen)}`],
      roster(n.url),
    ),
  waitlist_accepted: (n) =>
    notice(
      'キャンセル待ちからのお申し込み',
      'キャンセル待ちで空席のご案内を受けた方が、お支払いを済ませました。',
      [`期：${n.cohortName}`, `お支払い：${formatYen(n.priceYen)}`],
      roster(n.url),
    ),
  intake_flagged: (n) =>
    notice(
      '事前アンケートの確認のお願い',
      `${n.when}（日本時間）のご予約の事前アンケートに、セッション前の確認が必要な回答があります。`,
      ['内容は管理画面でご確認ください（閲覧は記録されます）。'],
      { label: '予約と事前アンケートを見る', url: n.url },
      false,
    ),
  refund_failing: (n) =>
    notice(
      '返金が完了していません',
      `${n.since}（日本時間）に記録した${formatYen(n.amountYen)}の返金を、Stripeがまだ受け付けていません。自動で再試行を続けています。`,
      ['続く場合は、Stripeの管理画面で支払いの状態をご確認ください。'],
      { label: '対象を見る', url: n.url },
    ),
  payment_for_lost_slot: (n) =>
    notice(
      '埋まった枠へのお支払いを返金しました',
      `お支払いの完了までに${n.what}がほかの方でふさがったため、${formatYen(n.amountYen)}を全額自動で返金しました。クライアントにはお詫びと返金のご案内を送っています。`,
      [],
      { label: '対象を見る', url: n.url },
    ),
  package_purchased: (n) =>
    notice(
      '回数券のご購入',
      '回数券のご購入があり、お支払いが済みました。',
      [`回数券：${n.packageName}・${n.sessionCount}回分`, `お支払い：${formatYen(n.priceYen)}`],
      { label: 'クライアントの詳細を見る', url: n.url },
    ),
};

export function counselorNoticeMail(notice: CounselorNotice): Mail {
  return (bodies[notice.kind] as (n: CounselorNotice) => Mail)(notice);
}

export type AgendaMailLine = { time: string; label: string };

/** The day's sessions and lessons, at her chosen time: times and kinds only, the rest on /admin. */
export function dailyAgendaMail(input: { date: string; lines: AgendaMailLine[]; url: string }): Mail {
  return composeMail({
    subject: subject(`${input.date}の予定`),
    paragraphs: [
      input.lines.length === 0
        ? `${input.date}（日本時間）は、セッションも講座もありません。`
        : `${input.date}（日本時間）の予定は${input.lines.length}件です。`,
      ...(input.lines.length > 0 ? [input.lines.map((l) => `${l.time}　${l.label}`).join('\n')] : []),
      'お名前や事前アンケートの状態は管理画面でご確認ください。このメールは「お知らせ設定」で止められます。',
    ],
    action: { label: '今日の予定を開く', url: input.url },
  });
}
