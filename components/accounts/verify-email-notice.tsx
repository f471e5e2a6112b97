'use client';

import { useState, useTransition } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { resendMyVerificationAction } from '@/features/accounts/actions';
import type { ActionResult } from '@/features/accounts/auth/define-action';

/**
 * Shown instead of a sensitive page (the questionnaire, the data export) while the client's
 * address is unverified: what to do, and the link mailed again at one press.
 */
export function VerifyEmailNotice({ email, what, level = 2 }: { email: string; what: string; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <section className="panel" aria-labelledby="verify-email-heading">
      <Heading id="verify-email-heading">メールアドレスの確認をお願いします</Heading>
      <p>
        {what}は、メールアドレスの確認が済んでから使えます。<span className="nowrap">{email}</span>
        にお送りしたメールを開き、「メールアドレスを確認する」を押してください。
      </p>
      <FormStatus result={result} />
      <ActionButton
        type="button"
        className="button button--secondary"
        busy={pending}
        onClick={() => start(async () => setResult(await resendMyVerificationAction({})))}
      >
        確認メールをもう一度送る
      </ActionButton>
    </section>
  );
}
