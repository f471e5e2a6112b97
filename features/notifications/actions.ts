'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/features/accounts/auth/define-action';
import { noticeSettingsSchema } from './schemas';
import { saveNoticeSettings } from './service';

export const saveNoticeSettingsAction = defineAction('counselor', noticeSettingsSchema, async (input, ctx) => {
  await saveNoticeSettings(ctx, input);
  revalidatePath('/admin/notifications');
  return { ok: true as const, data: undefined, message: 'お知らせの設定を保存しました。' };
});
