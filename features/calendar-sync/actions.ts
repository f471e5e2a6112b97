'use server';

import { revalidatePath } from 'next/cache';
import { getIntakeKeyring } from '@/features/intake/keys';
import { defineAction } from '@/features/accounts/auth/define-action';
import { calendarImportAllowsPrivate } from '@/lib/env';
import { z } from 'zod';
import { calendarImportIdSchema, calendarImportSchema, feedTitleStyleSchema } from './schemas';
import {
  addCalendarImport,
  regenerateFeedToken,
  removeCalendarImport,
  revokeFeedToken,
  setFeedTitleStyle,
  syncCalendarImport,
} from './service';

const page = '/admin/calendar-sync';
const syncContext = () => ({ fetch: { allowPrivate: calendarImportAllowsPrivate() }, keyring: getIntakeKeyring() });

export const addCalendarImportAction = defineAction('counselor', calendarImportSchema, async (input, ctx) => {
  const { outcome } = await addCalendarImport({ ...ctx, ...syncContext() }, input);
  revalidatePath(page);
  return outcome.ok
    ? { ok: true as const, data: undefined, message: 'カレンダーを登録し、予定を読み込みました。' }
    : {
        ok: true as const,
        data: undefined,
        message: `カレンダーを登録しましたが、読み込めませんでした：${outcome.error}`,
      };
});

export const syncCalendarImportAction = defineAction('counselor', calendarImportIdSchema, async (input, ctx) => {
  const outcome = await syncCalendarImport({ ...ctx, ...syncContext() }, input.id);
  revalidatePath(page);
  return outcome.ok
    ? { ok: true as const, data: undefined, message: '同期しました。' }
    : { ok: false as const, code: 'sync_failed', error: outcome.error };
});

export const removeCalendarImportAction = defineAction('counselor', calendarImportIdSchema, async (input, ctx) => {
  await removeCalendarImport(ctx, input.id);
  revalidatePath(page);
  return { ok: true as const, data: undefined, message: 'カレンダーの登録を解除しました。' };
});

/** The new feed URL is returned once: only its hash is kept. */
export const regenerateFeedTokenAction = defineAction('counselor', z.object({}), async (_input, ctx) => {
  const token = await regenerateFeedToken(ctx, ctx.user.id);
  revalidatePath(page);
  return { url: `${ctx.baseUrl}/api/calendar-feed/${token}` };
});

export const revokeFeedTokenAction = defineAction('counselor', z.object({}), async (_input, ctx) => {
  await revokeFeedToken(ctx, ctx.user.id);
  revalidatePath(page);
  return { ok: true as const, data: undefined, message: '購読URLを無効にしました。' };
});

export const saveFeedTitleStyleAction = defineAction('counselor', feedTitleStyleSchema, async (input, ctx) => {
  await setFeedTitleStyle(ctx, ctx.user.id, input.titleStyle);
  revalidatePath(page);
  return { ok: true as const, data: undefined, message: '予定の表示名を保存しました。' };
});
