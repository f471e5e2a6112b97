'use client';

import { useState, useTransition } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { confirmSubscriptionAction, unsubscribeAction } from '@/features/newsletter/actions';
import type { ActionResult } from '@/features/accounts/auth/define-action';
import { ActionButton } from '@/components/ui/action-button';

const actions = { confirm: confirmSubscriptionAction, unsubscribe: unsubscribeAction };

/**
 * One button that uses the token from the mail. A button rather than acting on page load:
 * mail scanners open links, and must neither subscribe nor unsubscribe anyone. With
 * `withoutScript`, a browser that runs no JavaScript posts the form there instead.
 */
export function TokenActionForm({
  token,
  kind,
  label,
  withoutScript,
}: {
  token: string;
  kind: keyof typeof actions;
  label: string;
  withoutScript?: string;
}) {
  const [result, setResult] = useState<ActionResult<undefined> | null>(null);
  const [pending, start] = useTransition();
  if (result?.ok) return <FormStatus result={result} />;
  return (
    <form
      method={withoutScript ? 'post' : undefined}
      action={withoutScript}
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => setResult(await actions[kind]({ token })));
      }}
    >
      <FormStatus result={result} />
      {withoutScript ? <input type="hidden" name="via" value="page" /> : null}
      <ActionButton className="button" type="submit" busy={pending} worksWithoutScript={Boolean(withoutScript)}>
        {label}
      </ActionButton>
    </form>
  );
}
