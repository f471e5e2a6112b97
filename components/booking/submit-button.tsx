'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { ActionButton } from '@/components/ui/action-button';

/** A plain form's submit button (the form posts without JavaScript too), marked busy while its post runs so a second press does nothing. */
export function SubmitButton({ className, children }: { className?: string; children: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <ActionButton className={className} type="submit" busy={pending} worksWithoutScript>
      {children}
    </ActionButton>
  );
}
