import 'server-only';
import { toCsv } from '@/lib/csv';
import { jstDateTime } from '@/lib/time';

const statusLabels = { pending: '確認待ち', active: '配信中', unsubscribed: '停止' } as const;

/** Japan time, `2026-11-23 07:00:00`. */
const jst = (date: Date | null): string => (date ? jstDateTime(date) : '');

export function subscribersCsv(
  rows: {
    email: string;
    status: keyof typeof statusLabels;
    sourcePath: string;
    requestedAt: Date;
    confirmedAt: Date | null;
    unsubscribedAt: Date | null;
  }[],
): string {
  const header = [
    'メールアドレス',
    '状態',
    '登録したページ',
    '申込日時（日本時間）',
    '確認日時（日本時間）',
    '停止日時（日本時間）',
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.email,
      statusLabels[r.status],
      r.sourcePath,
      jst(r.requestedAt),
      jst(r.confirmedAt),
      jst(r.unsubscribedAt),
    ]),
  );
}
