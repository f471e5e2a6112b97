'use client';

import { usePathname } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { subscribeAction } from '@/features/newsletter/actions';
import type { ActionResult } from '@/features/accounts/auth/define-action';
import { messages } from '@/lib/messages';
import { ActionButton } from '@/components/ui/action-button';

/**
 * Newsletter sign-up (double opt-in). Kept free of form libraries because it sits on every
 * page (footer, end of each article): the server action validates with the zod schema and
 * its field errors are shown here. The page it was sent from goes into the consent record.
 */
export function SubscribeForm({ idPrefix, label }: { idPrefix: string; label: string }) {
  const pathname = usePathname();
  const [result, setResult] = useState<ActionResult<undefined> | null>(null);
  const [pending, start] = useTransition();
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const emailId = `${idPrefix}-email`;
  const consentId = `${idPrefix}-consent`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    start(async () => {
      setResult(
        await subscribeAction({
          email: String(data.get('email') ?? ''),
          consent: (data.get('consent') === 'on') as true,
          sourcePath: pathname,
        }),
      );
    });
  };

  return (
    <form className="subscribe-form" onSubmit={onSubmit} noValidate aria-label={label}>
      <div className="field">
        <label htmlFor={emailId}>
          配信先のメールアドレス<span className="field__required">（必須）</span>
        </label>
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? `${emailId}-error` : undefined}
        />
        {fieldErrors.email ? (
          <p id={`${emailId}-error`} className="field__error">
            {fieldErrors.email[0]}
          </p>
        ) : null}
      </div>
      <div className="field field--checkbox">
        <input
          id={consentId}
          name="consent"
          type="checkbox"
          aria-invalid={fieldErrors.consent ? true : undefined}
          aria-describedby={fieldErrors.consent ? `${consentId}-error` : undefined}
        />
        <label htmlFor={consentId}>{messages.newsletter.consent}</label>
        {fieldErrors.consent ? (
          <p id={`${consentId}-error`} className="field__error">
            {fieldErrors.consent[0]}
          </p>
        ) : null}
      </div>
      <FormStatus result={result} />
      <ActionButton className="button" type="submit" busy={pending}>
        メールマガジンに登録
      </ActionButton>
    </form>
  );
}
