'use client';

import Link from 'next/link';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { consentToIntakeAction } from '@/features/intake/actions';
import { type IntakeConsentInput, intakeConsentSchema } from '@/features/intake/schemas';
import { ActionButton } from '@/components/ui/action-button';

/** APPI: what is stored, why, and who reads it; nothing is stored before this is agreed to. */
export function IntakeConsentForm({ bookingId }: { bookingId: string }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<IntakeConsentInput, undefined>(
    intakeConsentSchema,
    consentToIntakeAction,
    {
      bookingId,
      consent: false as unknown as true,
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="consent-heading" className="panel">
      <h2 id="consent-heading">回答の前に：個人情報の取り扱いについて</h2>
      <ul>
        <li>
          このアンケートでは、心身の状態や通院・服薬の有無など、個人情報保護法上の「要配慮個人情報」をお聞きします。
        </li>
        <li>
          回答は、セッションの準備のためだけに使い、担当カウンセラーだけが読みます。カウンセラーが読んだ記録も残ります。
        </li>
        <li>
          回答は暗号化して保存します。アカウントのページから、ご自身の回答をダウンロードすることも、アカウントごと削除することもできます。
        </li>
      </ul>
      <p>
        詳しくは<Link href="/legal/privacy">プライバシーポリシー</Link>をご覧ください。
      </p>
      <FormStatus result={result} />
      <CheckboxField registration={form.register('consent')} error={errors.consent?.message} id="intake-consent">
        上記の取り扱いに同意し、要配慮個人情報を含む回答の保存を認めます
      </CheckboxField>
      <ActionButton className="button" type="submit" busy={submitting}>
        同意して回答をはじめる
      </ActionButton>
    </form>
  );
}
