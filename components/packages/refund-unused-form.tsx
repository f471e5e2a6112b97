'use client';

import { useState } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { refundUnusedCreditsAction } from '@/features/packages/actions';
import { refundUnusedSchema } from '@/features/packages/schemas';
import { formatYen, formatYenAmount } from '@/lib/format';

/**
 * The counselor refunds a package's unused part in two steps: the first press shows the amount
 * in yen and what follows; only the second refunds. The server checks that the unused count is
 * still what was shown, and records the refund once however often it is pressed.
 */
export function RefundUnusedForm({
  purchaseId,
  name,
  unused,
  refundYen,
}: {
  purchaseId: string;
  name: string;
  unused: number;
  refundYen: number;
}) {
  const [confirming, setConfirming] = useState(false);
  const { onSubmit, result, submitting } = useActionForm(refundUnusedSchema, refundUnusedCreditsAction, {
    purchaseId,
    expectedUnused: unused,
  });
  const headingId = `refund-${purchaseId}`;
  // After the refund the page re-renders with nothing left to refund: this form stays mounted
  // (the page always renders it) so that its outcome is still announced; with nothing to refund
  // and nothing to say, it renders nothing.
  if (unused === 0 && !result) return null;
  return (
    <form onSubmit={onSubmit} aria-labelledby={headingId}>
      <h4 id={headingId}>未使用分の返金</h4>
      <FormStatus result={result} />
      {result?.ok ? null : confirming ? (
        <>
          <p className="notice" role="status">
            {name}の未使用{unused}回分として、<strong>{formatYen(refundYen)}</strong>
            を返金します。返金すると、この回数券では新しい予約ができなくなります（予約済みのセッションはそのままです）。
          </p>
          <p>
            <ActionButton className="button button--danger" type="submit" busy={submitting}>
              {formatYenAmount(refundYen)}を返金する
            </ActionButton>{' '}
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              やめる
            </button>
          </p>
        </>
      ) : (
        <p>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            未使用分の返金へ進む
          </button>
        </p>
      )}
    </form>
  );
}
