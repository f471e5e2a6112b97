/**
 * How the client joins a session, by its mode: the booking page and the success page say it
 * the same way. The meeting link appears once the counselor has set it.
 */
export function HowToJoin({ mode, meetingUrl }: { mode: string; meetingUrl: string | null }) {
  if (mode === 'online') {
    return meetingUrl ? (
      <>
        ビデオ通話で行います。<a href={meetingUrl}>ビデオ通話に参加する</a>
      </>
    ) : (
      <>
        ビデオ通話で行います。参加用のURLは、開始の24時間前までにマイページの予約の詳細に表示します。前日にお知らせのメールもお送りします。
      </>
    );
  }
  if (mode === 'phone') {
    return <>お電話で行います。開始時刻に、ご登録の電話番号へカウンセラーからおかけします。</>;
  }
  return <>名古屋のカウンセリングルームで行います。所在地は、ご予約確定のメールに記載しています。</>;
}
