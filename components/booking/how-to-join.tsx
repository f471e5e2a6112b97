import type { MeetingLinkView } from '@/lib/meeting-link';
import { whenFor } from '@/lib/time';

/**
 * How the client joins a session, by its mode: the booking page, the success page and the portal
 * home say it the same way. The meeting link itself appears only from the practice's chosen time
 * before the session (features/booking/domain/meeting-link.ts); before that, when it will.
 */
export function HowToJoin({ mode, link, zone }: { mode: string; link: MeetingLinkView; zone: string }) {
  if (mode === 'online') {
    switch (link.kind) {
      case 'link':
        return (
          <>
            ビデオ通話で行います。
            <a href={link.url} target="_blank" rel="noopener noreferrer">
              ビデオ通話に参加する<span className="sr-only">（新しいタブで開きます）</span>
            </a>
          </>
        );
      case 'later':
        return (
          <>
            ビデオ通話で行います。参加用のリンクはセッションの{link.leadHours}
            時間前（{whenFor(link.visibleFrom, zone)}）からここに表示されます。前日にお知らせのメールもお送りします。
          </>
        );
      case 'pending':
        return <>ビデオ通話で行います。参加用のリンクはただいま準備中です。開始までにここに表示します。</>;
      case 'ended':
        return <>ビデオ通話で行いました。</>;
    }
  }
  if (mode === 'phone') {
    return <>お電話で行います。開始時刻に、ご登録の電話番号へカウンセラーからおかけします。</>;
  }
  return <>名古屋のカウンセリングルームで行います。所在地は、ご予約確定のメールに記載しています。</>;
}
