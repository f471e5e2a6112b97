import type { Metadata } from 'next';
import {
  CalendarImportButtons,
  CalendarImportForm,
  FeedTitleStyleForm,
  FeedTokenControls,
} from '@/components/calendar-sync/calendar-sync-forms';
import { getFeedSettings, listCalendarImports } from '@/features/calendar-sync/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { read } from '@/lib/data';
import { formatDateTimeJa, practiceTimeZone } from '@/lib/time';

export const metadata: Metadata = { title: 'カレンダー連携' };

const when = (at: Date | null) => (at ? formatDateTimeJa(at, practiceTimeZone) : 'まだありません');

export default async function CalendarSyncPage() {
  const user = await requireCounselor('/admin/calendar-sync');
  const now = new Date();
  const [feed, imports] = await Promise.all([read(getFeedSettings, user.id), read(listCalendarImports, now)]);
  return (
    <>
      <h1>カレンダー連携</h1>

      <section aria-labelledby="feed-heading" className="panel">
        <h2 id="feed-heading">予約をご自分のカレンダーに表示する</h2>
        <p>
          セッションと講座の日程を、GoogleカレンダーやiPhoneのカレンダーに自動で表示します。購読URLをカレンダーアプリの「URLで追加」（照会するカレンダー）に登録してください。予約の変更やキャンセルも、アプリが次に更新したときに反映されます。
        </p>
        <p>
          状態：
          {feed.active ? <strong>有効（{when(feed.tokenCreatedAt)}に発行）</strong> : <strong>未発行・無効</strong>}
        </p>
        <p className="field__description">
          購読URLを知っている人は誰でも予定を見られます。人に教えないでください。なくしたときや漏れたかもしれないときは、新しいURLを発行すると古いURLは使えなくなります。
        </p>
        <FeedTokenControls active={feed.active} />
        <FeedTitleStyleForm initial={{ titleStyle: feed.titleStyle }} />
      </section>

      <section aria-labelledby="imports-heading" className="panel">
        <h2 id="imports-heading">ご自分の予定で予約枠を閉じる</h2>
        <p>
          ご自分のカレンダーのURLを登録すると、15分ごとに予定を読み込み、重なる時間（前後の休憩を含む）をクライアントの予約画面から外します。読み込むのは予定の時間だけで、件名や場所は保存せず、クライアントにも表示しません。すでに入っている予約や手続き中の予約はそのまま残ります。
        </p>
        {imports.length === 0 ? (
          <p>登録されたカレンダーはありません。</p>
        ) : (
          <ul className="calendar-imports" aria-label="登録済みのカレンダー">
            {imports.map((i) => {
              const name = i.label || i.where;
              return (
                <li key={i.id}>
                  <h3>{name}</h3>
                  <dl>
                    <dt>URL</dt>
                    <dd>{i.where}</dd>
                    <dt>最後に同期できた日時</dt>
                    <dd>{when(i.lastSuccessAt)}</dd>
                    <dt>これからの予定</dt>
                    <dd>{i.upcoming}件</dd>
                  </dl>
                  {i.lastError ? (
                    <p className="form-status form-status--error">
                      {when(i.lastAttemptAt)}の同期に失敗しました：{i.lastError}
                      {i.lastSuccessAt ? '（前回読み込めた予定で予約枠を閉じています）' : ''}
                    </p>
                  ) : null}
                  <CalendarImportButtons id={i.id} name={name} />
                </li>
              );
            })}
          </ul>
        )}
        <CalendarImportForm />
      </section>
    </>
  );
}
