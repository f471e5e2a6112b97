import { isWholeDay, type MinuteRange } from '@/features/agenda/domain/agenda';
import { timeFromMinutes } from '@/features/booking/admin-schemas';

/** How her imported appointments are named on her agenda: the time only, never a title (none is stored). */
export const busyLabel = '予定あり（取り込み）';

export const busyTimeText = (r: MinuteRange) =>
  isWholeDay(r) ? '終日' : `${timeFromMinutes(r.startMinute)}〜${timeFromMinutes(r.endMinute)}`;
