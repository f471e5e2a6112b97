'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/features/accounts/auth/define-action';
import { saveSessionPackage } from './admin-service';
import { sessionPackageSchema } from './schemas';

export const saveSessionPackageAction = defineAction('counselor', sessionPackageSchema, async (input, ctx) => {
  await saveSessionPackage(ctx, input);
  revalidatePath('/admin/packages');
  return {
    ok: true as const,
    data: undefined,
    message: input.id ? '回数券を保存しました。' : `${input.name}を追加しました。`,
  };
});
