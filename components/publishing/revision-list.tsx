'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { restoreRevisionAction } from '@/features/library/admin-actions';
import type { ActionResult } from '@/features/accounts/auth/define-action';
import { ActionButton } from '@/components/ui/action-button';

/** Saved versions, newest first; restoring one keeps the current text as a version too. */
export function RevisionList({
  articleId,
  revisions,
}: {
  articleId: string;
  revisions: { id: string; title: string; when: string }[];
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<undefined> | null>(null);
  const restore = (revisionId: string) =>
    start(async () => {
      const r = await restoreRevisionAction({ articleId, revisionId });
      setResult(r);
      if (r.ok) router.refresh();
    });
  return (
    <>
      <FormStatus result={result} />
      <ol className="state-list" aria-label="保存した版">
        {revisions.map((r, i) => (
          <li key={r.id}>
            <span>{r.when}</span>　<span>{r.title}</span>
            {i === 0 ? (
              <span>（現在の版）</span>
            ) : (
              <ActionButton
                type="button"
                className="link-button"
                busy={pending}
                onClick={() => restore(r.id)}
                aria-label={`${r.when}の版に戻す`}
              >
                この版に戻す
              </ActionButton>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
