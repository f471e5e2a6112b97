import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { VerifyEmailNotice } from '@/components/accounts/verify-email-notice';
import { IntakeConsentForm } from '@/components/intake/consent-form';
import { CrisisLines } from '@/components/intake/crisis-lines';
import { IntakeAnswers } from '@/components/intake/intake-answers';
import { IntakeForm } from '@/components/intake/intake-form';
import { read } from '@/lib/data';
import { getAccountProfile } from '@/features/accounts/queries';
import { emptyAnswers } from '@/features/intake/domain/schema';
import { composeIntake } from '@/features/intake/domain/definitions';
import { reflectionFromScores } from '@/features/intake/domain/reflection';
import { canEditIntake } from '@/features/intake/domain/window';
import { getIntakeKeyring } from '@/features/intake/keys';
import { getClientIntake } from '@/features/intake/queries';
import { requireUser } from '@/features/accounts/auth/guards';
import { messages } from '@/lib/messages';
import { siteConfig } from '@/lib/site-config';
import { practiceTimeZone, whenFor } from '@/lib/time';

export const metadata: Metadata = { title: '事前アンケート' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

/**
 * The client's own questionnaire for one booking. Only that client sees it here; the
 * counselor reads it in the admin, where every read is audited. Anyone else: 404.
 */
export default async function IntakePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { notice } = await searchParams;
  const user = await requireUser(`/portal/intake/${id}`);
  const now = new Date();
  const intake = await read(getClientIntake, getIntakeKeyring(), { bookingId: id, clientId: user.id, now });
  if (!intake) notFound();
  const { booking, window, response } = intake;
  const profile = await read(getAccountProfile, user.id);
  if (profile && !profile.emailVerified) {
    return (
      <>
        <h1>事前アンケート</h1>
        <p>
          {whenFor(booking.startsAt, profile.timeZone)}　{booking.sessionTypeName}
        </p>
        <VerifyEmailNotice email={profile.email} what="事前アンケート" />
      </>
    );
  }
  const answered = response?.readable ? response : null;
  const unreadable = response?.readable === false;
  const editable = !unreadable && canEditIntake(window, response?.status ?? 'none');
  const submitted = answered?.status === 'submitted';
  const theme = answered ? (answered.theme ?? 'none') : 'none';

  return (
    <>
      <h1>事前アンケート</h1>
      <p>
        {whenFor(booking.startsAt, profile?.timeZone ?? practiceTimeZone)}　{booking.sessionTypeName}
      </p>
      {notice === 'submitted' && submitted ? (
        <p role="status" className="form-status form-status--ok">
          {messages.intake.submitted}
        </p>
      ) : null}
      {/* Unreadable answers may hold a positive safety answer that nobody can see now. */}
      {answered?.flagged || unreadable ? <CrisisLines id="crisis-lines-top" headingLevel={2} intake /> : null}
      {answered?.status === 'submitted' ? (
        <section aria-labelledby="reflection-heading" className="panel reflection">
          <h2 id="reflection-heading">ご回答から</h2>
          {reflectionFromScores(answered.scores).map((p) => (
            <p key={p}>{p}</p>
          ))}
          <p>
            ここに書いたのは、ご回答から見えたひとつの見方です。セッションでは、あなたのペースで、言葉になりきらない部分も一緒に整理していきましょう。
          </p>
        </section>
      ) : null}

      {window === 'locked' ? (
        <p className="notice">
          {booking.status === 'confirmed' ? messages.intake.locked : 'このご予約のアンケートは受け付けていません。'}
        </p>
      ) : null}
      {window === 'late' && submitted ? (
        <p className="notice">セッションの24時間前を過ぎたため、送信済みの回答は変更できません。</p>
      ) : null}
      {window === 'open' && !unreadable ? <p>送信後も、セッションの24時間前までは回答を変更できます。</p> : null}

      {unreadable ? <p className="notice">{messages.intake.unreadable.client(siteConfig.seller.email)}</p> : null}
      {!response && editable ? <IntakeConsentForm bookingId={booking.id} /> : null}
      {answered && editable ? (
        <IntakeForm
          bookingId={booking.id}
          submitted={submitted}
          crisisAbove={answered.flagged}
          draftSavedAt={answered.updatedAt.toISOString()}
          initial={{
            bookingId: booking.id,
            theme,
            answers: { ...emptyAnswers(composeIntake(answered.theme).sections), ...answered.answers },
          }}
        />
      ) : null}
      {answered && !editable ? <IntakeAnswers sections={answered.sections} /> : null}
      <p>
        <Link href="/portal">マイページへ戻る</Link>
      </p>
    </>
  );
}
