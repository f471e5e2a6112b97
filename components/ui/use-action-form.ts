'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/features/accounts/auth/define-action';
import { useHydrated } from './use-hydrated';

/**
 * react-hook-form validated in the browser by the same zod schema the server action parses
 * again; the server's field errors land on the same fields.
 *
 * The fields are disabled until the page is hydrated: what is typed before React listens is
 * never seen by the form, which then reports a filled field as empty (seen on a slow start).
 */
export function useActionForm<I extends FieldValues, T>(
  schema: z.ZodType<unknown, I>,
  action: (input: I) => Promise<ActionResult<T>>,
  defaultValues?: DefaultValues<I>,
) {
  const hydrated = useHydrated();
  const form = useForm<I>({
    disabled: !hydrated,
    // `raw`: the action receives what the person typed and parses it itself.
    resolver: zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<I>,
    defaultValues,
    // Validate on submit first: an error appearing on blur would move the button under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    const outcome = await action(values);
    if (!outcome) return;
    if (!outcome.ok && outcome.fieldErrors) {
      for (const [name, errors] of Object.entries(outcome.fieldErrors)) {
        form.setError(name as Path<I>, { message: errors[0] });
      }
    }
    setResult(outcome);
  });
  return { form, onSubmit, result, errors: form.formState.errors, submitting: form.formState.isSubmitting };
}

/**
 * Puts the server's values back into a form when the record changed underneath it (a restored
 * revision, say), without remounting it: a remount would also drop the outcome message.
 */
export function useResetOnNewVersion<I extends FieldValues>(
  form: UseFormReturn<I>,
  version: string,
  values: DefaultValues<I>,
) {
  const seen = useRef(version);
  const serialized = JSON.stringify(values);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    form.reset(JSON.parse(serialized) as DefaultValues<I>);
  }, [form, version, serialized]);
}
