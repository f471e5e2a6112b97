'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/features/accounts/auth/define-action';
import { formatYen } from '@/lib/format';
import { saveSessionPackage } from './admin-service';
import { refundUnusedCredits, startPackageCheckout } from './purchase';
import { buyPackageSchema, refundUnusedSchema, sessionPackageSchema } from './schemas';

export const saveSessionPackageAction = defineAction('counselor', sessionPackageSchema, async (input, ctx) => {
  await saveSessionPackage(ctx, input);
  revalidatePath('/admin/packages');
  return {
    ok: true as const,
    data: undefined,
    message: input.id ? '回数券を保存しました。' : `${input.name}を追加しました。`,
  };
});

/** A signed-in client starts buying a package: on to Stripe Checkout. */
export const buyPackageAction = defineAction('user', buyPackageSchema, async (input, ctx) => {
  const url = await startPackageCheckout(ctx, {
    packageId: input.packageId,
    clientId: ctx.user.id,
    baseUrl: ctx.baseUrl,
  });
  redirect(url);
});

/** The counselor refunds the unused part of a client's package (after the confirmation showing the amount). */
export const refundUnusedCreditsAction = defineAction('counselor', refundUnusedSchema, async (input, ctx) => {
  const result = await refundUnusedCredits(ctx, input);
  revalidatePath('/admin/clients/[id]', 'page');
  return {
    ok: true as const,
    data: result,
    message:
      result.status === 'already'
        ? 'この回数券の未使用分は返金済みです。'
        : `未使用分${result.unused}回の${formatYen(result.refundYen)}を返金しました。`,
  };
});
