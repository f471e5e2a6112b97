import { z } from 'zod';

/** A note's length limit: a long session's notes fit easily; a pasted book does not. */
export const noteMaxLength = 20_000;

/**
 * Saving a note: the client's running note (no booking) or one session's. `version` is the
 * version the page showed (0: there was none yet), so a save never overwrites a newer one.
 */
export const saveSessionNoteSchema = z.object({
  clientId: z.uuid(),
  bookingId: z.uuid().nullable(),
  version: z.number().int().min(0),
  body: z
    .string()
    .max(noteMaxLength, `メモは${noteMaxLength.toLocaleString('ja-JP')}文字までです。分けて書いてください。`),
});
export type SaveSessionNoteInput = z.input<typeof saveSessionNoteSchema>;
