'use client';

import Link from 'next/link';
import { useEffect, useSyncExternalStore } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { registerAction } from '@/features/accounts/actions';
import { type ProfileInput, type RegisterInput, registerSchema } from '@/features/accounts/schemas';
import { practiceTimeZone } from '@/lib/time';
import { ProfileFields } from './profile-fields';
import { browserTimeZone } from './time-zone-select';
import { ActionButton } from '@/components/ui/action-button';

const noSubscription = () => () => {};

export function RegisterForm({ callbackUrl }: { callbackUrl?: string }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<RegisterInput, undefined>(
    registerSchema,
    (v) => registerAction({ ...v, callbackUrl }),
    {
      timeZone: practiceTimeZone,
      phone: '',
    },
  );
  // The browser's zone is known only in the browser; the server renders Tokyo.
  const zone = useSyncExternalStore(noSubscription, browserTimeZone, () => undefined);
  useEffect(() => {
    if (zone) form.setValue('timeZone', zone);
  }, [form, zone]);

  if (result?.ok) {
    return <FormStatus result={result} />;
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="register-heading">
      <h2 id="register-heading">アカウント情報</h2>
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
        autoComplete="new-password"
        required
        description="10文字以上。長めの文章のようなパスワードがおすすめです。"
        registration={form.register('password')}
        error={errors.password?.message}
      />
      <ProfileFields
        register={form.register as unknown as UseFormRegister<ProfileInput>}
        errors={errors}
        timeZone={zone}
      />
      <CheckboxField registration={form.register('agreeToTerms')} error={errors.agreeToTerms?.message}>
        <Link href="/legal/terms">利用規約</Link>と<Link href="/legal/privacy">プライバシーポリシー</Link>に同意します
      </CheckboxField>
      <ActionButton className="button" type="submit" busy={submitting}>
        登録する
      </ActionButton>
    </form>
  );
}
