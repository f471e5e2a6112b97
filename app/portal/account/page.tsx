import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import {
  ChangeEmailForm,
  ChangePasswordForm,
  DeleteAccountForm,
  ProfileForm,
} from '@/components/accounts/account-forms';
import { VerifyEmailNotice } from '@/components/accounts/verify-email-notice';
import { SignOutButton } from '@/components/accounts/sign-out-buttons';
import { read } from '@/lib/data';
import { getAccountProfile } from '@/features/accounts/queries';
import { formatPhone } from '@/features/accounts/schemas';
import { requireUser } from '@/features/accounts/auth/guards';

export const metadata: Metadata = { title: 'アカウント', robots: { index: false } };

export default async function AccountPage() {
  const user = await requireUser('/portal/account');
  const profile = await read(getAccountProfile, user.id);
  if (!profile) notFound();
  return (
    <>
      <h1>アカウント</h1>
      <ProfileForm
        initial={{
          familyName: profile.familyName,
          givenName: profile.givenName,
          familyNameKana: profile.familyNameKana,
          givenNameKana: profile.givenNameKana,
          phone: profile.phone ? formatPhone(profile.phone) : '',
          timeZone: profile.timeZone,
        }}
      />
      <ChangeEmailForm current={profile.email} />
      <ChangePasswordForm />
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">ログイン中の端末</h2>
        <p>共有の端末でログアウトし忘れたときは、すべての端末からログアウトできます。</p>
        <SignOutButton everywhere />
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">データの書き出し</h2>
        <p>当ルームが保存しているあなたの情報を、JSON形式のファイルでダウンロードできます。</p>
        {profile.emailVerified ? (
          <a className="button button--secondary" href="/portal/account/export" download>
            データをダウンロード
          </a>
        ) : (
          <VerifyEmailNotice email={profile.email} what="データの書き出し" level={3} />
        )}
      </section>
      {profile.role === 'client' ? <DeleteAccountForm /> : null}
    </>
  );
}
