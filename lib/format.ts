/** Japanese display formats. Pure: the zone is always passed in. */

const weekday = ['日', '月', '火', '水', '木', '金', '土'] as const;

function partsIn(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const weekdayIndex = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    weekday: weekday[weekdayIndex] ?? '',
  };
}

/** 2026年12月3日(木) */
export function formatDateJa(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.year}年${p.month}月${p.day}日(${p.weekday})`;
}

/** 2026年12月3日(木) 14:00 */
export function formatDateTimeJa(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.year}年${p.month}月${p.day}日(${p.weekday}) ${p.hour}:${p.minute}`;
}

/** YYYY-MM-DD in the zone, for <time dateTime> and feeds. */
export function isoDateIn(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`;
}

/** 11,000円（税込）: yen have no minor unit, so the amount is shown as stored. */
export function formatYen(amount: number): string {
  if (!Number.isInteger(amount)) throw new RangeError(`yen amounts are integers, got ${amount}`);
  return `${amount.toLocaleString('ja-JP')}円（税込）`;
}
