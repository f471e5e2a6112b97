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
    <time dateTime={at}>
      {local}
      {local === jst ? null : <span className="lesson-time__jst">（日本時間 {jst}）</span>}
    </time>
  );
}
