'use server';

import { getIntakeKeyring } from '@/features/intake/keys';
import { defineAction } from '@/features/accounts/auth/define-action';
import { formatDateTimeJa, practiceTimeZone } from '@/lib/time';
import { saveSessionNoteSchema } from './schemas';
import { saveSessionNote } from './service';

/** The counselor only: a client calling it gets `forbidden`, like every admin action. */
export const saveSessionNoteAction = defineAction('counselor', saveSessionNoteSchema, async (input, ctx) => {
  const saved = await saveSessionNote({ ...ctx, keyring: getIntakeKeyring() }, { ...input, counselorId: ctx.user.id });
  return {
    ok: true as const,
    data: { version: saved.version },
    message: `メモを保存しました（${formatDateTimeJa(saved.updatedAt, practiceTimeZone)}）。`,
  };
});
