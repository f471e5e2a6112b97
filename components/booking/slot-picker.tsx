'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { groupSlotsByDay } from '@/features/booking/domain/slots';
import { isPracticeTimeZone, practiceTimeZone } from '@/lib/time';
import { useViewerTimeZone } from './viewer-time-zone';

type Props = {
  slots: { start: string; end: string }[];
  sessionType: string;
  theme?: string | null;
  /** Moving an existing booking: slots lead to its reschedule page instead of a new hold. */
  rescheduleBookingId?: string;
};

/** Open slots by day, on the visitor's clock, with Japan time beside when it differs. */
export function SlotPicker({ slots, sessionType, theme, rescheduleBookingId }: Props) {
  const zone = useViewerTimeZone();
  const days = useMemo(
    () =>
      groupSlotsByDay(
        slots.map((s) => ({ start: new Date(s.start), end: new Date(s.end) })),
        zone,
        practiceTimeZone,
      ),
    [slots, zone],
  );
  if (days.length === 0) return <p>現在、予約できる時間はありません。日を改めてご覧ください。</p>;
  return (
    <div className="slot-picker">
      <p className="slot-picker__zone">
        時刻は {isPracticeTimeZone(zone) ? '日本時間' : `お使いの端末のタイムゾーン（${zone}）`} で表示しています。
      </p>
      {days.map((day) => (
        <section key={day.date} className="slot-day" aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`} className="slot-day__label">
            {day.label}
          </h2>
          <ul className="slot-day__slots">
            {day.slots.map((slot) => {
              const params = new URLSearchParams({ start: slot.start.toISOString() });
              if (theme) params.set('theme', theme);
              return (
                <li key={slot.start.toISOString()}>
                  <Link
                    className="slot"
                    href={
                      rescheduleBookingId
                        ? `/portal/bookings/${rescheduleBookingId}/reschedule?${params}`
                        : `/book/${sessionType}/confirm?${params}`
                    }
                    prefetch={false}
                  >
                    <span className="slot__time">{slot.time}</span>
                    {slot.practiceTime ? <span className="slot__jst">{slot.practiceTime}</span> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
