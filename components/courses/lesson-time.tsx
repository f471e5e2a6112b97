'use client';

import { useViewerTimeZone } from '@/components/booking/viewer-time-zone';
import { formatDateTimeJa, practiceTimeZone } from '@/lib/time';

/**
 * A lesson's time on the visitor's clock, with Japan time beside it when the two differ
 * (Japan time while rendering on the server, then the browser's zone).
 */
export function LessonTime({ at, zone }: { at: string; zone?: string }) {
  const viewer = useViewerTimeZone();
  const timeZone = zone ?? viewer;
  const instant = new Date(at);
  const local = formatDateTimeJa(instant, timeZone);
  const jst = formatDateTimeJa(instant, practiceTimeZone);
  return (
    // A date and its time never break mid-way on a phone (2026年12月／24日, 05:／59).
    <time dateTime={at}>
      <span className="nowrap">{local}</span>
      {local === jst ? null : (
        <span className="lesson-time__jst">
          （日本時間 <span className="nowrap">{jst}</span>）
        </span>
      )}
    </time>
  );
}
