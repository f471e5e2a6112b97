import type { Metadata } from 'next';
import Link from 'next/link';
import { SessionPackageForm } from '@/components/admin/session-package-form';
import { listSessionTypesForEditing } from '@/features/booking/queries';
import { listSessionPackages } from '@/features/packages/admin-service';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { read } from '@/lib/data';

export const metadata: Metadata = { title: '回数券' };

export default async function SessionPackagesPage() {
  await requireCounselor('/admin/packages');
  const [packages, types] = await Promise.all([
    read(listSessionPackages, { includeInactive: true }),
    read(listSessionTypesForEditing),
  ]);
  const sessionTypes = types.map((t) => ({ id: t.id, name: t.name, active: t.active }));
  return (
    <>
      <h1>回数券</h1>
      <p>
        数回分のセッションをまとめた回数券の内容を決めます。料金は税込の金額を円単位で入力します。変更はこれからの販売に適用され、購入済みの回数券の回数・料金・有効期限は変わりません。
      </p>
      <p>
        販売中の回数券は<Link href="/packages">回数券のページ</Link>
        に表示されます。クライアントごとの残り回数と未使用分の返金は、クライアントの詳細ページにあります。
      </p>
      {packages.length === 0 ? <p>まだ回数券はありません。下のフォームから追加できます。</p> : null}
      {packages.map((p) => (
        <section key={p.id} aria-labelledby={`package-${p.id}`}>
          <h2 id={`package-${p.id}`}>
            {p.name}
            {p.active ? null : '（販売停止中）'}
          </h2>
          <SessionPackageForm
            sessionTypes={sessionTypes}
            initial={{
              id: p.id,
              name: p.name,
              sessionCount: p.sessionCount,
              priceYen: p.priceYen,
              validityMonths: p.validityMonths,
              sessionTypeIds: p.sessionTypeIds,
              description: p.description,
              active: p.active,
              sortOrder: p.sortOrder,
            }}
          />
        </section>
      ))}
      <section aria-labelledby="new-package">
        <h2 id="new-package">新しい回数券</h2>
        <SessionPackageForm
          sessionTypes={sessionTypes}
          initial={{
            name: '',
            sessionCount: 3,
            priceYen: '',
            validityMonths: 3,
            sessionTypeIds: [],
            description: '',
            active: true,
            sortOrder: packages.length + 1,
          }}
        />
      </section>
    </>
  );
}
