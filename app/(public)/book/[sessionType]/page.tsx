import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SlotPicker } from '@/components/booking/slot-picker';
import { getDb } from '@/db';
import { getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { findTheme } from '@/features/library/themes';
import { formatYen } from '@/lib/format';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ sessionType: string }>; searchParams: Promise<{ theme?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const type = await getSessionTypeBySlug(await getDb(), (await params).sessionType);
  return { title: type ? `${type.name}の予約` : '予約', robots: { index: false } };
}

export default async function BookSessionTypePage({ params, searchParams }: Props) {
  const db = await getDb();
  const type = await getSessionTypeBySlug(db, (await params).sessionType);
  if (!type) notFound();
  const theme = findTheme((await searchParams).theme);
  const slots = await getOpenSlots(db, type, new Date());
  return (
    <div className="container container--narrow">
      <h1>{type.name}の予約</h1>
      <p>
        {formatYen(type.priceYen)}・{type.durationMinutes}
        分。ご希望の日時を選んでください（ログインは次の画面で行います）。
      </p>
      {theme ? <p className="notice">ご相談のテーマ：{theme.label}</p> : null}
      <SlotPicker
        slots={slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() }))}
        sessionType={type.slug}
        theme={theme?.id}
      />
    </div>
  );
}
