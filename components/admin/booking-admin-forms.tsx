'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { markBookingOutcomeAction, setMeetingUrlAction } from '@/features/booking/actions';
import { meetingUrlSchema } from '@/features/booking/schemas';
import type { ActionResult } from '@/features/accounts/auth/define-action';
import { ActionButton } from '@/components/ui/action-button';

/** 実施済み / 無断キャンセル, once the session has started. */
export function BookingOutcomeButtons({ bookingId, label }: { bookingId: string; label?: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<undefined> | null>(null);
  const mark = (outcome: 'completed' | 'no_show') =>
    start(async () => {
      const r = await markBookingOutcomeAction({ bookingId, outcome });
      setResult(r);
      if (r.ok) router.refresh();
    });
  return (
    <div className="button-row" role={label ? 'group' : undefined} aria-label={label ? `${label}の記録` : undefined}>
      <FormStatus result={result} />
      <ActionButton type="button" className="button" busy={pending} onClick={() => mark('completed')}>
        実施済みにする
      </ActionButton>
      <ActionButton type="button" className="button button--secondary" busy={pending} onClick={() => mark('no_show')}>
        無断キャンセルとして記録
      </ActionButton>
    </div>
  );
}

export function MeetingUrlForm({
  bookingId,
  current,
  leadHours,
}: {
  bookingId: string;
  current: string | null;
  leadHours: number;
}) {
  const { form, onSubmit, result, errors, submitting } = useActionForm(meetingUrlSchema, setMeetingUrlAction, {
    bookingId,
    meetingUrl: current ?? '',
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormStatus result={result} />
      <TextField
        label="オンラインの参加URL"
        description={`クライアントのマイページには、開始の${leadHours}時間前から表示されます（予約の設定で変えられます）。https:// で始まるURL。`}
        type="url"
        registration={form.register('meetingUrl')}
        error={errors.meetingUrl?.message}
      />
      <ActionButton className="button button--secondary" type="submit" busy={submitting}>
        保存する
      </ActionButton>
    </form>
  );
}
