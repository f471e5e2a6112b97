'use client';

import type { UseFormRegister } from 'react-hook-form';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import {
  changeEmailAction,
  changePasswordAction,
  deleteAccountAction,
  updateProfileAction,
} from '@/features/accounts/actions';
import {
  changeEmailSchema,
  changePasswordSchema,
  deleteAccountSchema,
  type ProfileInput,
  profileSchema,
} from '@/features/accounts/schemas';
import { ProfileFields } from './profile-fields';
import { ActionButton } from '@/components/ui/action-button';

export function ProfileForm({ initial }: { initial: ProfileInput }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<ProfileInput, undefined>(
    profileSchema,
    updateProfileAction,
    initial,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading">プロフィール</h2>
      <FormStatus result={result} />
      <ProfileFields
        register={form.register as UseFormRegister<ProfileInput>}
        errors={errors}
        timeZone={initial.timeZone}
      />
      <ActionButton className="button" type="submit" busy={submitting}>
        保存する
      </ActionButton>
    </form>
  );
}

export function ChangeEmailForm({ current }: { current: string }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm(changeEmailSchema, changeEmailAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="email-heading">
      <h2 id="email-heading">メールアドレスの変更</h2>
      <p>現在のメールアドレス：{current}</p>
      <FormStatus result={result} />
      <TextField
        id="change-email"
        label="新しいメールアドレス"
        type="email"
        autoComplete="email"
        required
        registration={form.register('email')}
        error={errors.email?.message}
      />
      <TextField
        id="change-email-password"
        label="現在のパスワード"
        type="password"
        autoComplete="current-password"
        required
        registration={form.register('currentPassword')}
        error={errors.currentPassword?.message}
      />
      <ActionButton className="button button--secondary" type="submit" busy={submitting}>
        確認メールを送る
      </ActionButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const { form, onSubmit, result, errors, submitting } = useActionForm(changePasswordSchema, changePasswordAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">パスワードの変更</h2>
      <FormStatus result={result} />
      <TextField
        id="current-password"
        label="現在のパスワード"
        type="password"
        autoComplete="current-password"
        required
        registration={form.register('currentPassword')}
        error={errors.currentPassword?.message}
      />
      <TextField
        id="new-password"
        label="新しいパスワード"
        type="password"
        autoComplete="new-password"
        required
        description="10文字以上"
        registration={form.register('password')}
        error={errors.password?.message}
      />
      <TextField
        id="new-password-confirm"
        label="新しいパスワード（確認）"
        type="password"
        autoComplete="new-password"
        required
        registration={form.register('confirm')}
        error={errors.confirm?.message}
      />
      <ActionButton className="button button--secondary" type="submit" busy={submitting}>
        パスワードを変更する
      </ActionButton>
    </form>
  );
}

export function DeleteAccountForm() {
  const { form, onSubmit, result, errors, submitting } = useActionForm(deleteAccountSchema, deleteAccountAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="delete-heading" className="danger-zone">
      <h2 id="delete-heading">アカウントの削除</h2>
      <p>アカウントを削除すると、プロフィール、事前アンケートの回答、ログインの記録が削除され、元に戻せません。</p>
      <p>
        ただし、お支払いと返金の記録（日付・金額・領収書の宛名）は、法人税法・所得税法により帳簿書類として7年間保存することが義務づけられているため、削除後もその期間は保存し、会計処理以外には使用しません。
      </p>
      <FormStatus result={result} />
      <TextField
        id="delete-password"
        label="確認のため、現在のパスワードを入力してください"
        type="password"
        autoComplete="current-password"
        required
        registration={form.register('currentPassword')}
        error={errors.currentPassword?.message}
      />
      <ActionButton className="button button--danger" type="submit" busy={submitting}>
        アカウントを削除する
      </ActionButton>
    </form>
  );
}
