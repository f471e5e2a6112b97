import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SlotCalendar } from '@/components/booking/slot-calendar';
import { read } from '@/lib/data';
import { isTimeZone, practiceTimeZone } from '@/lib/time';
import { getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { findTheme } from '@/features/library/themes';
import { formatYen } from '@/lib/format';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ sessionType: string }>;
  searchParams: Promise<{ theme?: string; month?: string; day?: string; tz?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const type = await read(getSessionTypeBySlug, (await params).sessionType);
  return { title: type ? `${type.name}の予約` : '予約', robots: { index: false } };
}

export default async function BookSessionTypePage({ params, searchParams }: Props) {
  const type = await read(getSessionTypeBySlug, (await params).sessionType);
  if (!type) notFound();
  const query = await searchParams;
  const theme = findTheme(query.theme);
  const tz = isTimeZone(query.tz) ? query.tz : undefined;
  const now = new Date();
  const slots = await read(getOpenSlots, type, now);
  return (
    <div className="container container--narrow">
      <h1>{type.name}の予約</h1>
      <p>
        {formatYen(type.priceYen)}・{type.durationMinutes}
        分。ご希望の日時を選んでください（ログインは次の画面で行います）。
      </p>
      {theme ? <p className="notice">ご相談のテーマ：{theme.label}</p> : null}
      <SlotCalendar
        slots={slots}
        basePath={`/book/${type.slug}`}
        keep={{ theme: theme?.id, tz }}
        month={query.month}
        day={query.day}
        zone={tz ?? practiceTimeZone}
        now={now}
        slotHref={(start) => {
          const params = new URLSearchParams({ start: start.toISOString() });
          if (theme) params.set('theme', theme.id);
          return `/book/${type.slug}/confirm?${params}`;
        }}
      />
    </div>
  );
}
