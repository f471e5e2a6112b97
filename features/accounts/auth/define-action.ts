import 'server-only';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { type CurrentUser, getCurrentUser } from '@/features/accounts/auth/guards';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { messages } from '@/lib/messages';
import { userMessageFor } from '@/lib/errors';
import { logFor } from '@/lib/log';
import { siteUrl } from '@/lib/site-url';

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T = undefined> =
  { ok: true; data: T; message?: string } | { ok: false; code: string; error: string; fieldErrors?: FieldErrors };

type Access = 'public' | 'user' | 'counselor';
type Caller<A extends Access> = A extends 'public' ? CurrentUser | null : CurrentUser;
export type ActionContext<A extends Access> = { db: Db; now: Date; user: Caller<A>; ip: string; baseUrl: string };

/**
 * The address links in mail point to. Production sets SITE_URL (a Host header is the
 * caller's to forge); with embedded defaults the request's own host is used.
 */
function publicBaseUrl(h: Headers): string {
  if (process.env.SITE_URL) return siteUrl();
  const host = h.get('host') ?? 'localhost';
  return `http://${host}`;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * Every server action goes through here: check the caller → parse the input with the same
 * zod schema the form used → run the service → a typed result. Unknown errors are logged
 * and shown as one generic message; Next's redirects pass through.
 */
/**
 * A form posted without JavaScript (`<form action={someAction}>`) hands the action its FormData:
 * its fields, without React's own ($ACTION_…), are the input to parse.
 */
function fieldsOf(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  return Object.fromEntries([...input.entries()].filter(([key]) => !key.startsWith('$ACTION')));
}

/**
 * A defined action is called with its input (forms with JavaScript), or given to a plain
 * `<form action>` that posts FormData; the second form's result is not read (such an action
 * answers with a redirect).
 */
export type DefinedAction<I, T> = ((formData: FormData) => Promise<void>) & ((input: I) => Promise<ActionResult<T>>);

export function defineAction<A extends Access, S extends z.ZodType, T>(
  access: A,
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext<A>) => Promise<T | ActionResult<T>>,
): DefinedAction<z.input<S>, T> {
  const run = async (input: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      const user = await getCurrentUser();
      if (access !== 'public' && !user) return { ok: false, code: 'unauthenticated', error: messages.errors.forbidden };
      if (access === 'counselor' && user?.role !== 'counselor')
        return { ok: false, code: 'forbidden', error: messages.errors.forbidden };
      const parsed = schema.safeParse(fieldsOf(input));
      if (!parsed.success) {
        return {
          ok: false,
          code: 'invalid_input',
          error: messages.errors.invalidInput,
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      }
      const h = await headers();
      const ctx = {
        db: await getDb(),
        now: new Date(),
        user: user as Caller<A>,
        ip: clientIpFrom(h),
        baseUrl: publicBaseUrl(h),
      };
      const result = await handler(parsed.data, ctx);
      if (result && typeof result === 'object' && 'ok' in result) return result as ActionResult<T>;
      return { ok: true, data: result as T };
    } catch (err) {
      unstable_rethrow(err);
      const { code, message } = userMessageFor(err, logFor(await headers()));
      return { ok: false, code, error: message };
    }
  };
  // A plain form's post ignores the result, so the FormData signature may promise nothing.
  return run as DefinedAction<z.input<S>, T>;
}
