import type { Metadata } from 'next';
import { EmailRequestForm } from '@/components/accounts/email-request-form';

export const metadata: Metadata = { title: 'パスワードの再設定', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="container container--narrow">
      <h1>パスワードをお忘れの方</h1>
      <EmailRequestForm purpose="reset-password" />
    </div>
  );
}
