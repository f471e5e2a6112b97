import type { Metadata } from 'next';
import { NoticeSettingsForm } from '@/components/notifications/notice-settings-form';
import { notificationKindsInOrder, wantsNotice } from '@/features/notifications/domain/kinds';
import { getNoticeSettings } from '@/features/notifications/queries';
import { clockOf } from '@/features/notifications/schemas';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { read } from '@/lib/data';

export const metadata: Metadata = { title: 'お知らせ設定' };

/** Which mails she gets about her practice, and the optional morning agenda. */
export default async function NotificationSettingsPage() {
  const user = await requireCounselor('/admin/notifications');
  const settings = await read(getNoticeSettings);
  return (
    <>
      <h1>お知らせ設定</h1>
      <NoticeSettingsForm
        email={user.email}
        initial={{
          kinds: Object.fromEntries(notificationKindsInOrder.map((k) => [k, wantsNotice(settings, k)])) as Record<
            (typeof notificationKindsInOrder)[number],
            boolean
          >,
          dailyAgendaEnabled: settings.dailyAgendaEnabled,
          dailyAgendaTime: clockOf(settings.dailyAgendaMinute),
        }}
      />
    </>
  );
}
