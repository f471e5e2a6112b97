'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { retryNoticeAction } from '@/features/mail/actions';
import type { ActionResult } from '@/features/accounts/auth/define-action';

/**
 * 「今すぐ送り直す」 for one notice that keeps failing. A notice that went out leaves the list, and
 * its outcome with it, so that outcome is told at the top of the page instead.
 */
export function NoticeRetryButton({ noticeId, label }: { noticeId: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<{ sent: boolean }> | null>(null);
  const retry = () =>
    start(async () => {
      const r = await retryNoticeAction({ id: noticeId });
      if (r.ok && r.data.sent) return router.replace('/admin/notices?notice=sent');
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
