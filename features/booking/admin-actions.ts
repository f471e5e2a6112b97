'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/features/accounts/auth/define-action';
import {
  bookingSettingsSchema,
  overrideIdSchema,
  overrideSchema,
  sessionTypeSchema,
  weeklyHoursSchema,
} from './admin-schemas';
import {
  addOverride,
  deleteOverride,
  replaceWeeklyRules,
  saveSessionType,
  updateBookingSettings,
} from './admin-service';

const saved = (message: string) => ({ ok: true as const, data: undefined, message });

export const saveWeeklyHoursAction = defineAction('counselor', weeklyHoursSchema, async (input, ctx) => {
  await replaceWeeklyRules(ctx, input.rules);
  revalidatePath('/admin/availability');
  return saved('毎週の受付時間を保存しました。');
});

export const addOverrideAction = defineAction('counselor', overrideSchema, async (input, ctx) => {
  await addOverride(ctx, input);
  revalidatePath('/admin/availability');
  return saved(input.kind === 'closed' ? '休みの日を追加しました。' : '追加の受付時間を保存しました。');
});

export const deleteOverrideAction = defineAction('counselor', overrideIdSchema, async (input, ctx) => {
  await deleteOverride(ctx, input.id);
  revalidatePath('/admin/availability');
  return saved('削除しました。');
});

export const saveBookingSettingsAction = defineAction('counselor', bookingSettingsSchema, async (input, ctx) => {
  await updateBookingSettings(ctx, input);
  revalidatePath('/admin/availability');
  return saved('予約の設定を保存しました。');
});

export const saveSessionTypeAction = defineAction('counselor', sessionTypeSchema, async (input, ctx) => {
  await saveSessionType(ctx, input);
  revalidatePath('/sessions');
  revalidatePath('/admin/session-types');
  return saved('セッションの種類を保存しました。');
});
