import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HoldForm } from '@/components/booking/hold-form';
import { read } from '@/lib/data';
import { getAccountProfile } from '@/features/accounts/queries';
import { getSessionTypeBySlug } from '@/features/booking/queries';
import { findTheme } from '@/features/library/themes';
import { requireUser } from '@/lib/auth/guards';
import { formatYen } from '@/lib/format';
import { practiceTimeZone, whenFor } from '@/lib/time';

export const metadata: Metadata = { title: '日時の確認', robots: { index: false } };

type Props = { params: Promise<{ sessionType: string }>; searchParams: Promise<{ start?: string; theme?: string }> };

export default async function ConfirmSlotPage({ params, searchParams }: Props) {
  const { sessionType } = await params;
  const { start, theme } = await searchParams;
  const query = new URLSearchParams({ ...(start ? { start } : {}), ...(theme ? { theme } : {}) });
  // Signing in (or registering) comes back here with the chosen slot.
  const user = await requireUser(`/book/${sessionType}/confirm?${query}`);
  const type = await read(getSessionTypeBySlug, sessionType);
  const startsAt = start ? new Date(start) : undefined;
  if (!type || !startsAt || Number.isNaN(startsAt.getTime())) notFound();
  const profile = await read(getAccountProfile, user.id);
  const chosenTheme = findTheme(theme);
  return (
    <div className="container container--narrow">
      <h1>日時の確認</h1>
      <dl className="facts">
        <dt>セッション</dt>
        <dd>
          {type.name}（{formatYen(type.priceYen)}）
        </dd>
        <dt>日時</dt>
        <dd>{whenFor(startsAt, profile?.timeZone ?? practiceTimeZone)}</dd>
        {chosenTheme ? (
          <>
            <dt>ご相談のテーマ</dt>
            <dd>{chosenTheme.label}</dd>
          </>
        ) : null}
      </dl>
      <p>仮押さえの間（30分）は、ほかの方がこの時間を予約することはできません。続けてお支払いの画面へ進みます。</p>
      <HoldForm sessionType={type.slug} startsAt={startsAt.toISOString()} theme={chosenTheme?.id ?? null} />
      <p>
        <Link href={`/book/${type.slug}${chosenTheme ? `?theme=${chosenTheme.id}` : ''}`}>別の日時を選ぶ</Link>
      </p>
    </div>
  );
}
