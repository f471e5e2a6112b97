'use client';

import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { holdSlotAction } from '@/features/booking/actions';
import { holdSlotSchema } from '@/features/booking/schemas';
import { ActionButton } from '@/components/ui/action-button';

export function HoldForm({
  sessionType,
  startsAt,
  theme,
}: {
  sessionType: string;
  startsAt: string;
  theme: string | null;
}) {
  const { onSubmit, result, submitting } = useActionForm(holdSlotSchema, holdSlotAction, {
    sessionType,
    startsAt,
    theme,
  } as never);
  return (
    <form onSubmit={onSubmit}>
      <FormStatus result={result} />
      <ActionButton className="button" type="submit" busy={submitting}>
        この日時で予約に進む
      </ActionButton>
    </form>
  );
}
