'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/features/accounts/auth/define-action';
import { saveOfferedMethods } from './methods';
import { offeredMethodsSchema } from './schemas';

export const savePaymentMethodsAction = defineAction('counselor', offeredMethodsSchema, async (input, ctx) => {
  await saveOfferedMethods(ctx, input);
  // The next checkout and the legal pages (rendered per request) read the settings themselves.
  revalidatePath('/admin/payment-methods');
  return { ok: true as const, data: undefined, message: 'お支払い方法の設定を保存しました。' };
});
