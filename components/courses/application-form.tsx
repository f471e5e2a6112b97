'use client';

import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { TextAreaField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { applyAndPayAction } from '@/features/courses/actions';
import { type ApplicationInput, applicationSchema } from '@/features/courses/schemas';
import { ActionButton } from '@/components/ui/action-button';

/** The course's short question, the agreement to its terms, then Stripe Checkout. */
export function ApplicationForm({
  enrollmentId,
  question,
  answer,
}: {
  enrollmentId: string;
  question: string;
  answer: string;
}) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<ApplicationInput, undefined>(
    applicationSchema,
    applyAndPayAction,
    { enrollmentId, answer },
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormStatus result={result} />
      {question ? (
        <TextAreaField
          id="field-answer"
          label={question}
          rows={4}
          description="講師だけが読みます。メールやカードの明細には表示されません。"
          registration={form.register('answer')}
          error={errors.answer?.message}
        />
      ) : null}
      <CheckboxField registration={form.register('agreeToTerms')} error={errors.agreeToTerms?.message}>
        上の講座のキャンセル規定に同意します
      </CheckboxField>
      <ActionButton className="button" type="submit" busy={submitting}>
        お支払いへ進む
      </ActionButton>
    </form>
  );
}
