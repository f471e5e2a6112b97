'use client';

import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { rescheduleBookingAction } from '@/features/booking/actions';
import { rescheduleSchema } from '@/features/booking/schemas';
import { ActionButton } from '@/components/ui/action-button';

export function RescheduleForm({ bookingId, startsAt }: { bookingId: string; startsAt: string }) {
  const { onSubmit, result, submitting } = useActionForm(rescheduleSchema, rescheduleBookingAction, {
    bookingId,
    startsAt,
  });
  return (
    <form onSubmit={onSubmit}>
      <FormStatus result={result} />
      <ActionButton className="button" type="submit" busy={submitting}>
        この日時に変更する（無料）
      </ActionButton>
    </form>
  );
}
