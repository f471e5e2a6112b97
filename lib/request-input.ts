import { notFound } from 'next/navigation';
import { z } from 'zod';

/**
 * Values from URLs (query strings and dynamic segments) before they reach a query.
 * PostgreSQL refuses NUL in text ("invalid byte sequence for encoding UTF8: 0x00"), which
 * turned `?q=%00` into a 500; control characters have no place in a search or an id either.
 */
const controlCharacters = /[\u0000-\u001f\u007f]/g;

/**
 * Free text from the query string (`/articles?q=`, `/admin/clients?q=`, `/dev/mail?to=`):
 * the first value if repeated, control characters (NUL among them) removed, trimmed and
 * capped; empty or anything else is absent rather than an error page.
 */
export function queryTextSchema(max = 200) {
  return z
    .preprocess(
      (value) => (Array.isArray(value) ? value[0] : value),
      z
        .string()
        .transform((s) => s.replace(controlCharacters, ' ').trim().slice(0, max) || undefined)
        .optional(),
    )
    .catch(undefined);
}

/** A dynamic segment (`[slug]`, `[id]`): printable, non-empty, bounded. */
export const routeSegmentSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !new RegExp(controlCharacters.source).test(s));

/** The segment itself, or the not-found page for one no record could have. */
export function routeSegmentOrNotFound(value: string): string {
  const parsed = routeSegmentSchema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}
