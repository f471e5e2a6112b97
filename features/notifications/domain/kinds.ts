import type { NotificationKind } from '@/db/schema';
import { type CivilDate, dateInZone, zonedParts } from '@/lib/time/zone';

export type { NotificationKind };

/** How each kind is named on the settings page, in the words she uses. */
export const notificationKindLabels: Record<NotificationKind, { label: string; hint: string }> = {
  booking_paid: { label: '新しいご予約（お支払い済み）', hint: 'セッションの予約が確定したとき' },
  booking_cancelled: {
    label: 'クライアントによるキャンセル',
    hint: 'キャンセル料と返金額をお知らせします',
  },
  booking_rescheduled: { label: '日時の変更', hint: 'クライアントが予約の日時を変えたとき' },
  course_enrolled: { label: '講座のお申し込み', hint: 'お支払いが済み、受講が確定したとき' },
  course_seat_cancelled: { label: '講座のキャンセル', hint: '受講者が講座の席をキャンセルしたとき' },
  waitlist_accepted: {
    label: 'キャンセル待ちからのお申し込み',
    hint: '空席のご案内を受けた方がお支払いを済ませたとき',
  },
  intake_flagged: {
    label: '事前アンケートの要確認',
    hint: '安全に関する質問に、確認が必要な回答があったとき',
  },
  refund_failing: { label: '返金が完了しないとき', hint: 'Stripeが返金を15分以上受け付けていないとき' },
  payment_for_lost_slot: {
    label: '埋まった枠へのお支払い（自動返金）',
    hint: 'お支払いが届く前に枠や席がふさがり、全額を自動で返金したとき',
  },
  package_purchased: { label: '回数券のご購入', hint: 'クライアントが回数券を購入し、お支払いが済んだとき' },
};

/** Every kind, in the order the settings page lists them (the record above makes it complete). */
export const notificationKindsInOrder = Object.keys(notificationKindLabels) as NotificationKind[];

export type NoticeSettings = {
  disabledKinds: readonly NotificationKind[];
  dailyAgendaEnabled: boolean;
  /** Minutes after midnight, Japan time. */
  dailyAgendaMinute: number;
};

export const defaultNoticeSettings: NoticeSettings = {
  disabledKinds: [],
  dailyAgendaEnabled: false,
  dailyAgendaMinute: 7 * 60,
};

/** Every kind is on unless she turned it off. */
export function wantsNotice(settings: NoticeSettings, kind: NotificationKind): boolean {
  return !settings.disabledKinds.includes(kind);
}

/**
 * How late after her chosen time the day's agenda may still go (a job that was down, a restart):
 * later than this it would arrive in the middle of her day, so that day is skipped.
 */
export const dailyAgendaGraceMinutes = 120;

/**
 * The date (in `timeZone`) whose agenda is due at `now`, or null. Due from her chosen time
 * until the grace period ends, so a job that runs every minute finds it once it is time.
 */
export function dailyAgendaDueDate(settings: NoticeSettings, now: Date, timeZone: string): CivilDate | null {
  if (!settings.dailyAgendaEnabled) return null;
  const parts = zonedParts(now, timeZone);
  const minute = parts.hour * 60 + parts.minute;
  const late = minute - settings.dailyAgendaMinute;
  if (late < 0 || late > dailyAgendaGraceMinutes) return null;
  return dateInZone(now, timeZone);
}

/** The key under which an event's notice is recorded, so it goes once. */
export const noticeKey = (kind: NotificationKind | 'daily_agenda', ...parts: string[]) => [kind, ...parts].join(':');
