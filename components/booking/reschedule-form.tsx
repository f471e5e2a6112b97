'use client';

import { useState, useTransition } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { ActionButton } from '@/components/ui/action-button';
import { rescheduleBookingAction } from '@/features/booking/actions';
import type { ActionResult } from '@/features/accounts/auth/define-action';

/**
 * Nothing here is typed by the client (the booking and the chosen time are fixed), so the browser
 * gets no schema and no form library: the server action parses its input as always. With them,
 * the reschedule page shipped zod and the phone-number metadata (~73 KB gzip) to show a calendar.
 */
export function RescheduleForm({ bookingId, startsAt }: { bookingId: string; startsAt: string }) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        // A success redirects to the booking (?notice=rescheduled); a refusal is shown here.
        start(async () => setResult(await rescheduleBookingAction({ bookingId, startsAt })));
      }}
    >
      <FormStatus result={result} />
      <ActionButton className="button" type="submit" busy={pending}>
        この日時に変更する（無料）
      </ActionButton>
    </form>
  );
}
