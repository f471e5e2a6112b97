'use client';

import { useRouter } from 'next/navigation';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { cancelEnrollmentAction } from '@/features/courses/actions';
import { enrollmentIdSchema } from '@/features/courses/schemas';
import { ActionButton } from '@/components/ui/action-button';

/** Cancels a course registration after showing, in words and yen, what comes back now. */
export function CancelEnrollmentForm({ enrollmentId, preview }: { enrollmentId: string; preview: string }) {
  const router = useRouter();
  const { onSubmit, result, submitting } = useActionForm(
    enrollmentIdSchema,
    async (input) => {
      const outcome = await cancelEnrollmentAction(input);
      if (outcome.ok) router.push('/portal?notice=course-cancelled');
      return outcome;
    },
    { enrollmentId },
  );
  return (
    <form onSubmit={onSubmit} aria-labelledby="cancel-course-heading">
      <h2 id="cancel-course-heading">受講のキャンセル</h2>
      <p className="notice">{preview}</p>
      <FormStatus result={result} />
      <ActionButton className="button button--danger" type="submit" busy={submitting || result?.ok}>
        受講をキャンセルする
      </ActionButton>
    </form>
  );
}
