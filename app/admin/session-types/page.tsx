import type { Metadata } from 'next';
import { SessionTypeForm } from '@/components/admin/session-type-form';
import { read } from '@/lib/data';
import { listSessionTypesForEditing } from '@/features/booking/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';

export const metadata: Metadata = { title: 'セッションの種類' };

export default async function SessionTypesPage() {
  await requireCounselor('/admin/session-types');
  const types = await read(listSessionTypesForEditing);
  return (
    <>
      <h1>セッションの種類と料金</h1>
      <p>料金は税込の金額を円単位で入力します。変更は次のご予約から適用され、予約済みの料金は変わりません。</p>
      {types.map((t) => (
        <section key={t.id} aria-labelledby={`type-${t.id}`}>
          <h2 id={`type-${t.id}`}>{t.name}</h2>
          <SessionTypeForm initial={{ ...t, defaultMeetingUrl: t.defaultMeetingUrl ?? '' }} />
        </section>
      ))}
      <section aria-labelledby="new-type">
        <h2 id="new-type">新しいセッションの種類</h2>
        <SessionTypeForm
          initial={{
            slug: '',
            name: '',
            mode: 'online',
            durationMinutes: 60,
            priceYen: 11000,
            description: '',
            active: true,
            sortOrder: types.length + 1,
            defaultMeetingUrl: '',
          }}
        />
      </section>
    </>
  );
}
