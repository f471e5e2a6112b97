import type { Metadata } from 'next';
import Link from 'next/link';
import { PurchaseDetails } from '@/components/packages/purchase-details';
import { getAccountProfile } from '@/features/accounts/queries';
import { requireUser } from '@/features/accounts/auth/guards';
import { listClientPackages } from '@/features/packages/queries';
import { read } from '@/lib/data';
import { practiceTimeZone } from '@/lib/time';

export const metadata: Metadata = { title: '回数券' };

/** Her packages: what is left, until when, and every use, return, expiry and refund. */
export default async function PortalPackagesPage() {
  const user = await requireUser('/portal/packages');
  const [packages, profile] = await Promise.all([
    read(listClientPackages, user.id, new Date()),
    read(getAccountProfile, user.id),
  ]);
  const zone = profile?.timeZone ?? practiceTimeZone;
  return (
    <>
      <h1>回数券</h1>
      {packages.length === 0 ? (
        <p>お持ちの回数券はありません。</p>
      ) : (
        packages.map((p) => (
          <section key={p.id} className="panel" aria-labelledby={`package-${p.id}`}>
            <PurchaseDetails view={p} headingId={`package-${p.id}`} timeZone={zone} />
          </section>
        ))
      )}
      <p>
        <Link href="/packages">回数券の種類と料金を見る</Link>
      </p>
    </>
  );
}
