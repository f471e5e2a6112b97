import type { Metadata } from 'next';
import {
  BookingSettingsForm,
  DeleteOverrideButton,
  OverrideForm,
  WeeklyHoursForm,
} from '@/components/admin/availability-forms';
import { read } from '@/lib/data';
import { timeFromMinutes } from '@/features/booking/admin-schemas';
import { practiceDayHours } from '@/features/booking/domain/slots';
import { getAvailability, getBookingSettings } from '@/features/booking/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { addDays, dateInZone, formatDateJa, formatDateTimeJa, japanInstant, practiceTimeZone } from '@/lib/time';

export const metadata: Metadata = { title: '受付時間' };

const tz = practiceTimeZone;

export default async function AvailabilityPage() {
  await requireCounselor('/admin/availability');
  const [availability, settings] = await Promise.all([read(getAvailability), read(getBookingSettings)]);
  const today = dateInZone(new Date(), tz);
  const preview = Array.from({ length: 7 }, (_, i) => addDays(today, i)).map((date) => ({
    date,
    hours: practiceDayHours(date, availability.rules, availability.overrides, tz),
  }));
  return (
    <>
      <h1>受付時間</h1>
      <section aria-labelledby="preview-heading" className="panel">
        <h2 id="preview-heading">これから7日間の受付時間</h2>
        <ul>
          {preview.map((d) => (
            <li key={d.date}>
              <time dateTime={d.date}>{formatDateJa(new Date(`${d.date}T00:00:00+09:00`), tz)}</time>：
              {d.hours.length === 0
                ? '休み'
                : d.hours
                    .map(
                      (h) =>
                        `${formatDateTimeJa(h.start, tz).split(' ')[1]}〜${formatDateTimeJa(h.end, tz).split(' ')[1]}`,
                    )
                    .join('、')}
            </li>
          ))}
        </ul>
      </section>
      <WeeklyHoursForm
        initial={{
          rules: availability.rules.map((r) => ({
            weekday: r.weekday,
            start: timeFromMinutes(r.startMinute),
            end: timeFromMinutes(r.endMinute),
          })),
        }}
      />
      <OverrideForm />
      {availability.overrides.length > 0 ? (
        <ul className="override-list" aria-label="登録済みの休み・追加の受付時間">
          {availability.overrides.map((o, i) => {
            const label = `${formatDateJa(japanInstant(o.date), tz)} ${o.kind === 'closed' ? '休み' : `${timeFromMinutes(o.startMinute)}〜${timeFromMinutes(o.endMinute)}`}`;
            return (
              <li key={`${o.date}-${i}`}>
                {label} <DeleteOverrideButton id={availability.overrideIds[i]!} label={label} />
              </li>
            );
          })}
        </ul>
      ) : null}
      <BookingSettingsForm
        initial={{
          bufferMinutes: settings.bufferMinutes,
          minNoticeHours: Math.round(settings.minNoticeMinutes / 60),
          horizonDays: settings.horizonDays,
          stepMinutes: settings.stepMinutes,
          meetingLinkLeadHours: settings.meetingLinkLeadHours,
        }}
      />
    </>
  );
}
