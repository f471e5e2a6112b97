import { isWholeDay, type MinuteRange } from '@/features/agenda/domain/agenda';
import { timeFromMinutes } from '@/features/booking/admin-schemas';

/** How her imported appointments are named on her agenda: the time only, never a title (none is stored). */
export const busyShortLabel = '予定あり';
export const busySource = '（取り込み）';
export const busyLabel = `${busyShortLabel}${busySource}`;

export const busyTimeText = (r: MinuteRange) =>
  isWholeDay(r) ? '終日' : `${timeFromMinutes(r.startMinute)}〜${timeFromMinutes(r.endMinute)}`;
