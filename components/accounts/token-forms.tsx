'use client';

import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { confirmEmailChangeAction, resetPasswordAction, verifyEmailAction } from '@/features/accounts/actions';
import { resetPasswordSchema, tokenSchema } from '@/features/accounts/schemas';
import { ActionButton } from '@/components/ui/action-button';

/**
 * A mailed link opens a page with a button rather than acting on GET, so that mail scanners
 * that prefetch links cannot use up the single-use token.
 */
export function ConfirmTokenForm({
  token,
  purpose,
  next,
}: {
  token: string;
  purpose: 'verify-email' | 'change-email';
  next?: string;
}) {
  const action =
    purpose === 'verify-email'
      ? (v: { token: string }) => verifyEmailAction({ ...v, callbackUrl: next })
      : confirmEmailChangeAction;
  const { onSubmit, result, submitting } = useActionForm(tokenSchema, action, { token });
  return (
    <form onSubmit={onSubmit}>
      <FormStatus result={result} />
      <ActionButton className="button" type="submit" busy={submitting}>
        {purpose === 'verify-email' ? 'メールアドレスを確認する' : '新しいメールアドレスに変更する'}
      </ActionButton>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm(resetPasswordSchema, resetPasswordAction, {
    token,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormStatus result={result} />
      <TextField
        label="新しいパスワード"
        type="password"
        autoComplete="new-password"
        required
        description="10文字以上"
        registration={form.register('password')}
        error={errors.password?.message}
      />
      <TextField
        label="新しいパスワード（確認）"
        type="password"
        autoComplete="new-password"
        required
        registration={form.register('confirm')}
        error={errors.confirm?.message}
      />
      <ActionButton className="button" type="submit" busy={submitting}>
        パスワードを設定する
      </ActionButton>
    </form>
  );
}
