'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/features/accounts/auth/define-action';
import { messages } from '@/lib/messages';
import { articleEditorSchema, restoreRevisionSchema } from './admin-schemas';
import { restoreArticleRevision, saveArticle } from './admin-service';
import { announcePublicRefresh } from './refresh-broadcast';
import { refreshPublicLibraryPages } from './revalidate';

export const saveArticleAction = defineAction('counselor', articleEditorSchema, async (input, ctx) => {
  const outcome = await saveArticle({ ...ctx, authorId: ctx.user.id }, input);
  refreshPublicLibraryPages(outcome.refreshSlugs);
  await announcePublicRefresh(ctx.db, outcome.refreshSlugs);
  revalidatePath('/admin/articles');
  return { ok: true as const, data: { id: outcome.id }, message: messages.publishing.saved[outcome.state] };
});

export const restoreRevisionAction = defineAction('counselor', restoreRevisionSchema, async (input, ctx) => {
  const outcome = await restoreArticleRevision({ ...ctx, authorId: ctx.user.id }, input);
  refreshPublicLibraryPages(outcome.refreshSlugs);
  await announcePublicRefresh(ctx.db, outcome.refreshSlugs);
  revalidatePath(`/admin/articles/${input.articleId}`);
  return { ok: true as const, data: undefined, message: messages.publishing.restored };
});
