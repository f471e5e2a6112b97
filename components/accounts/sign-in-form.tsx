'use client';

import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { signInAction } from '@/features/accounts/actions';
import { signInSchema } from '@/features/accounts/schemas';
import { ActionButton } from '@/components/ui/action-button';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm(signInSchema, (v) =>
    signInAction({ ...v, callbackUrl }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">メールアドレスとパスワードでログイン</h2>
      <FormStatus result={result} />
      <TextField
        label="メールアドレス"
        type="email"
        autoComplete="email"
        required
        registration={form.register('email')}
        error={errors.email?.message}
      />
      <TextField
        label="パスワード"
        type="password"
        autoComplete="current-password"
        required
        registration={form.register('password')}
        error={errors.password?.message}
      />
      <ActionButton className="button" type="submit" busy={submitting}>
        ログイン
      </ActionButton>
    </form>
  );
}
