'use client';

import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import {
  requestLoginLinkAction,
  requestPasswordResetAction,
  resendVerificationAction,
} from '@/features/accounts/actions';
import { emailOnlySchema } from '@/features/accounts/schemas';
import { ActionButton } from '@/components/ui/action-button';

const purposes = {
  'login-link': {
    action: requestLoginLinkAction,
    heading: 'メールでログイン用リンクを受け取る',
    submit: 'リンクを送る',
    description: 'パスワードなしでログインできるリンクをお送りします（15分間有効）。',
  },
  'reset-password': {
    action: requestPasswordResetAction,
    heading: 'パスワードの再設定',
    submit: '再設定のメールを送る',
    description: 'ご登録のメールアドレスに、パスワード再設定用のリンクをお送りします（1時間有効）。',
  },
  'resend-verification': {
    action: resendVerificationAction,
    heading: '確認メールの再送',
    submit: '確認メールを再送する',
    description: '登録確認のメールが届かない場合はこちらから再送できます。',
  },
} as const;

/** One address, one mailed link: sign-in links, password resets and verification resends. */
export function EmailRequestForm({ purpose, callbackUrl }: { purpose: keyof typeof purposes; callbackUrl?: string }) {
  const p = purposes[purpose];
  const { form, onSubmit, result, errors, submitting } = useActionForm(emailOnlySchema, (v) =>
    p.action({ ...v, callbackUrl }),
  );
  const headingId = `${purpose}-heading`;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>{p.heading}</h2>
      <p>{p.description}</p>
      <FormStatus result={result} />
      <TextField
        id={`${purpose}-email`}
        label="メールアドレス"
        type="email"
        autoComplete="email"
        required
        registration={form.register('email')}
        error={errors.email?.message}
      />
      <ActionButton className="button button--secondary" type="submit" busy={submitting}>
        {p.submit}
      </ActionButton>
    </form>
  );
}
