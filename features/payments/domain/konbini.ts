/**
 * Konbini (コンビニ決済) rules, pure. Stripe's voucher expires at 23:59:59 JST of the day
 * `expires_after_days` after the day it is issued (Japan has no daylight saving: JST is UTC+9
 * all year, so the arithmetic here needs no zone database).
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const JST_OFFSET_MS = 9 * HOUR_MS;

/** Days a voucher is valid by default (Stripe's default too). */
export const konbiniPreferredDays = 3;
/**
 * The deadline must leave this much time before the session (or the first lesson): the client
 * knows for sure a day ahead, and the counselor is not left with an unpaid slot at the last minute.
 */
export const konbiniMarginHours = 24;
/**
 * After the voucher's deadline the slot stays kept this long: a payment made at the till at
 * 23:59 reaches us a little later, and should confirm rather than be refunded as lost.
 */
export const konbiniGraceMinutes = 60;

/** 23:59:59.999 JST of the day `days` after the Japanese day of `issuedAt`. */
export function konbiniDeadline(issuedAt: Date, days: number): Date {
  const jst = issuedAt.getTime() + JST_OFFSET_MS;
  const startOfDayJst = jst - (((jst % DAY_MS) + DAY_MS) % DAY_MS);
  return new Date(startOfDayJst + (days + 1) * DAY_MS - 1 - JST_OFFSET_MS);
}

/** How long the slot or seat is kept for a voucher due at `dueAt`. */
export function keptUntil(dueAt: Date): Date {
  return new Date(dueAt.getTime() + konbiniGraceMinutes * 60 * 1000);
}

/**
 * `expires_after_days` for a checkout opened at `now` for something that starts at `startsAt`:
 * up to `preferredDays`, fewer when the start is near, so that the deadline (plus the grace)
 * is never later than the start less the margin. Null when not even one day fits: konbini
 * cannot be offered.
 */
export function konbiniExpiresAfterDays(input: {
  startsAt: Date;
  now: Date;
  preferredDays?: number;
  marginHours?: number;
}): number | null {
  const latest = input.startsAt.getTime() - (input.marginHours ?? konbiniMarginHours) * HOUR_MS;
  for (let days = input.preferredDays ?? konbiniPreferredDays; days >= 1; days--) {
    if (keptUntil(konbiniDeadline(input.now, days)).getTime() <= latest) return days;
  }
  return null;
}

/** The reminder goes out at 10:00 JST on the day before the deadline's day. */
export function voucherReminderAt(dueAt: Date): Date {
  const jst = dueAt.getTime() + JST_OFFSET_MS;
  const startOfDayJst = jst - (((jst % DAY_MS) + DAY_MS) % DAY_MS);
  return new Date(startOfDayJst - DAY_MS + 10 * HOUR_MS - JST_OFFSET_MS);
}

/**
 * Whether the day-before reminder is due now: from its time until the deadline, and only for a
 * voucher issued before that time (one issued later was just mailed; a reminder would repeat it).
 */
export function isVoucherReminderDue(input: { dueAt: Date; issuedAt: Date; now: Date }): boolean {
  const at = voucherReminderAt(input.dueAt).getTime();
  return input.issuedAt.getTime() < at && input.now.getTime() >= at && input.now < input.dueAt;
}

/** The konbini terms, for the 特商法 page and the terms (one wording, from the numbers above). */
export const konbiniTerms = `コンビニ決済のお支払い期限は、お申し込みの${konbiniPreferredDays}日後の23時59分です。開始が近い場合は、開始の${konbiniMarginHours}時間以上前に期限が来るよう短くなります。期限まではご予約のお時間・講座のお席をお取り置きし、期限までにお支払いが確認できない場合は自動的にキャンセルとなります。コンビニ決済の返金は、決済会社のStripeからのメールでご登録いただく銀行口座へのお振り込みとなります。`;
