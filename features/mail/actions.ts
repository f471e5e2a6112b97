'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type ActionResult, defineAction } from '@/features/accounts/auth/define-action';
import { deliverNotice, retryNotice } from './outbox';

const noticeIdSchema = z.object({ id: z.uuid({ error: 'お知らせメールが見つかりません。' }) });

/** The counselor's 「今すぐ送り直す」 on /admin/notices: due at once with fresh attempts, and tried now. */
export const retryNoticeAction = defineAction(
  'counselor',
  noticeIdSchema,
  async (input, ctx): Promise<ActionResult<{ sent: boolean }>> => {
    if (!(await retryNotice(ctx.db, input.id, ctx.now)))
      return { ok: false, code: 'not_found', error: 'このメールは送信済みか、いま送信中です。' };
    const sent = await deliverNotice(ctx.db, input.id, { now: ctx.now });
    revalidatePath('/admin/notices');
    revalidatePath('/admin');
    return {
      ok: true,
      data: { sent },
      message: sent
        ? 'メールを送りました。'
        : 'まだ送れませんでした。数分おきに自動で送り直します。続く場合はメールサーバーの設定をご確認ください。',
    };
  },
);
