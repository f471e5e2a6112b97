import 'server-only';
import { jstDateTime } from '@/lib/time';

const statusLabels = { pending: '確認待ち', active: '配信中', unsubscribed: '停止' } as const;

/** Japan time, `2026-11-23 07:00:00`. */
const jst = (date: Date | null): string => (date ? jstDateTime(date) : '');

/** A cell, quoted; a leading = + - @ is defused so that a spreadsheet never runs it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

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
  const lines = rows.map((r) =>
    [r.email, statusLabels[r.status], r.sourcePath, jst(r.requestedAt), jst(r.confirmedAt), jst(r.unsubscribedAt)]
      .map(cell)
      .join(','),
  );
  // The BOM lets Excel open UTF-8 Japanese correctly.
  return `\uFEFF${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
}
