'use server';

import { revalidatePath } from 'next/cache';
import { hitRateLimits } from '@/features/accounts/rate-limit';
import { defineAction } from '@/features/accounts/auth/define-action';
import { AppError } from '@/lib/errors';
import { messages } from '@/lib/messages';
import { issueEditorSchema, subscribeSchema, subscriptionTokenSchema, testIssueSchema } from './schemas';
import { confirmSubscription, requestSubscription, saveIssue, sendTestIssue, unsubscribe } from './service';

const limits = {
  perIp: { name: 'newsletter:ip', limit: 10, windowSeconds: 60 * 60 },
  perEmail: { name: 'newsletter:email', limit: 3, windowSeconds: 60 * 60 },
};

export const subscribeAction = defineAction('public', subscribeSchema, async (input, ctx) => {
  const allowed = await hitRateLimits(
    ctx.db,
    [
      { rule: limits.perIp, subject: ctx.ip },
      { rule: limits.perEmail, subject: input.email },
    ],
    ctx.now,
  );
  if (!allowed) throw new AppError('rate_limited');
  await requestSubscription(ctx, input);
  return { ok: true as const, data: undefined, message: messages.newsletter.requested };
});

export const confirmSubscriptionAction = defineAction('public', subscriptionTokenSchema, async (input, ctx) => {
  await confirmSubscription(ctx, input.token);
  return { ok: true as const, data: undefined, message: messages.newsletter.confirmed };
});

export const unsubscribeAction = defineAction('public', subscriptionTokenSchema, async (input, ctx) => {
  await unsubscribe(ctx, { token: input.token, via: '/newsletter/unsubscribe' });
  return { ok: true as const, data: undefined, message: messages.newsletter.unsubscribed };
});

export const saveIssueAction = defineAction('counselor', issueEditorSchema, async (input, ctx) => {
  const saved = await saveIssue(ctx, input);
  revalidatePath('/admin/newsletter');
  return { ok: true as const, data: { id: saved.id }, message: messages.newsletter.issueSaved[saved.status] };
});

export const sendTestIssueAction = defineAction('counselor', testIssueSchema, async (input, ctx) => {
  await sendTestIssue(ctx, input, ctx.user.email);
  return { ok: true as const, data: undefined, message: messages.newsletter.testSent };
});
