import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AwaitingVoucherLine } from '@/components/admin/awaiting-voucher';
import { CounselorIntake } from '@/components/intake/counselor-intake';
import { PurchaseDetails } from '@/components/packages/purchase-details';
import { RefundUnusedForm } from '@/components/packages/refund-unused-form';
import { listClientPackages } from '@/features/packages/queries';
import { previewUnusedRefund } from '@/features/packages/purchase';
import { SessionNotePanel } from '@/components/session-notes/session-note-panel';
import { read, serviceContext } from '@/lib/data';
import { getAccountProfile } from '@/features/accounts/queries';
import { formatPhone } from '@/features/accounts/schemas';
import { bookingStatusLabel } from '@/features/booking/admin-queries';
import { listClientBookings } from '@/features/booking/queries';
import { awaitingVouchersOf } from '@/features/payments/queries';
import { getIntakeKeyring } from '@/features/intake/keys';
import { intakeStatusLabel } from '@/features/intake/queries';
import { readClientIntakesAsCounselor } from '@/features/intake/service';
import { listSessionNoteSummaries } from '@/features/session-notes/queries';
import { readSessionNoteAsCounselor } from '@/features/session-notes/service';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { siteConfig } from '@/lib/site-config';
import { isUuid } from '@/lib/ids';
import { formatYen } from '@/lib/format';
import { formatDateJa, formatDateTimeJa, zoneNameJa } from '@/lib/time';

export const metadata: Metadata = { title: 'クライアントの詳細' };

type Props = { params: Promise<{ id: string }> };

export default async function AdminClientPage({ params }: Props) {
  const { id } = await params;
  const counselor = await requireCounselor(`/admin/clients/${id}`);
  if (!isUuid(id)) notFound();
  const client = await read(getAccountProfile, id);
  if (!client || client.role !== 'client') notFound();
  const bookings = await read(listClientBookings, client.id);
  // Each questionnaire shown here is a read by the counselor, and is written to the audit log.
  const ctx = { ...(await serviceContext()), keyring: getIntakeKeyring() };
  const views = await readClientIntakesAsCounselor(ctx, { clientId: client.id, counselorId: counselor.id });
  // The running note is read (and audited) here; the sessions' notes only on their booking pages.
  const runningNote = await readSessionNoteAsCounselor(ctx, {
    clientId: client.id,
    bookingId: null,
    counselorId: counselor.id,
  });
  const noted = new Set((await read(listSessionNoteSummaries, client.id)).map((n) => n.bookingId));
  const packages = await read(listClientPackages, client.id, ctx.now);
  const refundPreviews = new Map(
    await Promise.all(packages.map(async (p) => [p.id, await previewUnusedRefund(ctx, p.id)] as const)),
  );
  const vouchers = await read(
    awaitingVouchersOf,
    'booking',
    bookings.filter((b) => b.status === 'awaiting_payment').map((b) => b.id),
  );
  const intakes = bookings.flatMap((booking) => {
    const view = views.find((v) => v.bookingId === booking.id);
    return view ? [{ booking, view }] : [];
  });
  return (
    <>
      <h1>
        {client.familyName} {client.givenName} さん
      </h1>
      <dl className="facts">
        <dt>フリガナ</dt>
        <dd>
          {client.familyNameKana} {client.givenNameKana}
        </dd>
        <dt>メールアドレス</dt>
        <dd>{client.email}</dd>
        <dt>電話番号</dt>
        <dd>{client.phone ? formatPhone(client.phone) : '—'}</dd>
        <dt>タイムゾーン</dt>
        <dd>
          {zoneNameJa(client.timeZone)}（{client.timeZone}）
        </dd>
        <dt>登録日</dt>
        <dd>{formatDateJa(client.createdAt, siteConfig.timeZone)}</dd>
      </dl>

      <SessionNotePanel
        headingId="running-note-heading"
        heading="経過メモ"
        label="このクライアントについての経過メモ"
        clientId={client.id}
        bookingId={null}
        note={runningNote}
      />

      <section aria-labelledby="client-bookings-heading" className="panel">
        <h2 id="client-bookings-heading">予約</h2>
        {bookings.length === 0 ? (
          <p>予約はありません。</p>
        ) : (
          <ul className="booking-list">
            {bookings.map((b) => {
              const voucher = vouchers.get(b.id);
              return (
                <li key={b.id}>
                  <Link href={`/admin/bookings/${b.id}`}>
                    {formatDateTimeJa(b.startsAt, siteConfig.timeZone)}　{b.sessionTypeName}
                  </Link>
                  （{bookingStatusLabel[b.status]}・アンケート：
                  {intakeStatusLabel[views.find((v) => v.bookingId === b.id)?.status ?? 'none']}
                  {noted.has(b.id) ? '・メモあり' : ''}）
                  {voucher ? (
                    <>
                      <br />
                      <small>
                        <AwaitingVoucherLine voucher={voucher} />
                      </small>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="client-packages-heading" className="panel">
        <h2 id="client-packages-heading">回数券</h2>
        {packages.length === 0 ? <p>回数券はありません。</p> : null}
        {packages.map((p) => {
          const preview = refundPreviews.get(p.id);
          return (
            <div key={p.id} className="package-purchase">
              <PurchaseDetails view={p} headingId={`purchase-${p.id}`} headingLevel={3} />
              <p>
                お支払い：{formatYen(p.priceYen)}
                {p.refundedYen > 0 ? <span className="nowrap">・返金：{formatYen(p.refundedYen)}</span> : null}
              </p>
              {/* Always mounted, so the outcome of a refund survives the page's re-render. */}
              <RefundUnusedForm
                purchaseId={p.id}
                name={p.name}
                unused={preview && preview.refundYen > 0 ? preview.unused : 0}
                refundYen={preview?.refundYen ?? 0}
              />
            </div>
          );
        })}
      </section>

      {intakes.map(({ booking, view }) => (
        <section key={booking.id} aria-labelledby={`intake-${booking.id}`} className="panel">
          <h2 id={`intake-${booking.id}`}>
            事前アンケート（{formatDateTimeJa(booking.startsAt, siteConfig.timeZone)}のセッション）
          </h2>
          <CounselorIntake view={view} headingId={`intake-${booking.id}`} />
        </section>
      ))}
      <p>
        <Link href="/admin/clients">クライアントの一覧へ</Link>
      </p>
    </>
  );
}
