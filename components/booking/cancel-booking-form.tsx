'use client';

import { usePathname, useRouter } from 'next/navigation';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { counselorCancelBookingAction } from '@/features/booking/actions';
import { bookingIdSchema } from '@/features/booking/schemas';
import { ActionButton } from '@/components/ui/action-button';

/**
 * The counselor's cancellation (always a full refund), after saying so. A client cancels on
 * its own confirmation screen, /portal/bookings/[id]/cancel.
 */
export function CancelBookingForm({ bookingId, preview }: { bookingId: string; preview: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const { onSubmit, result, submitting } = useActionForm(
    bookingIdSchema,
    async (input) => {
      const outcome = await counselorCancelBookingAction(input);
      // The page shows the outcome: the form itself goes once the booking is cancelled.
      if (outcome.ok) router.replace(`${pathname}?notice=cancelled`);
      return outcome;
    },
    { bookingId },
  );
  return (
    <form onSubmit={onSubmit} aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">カウンセラー都合でキャンセル</h2>
      <p className="notice">{preview}</p>
      <FormStatus result={result} />
      <ActionButton className="button button--danger" type="submit" busy={submitting || result?.ok}>
        キャンセルする
      </ActionButton>
    </form>
  );
}
