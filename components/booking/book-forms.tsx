'use client';

import Link from 'next/link';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { browserTimeZone } from '@/components/accounts/time-zone-select';
import { ActionButton } from '@/components/ui/action-button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { ThemeField } from './theme-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { RadioGroup } from '@/components/ui/radio-group';
import { bookSlotAction, registerAndBookAction, signInAndBookAction } from '@/features/booking/book-actions';
import { bookingMessages } from '@/features/booking/domain/messages';
import {
  type BookSignedInInput,
  type BookSlotInput,
  bookSignedInSchema,
  type RegisterAndBookInput,
  registerAndBookSchema,
  type SignInAndBookInput,
  signInAndBookSchema,
} from '@/features/booking/schemas';
import { practiceTimeZone } from '@/lib/time';

type Slot = { sessionType: string; startsAt: string; theme: string | null };
type Shared = Pick<BookSlotInput, 'theme' | 'agreeToPolicy' | 'couponCode'>;

const noSubscription = () => () => {};

/** The theme (optional), a coupon code (optional) and the policy agreement, common to the three forms. */
function ThemeAndPolicy({ register, errors }: { register: UseFormRegister<Shared>; errors: FieldErrors<Shared> }) {
  return (
    <>
      <ThemeField registration={register('theme', { setValueAs: (v) => v || null })} />
      <TextField
        label="クーポンコード"
        autoComplete="off"
        description="お持ちの方のみ入力してください。割引後の金額をご確認いただいてから、お支払いへ進みます。"
        registration={register('couponCode')}
        error={errors.couponCode?.message}
      />
      <CheckboxField registration={register('agreeToPolicy')} error={errors.agreeToPolicy?.message}>
        上のキャンセルポリシーに同意します
      </CheckboxField>
    </>
  );
}

/** A credit she can book this session with (a session package, 回数券). */
export type CreditChoice = { purchaseId: string; remaining: number };

/**
 * A signed-in client: one press holds the time (or resumes her hold) and goes on to payment.
 * With a package's credit, she chooses first: the credit books and confirms at once, no payment.
 */
export function BookSlotForm({ slot, credit }: { slot: Slot; credit?: CreditChoice }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<BookSignedInInput, void>(
    bookSignedInSchema,
    bookSlotAction,
    { ...slot, purchaseId: credit?.purchaseId ?? '' } as BookSignedInInput,
  );
  const withCredit = Boolean(credit) && form.watch('purchaseId') !== '';
  return (
    <form onSubmit={onSubmit} noValidate aria-label="ご予約">
      <FormStatus result={result} />
      {credit ? (
        <RadioGroup
          legend="お支払い方法"
          registration={form.register('purchaseId')}
          options={[
            { value: credit.purchaseId, label: bookingMessages.credit.choice(credit.remaining) },
            { value: '', label: 'お支払いして予約する' },
          ]}
        />
      ) : null}
      <ThemeAndPolicy register={form.register as never} errors={errors} />
      <ActionButton className="button" type="submit" busy={submitting}>
        {withCredit ? '回数券で予約を確定する' : 'お支払いへ進む'}
      </ActionButton>
    </form>
  );
}

/**
 * A signed-out visitor: 「はじめての方」 (the short sign-up) or 「登録済みの方」 (email and
 * password); either way one press creates the account or signs in, holds the time and goes on
 * to payment. No mail has to be opened first.
 */
export function SignUpAndBookForm({ slot }: { slot: Slot }) {
  const [who, setWho] = useState<'new' | 'existing'>('new');
  return (
    <>
      <fieldset className="choice">
        <legend>お客様情報</legend>
        <label>
          <input type="radio" name="who" value="new" checked={who === 'new'} onChange={() => setWho('new')} />
          はじめての方
        </label>
        <label>
          <input
            type="radio"
            name="who"
            value="existing"
            checked={who === 'existing'}
            onChange={() => setWho('existing')}
          />
          登録済みの方
        </label>
      </fieldset>
      {who === 'new' ? <NewClientForm slot={slot} /> : <ExistingClientForm slot={slot} />}
    </>
  );
}

function NewClientForm({ slot }: { slot: Slot }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<RegisterAndBookInput, void>(
    registerAndBookSchema,
    registerAndBookAction,
    { ...slot, timeZone: practiceTimeZone, phone: '' } as RegisterAndBookInput,
  );
  // Times are shown in the browser's zone: the account starts with it (changeable later).
  const zone = useSyncExternalStore(noSubscription, browserTimeZone, () => undefined);
  useEffect(() => {
    if (zone) form.setValue('timeZone', zone);
  }, [form, zone]);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="はじめての方のご予約">
      <FormStatus result={result} />
      <div className="field-row">
        <TextField
          label="姓"
          autoComplete="family-name"
          required
          registration={form.register('familyName')}
          error={errors.familyName?.message}
        />
        <TextField
          label="名"
          autoComplete="given-name"
          required
          registration={form.register('givenName')}
          error={errors.givenName?.message}
        />
      </div>
      <div className="field-row">
        <TextField
          label="セイ"
          required
          registration={form.register('familyNameKana')}
          error={errors.familyNameKana?.message}
        />
        <TextField
          label="メイ"
          required
          registration={form.register('givenNameKana')}
          error={errors.givenNameKana?.message}
        />
      </div>
      <TextField
        label="メールアドレス"
        type="email"
        autoComplete="email"
        required
        description="ご予約の確認と、メールアドレスの確認のメールをお送りします。"
        registration={form.register('email')}
        error={errors.email?.message}
      />
      <TextField
        label="パスワード"
        type="password"
        autoComplete="new-password"
        required
        description="10文字以上。マイページへのログインに使います。"
        registration={form.register('password')}
        error={errors.password?.message}
      />
      <CheckboxField registration={form.register('agreeToTerms')} error={errors.agreeToTerms?.message}>
        <Link href="/legal/terms">利用規約</Link>と<Link href="/legal/privacy">プライバシーポリシー</Link>に同意します
      </CheckboxField>
      <ThemeAndPolicy register={form.register as never} errors={errors as FieldErrors<Shared>} />
      <ActionButton className="button" type="submit" busy={submitting}>
        登録してお支払いへ進む
      </ActionButton>
    </form>
  );
}

function ExistingClientForm({ slot }: { slot: Slot }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<SignInAndBookInput, void>(
    signInAndBookSchema,
    signInAndBookAction,
    slot as SignInAndBookInput,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="登録済みの方のご予約">
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
      <p>
        <Link href="/forgot-password">パスワードをお忘れの方</Link>
      </p>
      <ThemeAndPolicy register={form.register as never} errors={errors as FieldErrors<Shared>} />
      <ActionButton className="button" type="submit" busy={submitting}>
        ログインしてお支払いへ進む
      </ActionButton>
    </form>
  );
}
