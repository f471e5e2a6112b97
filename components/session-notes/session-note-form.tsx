'use client';

import { useEffect } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { TextAreaField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { ActionButton } from '@/components/ui/action-button';
import { saveSessionNoteAction } from '@/features/session-notes/actions';
import { saveSessionNoteSchema } from '@/features/session-notes/schemas';

type Props = {
  clientId: string;
  bookingId: string | null;
  label: string;
  description: string;
  body: string;
  version: number;
  /** 「最終保存 …」, formatted on the server in Japan time. */
  savedAtText: string | null;
};

/** A private note: saved encrypted, only for the counselor; a save of an outdated page is refused. */
export function SessionNoteForm({ clientId, bookingId, label, description, body, version, savedAtText }: Props) {
  const { form, onSubmit, result, errors, submitting } = useActionForm(saveSessionNoteSchema, saveSessionNoteAction, {
    clientId,
    bookingId,
    version,
    body,
  });
  // The next save is checked against the version this one made.
  useEffect(() => {
    if (result?.ok) form.setValue('version', result.data.version);
  }, [result, form]);
  return (
    <form onSubmit={onSubmit} noValidate className="session-note">
      <TextAreaField
        label={label}
        description={description}
        rows={8}
        registration={form.register('body')}
        error={errors.body?.message}
      />
      {savedAtText && !result?.ok ? <p className="field__description">{savedAtText}</p> : null}
      <FormStatus result={result} />
      <ActionButton className="button" type="submit" busy={submitting}>
        メモを保存する
      </ActionButton>
    </form>
  );
}
