'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { holdSeatAction, joinWaitlistAction, leaveWaitlistAction } from '@/features/courses/actions';
import type { ActionResult } from '@/features/accounts/auth/define-action';
import { ActionButton } from '@/components/ui/action-button';

type Kind = 'hold' | 'waitlist' | 'leave';
const actions = { hold: holdSeatAction, waitlist: joinWaitlistAction, leave: leaveWaitlistAction };
const labels = {
  // What pressing does is said beside the button, not in it: a long label broke as 「…確／保）」 on a phone.
  hold: 'この回に申し込む',
  waitlist: 'キャンセル待ちに登録する',
  leave: 'キャンセル待ちを取り消す',
};

/** Registration for a cohort: hold a seat, or join or leave its waitlist. A cohort that just filled offers the waitlist. */
export function SeatButton({
  cohortId,
  kind: initial,
  cohortName,
}: {
  cohortId: string;
  kind: Kind;
  cohortName: string;
}) {
  const router = useRouter();
  const [kind, setKind] = useState(initial);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      const outcome = await actions[kind]({ cohortId });
      setResult(outcome);
      if (!outcome.ok && outcome.code === 'cohort_full') setKind('waitlist');
      if (outcome.ok) router.refresh();
    });
  return (
    <div className="seat-button">
      <FormStatus result={result} />
      {result?.ok ? null : (
        <ActionButton
          type="button"
          className={kind === 'leave' ? 'button button--secondary' : 'button'}
          busy={pending}
          onClick={run}
          aria-describedby={`cohort-${cohortId}-name`}
        >
          {labels[kind]}
        </ActionButton>
      )}
      {kind === 'hold' && !result?.ok ? (
        <p className="field__description" id={`cohort-${cohortId}-hold-note`}>
          お申し込みの手続きのあいだ、30分間お席をお取りします。
        </p>
      ) : null}
      <span id={`cohort-${cohortId}-name`} className="sr-only">
        {cohortName}
      </span>
    </div>
  );
}
