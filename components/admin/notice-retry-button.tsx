'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { retryNoticeAction } from '@/features/mail/actions';
import type { ActionResult } from '@/features/accounts/auth/define-action';

/** 「今すぐ送り直す」 for one notice that keeps failing. */
export function NoticeRetryButton({ noticeId, label }: { noticeId: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<undefined> | null>(null);
  const retry = () =>
    start(async () => {
      const r = await retryNoticeAction({ id: noticeId });
      setResult(r);
      if (r.ok) router.refresh();
    });
  return (
    <div className="button-row">
      <ActionButton
        type="button"
        className="button"
        busy={pending}
        onClick={retry}
        aria-label={`${label}を今すぐ送り直す`}
      >
        今すぐ送り直す
      </ActionButton>
      <FormStatus result={result} />
    </div>
  );
}
