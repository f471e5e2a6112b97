'use client';

import { usePathname, useRouter } from 'next/navigation';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { cancelBookingAction, counselorCancelBookingAction } from '@/features/booking/actions';
import { bookingIdSchema } from '@/features/booking/schemas';
import { ActionButton } from '@/components/ui/action-button';

/** Cancels after showing, in words, what cancelling now costs. */
export function CancelBookingForm({
  bookingId,
  preview,
  asCounselor = false,
}: {
  bookingId: string;
  preview: string;
  asCounselor?: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const { onSubmit, result, submitting } = useActionForm(
    bookingIdSchema,
    async (input) => {
      const outcome = await (asCounselor ? counselorCancelBookingAction(input) : cancelBookingAction(input));
      // The page shows the outcome: the form itself goes once the booking is cancelled.
      if (outcome.ok) router.replace(`${pathname}?notice=cancelled`);
      return outcome;
    },
    { bookingId },
  );
  return (
    <form onSubmit={onSubmit} aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{asCounselor ? 'カウンセラー都合でキャンセル' : 'キャンセル'}</h2>
      <p className="notice">{preview}</p>
      <FormStatus result={result} />
      <ActionButton className="button button--danger" type="submit" busy={submitting || result?.ok}>
        キャンセルする
      </ActionButton>
    </form>
  );
}
