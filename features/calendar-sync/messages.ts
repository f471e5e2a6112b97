import type { CalendarFetchFailure } from './fetch-calendar';

/** Why a calendar could not be read, in words the counselor can act on (shown in settings). */
export function fetchFailureMessage(reason: CalendarFetchFailure, status?: number): string {
  switch (reason) {
    case 'bad_url':
      return 'URLの形式が正しくありません。https:// で始まるiCal形式のURLを貼り付けてください。';
    case 'private_address':
      return '社内ネットワークなど、インターネットから見えないアドレスのカレンダーは読み込めません。';
    case 'timeout':
      return 'カレンダーのサーバーが時間内（10秒）に応答しませんでした。しばらくして自動で再試行します。';
    case 'too_large':
      return 'カレンダーのファイルが大きすぎます（5MBまで）。';
    case 'too_many_redirects':
      return '転送が多すぎて、カレンダーにたどり着けませんでした。URLを確かめてください。';
    case 'http_status':
      return status === 404 || status === 401 || status === 403 || status === 410
        ? `カレンダーが見つかりません（HTTP ${status}）。非公開URLが再発行されていないか確かめ、新しいURLを登録してください。`
        : `カレンダーのサーバーがエラーを返しました（HTTP ${status}）。しばらくして自動で再試行します。`;
    case 'network':
      return 'カレンダーのサーバーに接続できませんでした。しばらくして自動で再試行します。';
  }
}

export const calendarSyncMessages = {
  notCalendar: 'iCal形式のカレンダーとして読めませんでした。「iCal形式の非公開アドレス」のURLか確かめてください。',
  truncated: '予定が多すぎるため、一部だけを読み込みました。',
  tooManyImports: 'カレンダーは5つまで登録できます。',
  urlUnreadable:
    '保存したURLを復号できませんでした（暗号鍵の設定が変わった可能性があります）。このカレンダーの登録を解除し、URLを登録し直してください。',
} as const;
