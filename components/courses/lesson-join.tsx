import { LessonTime } from '@/components/courses/lesson-time';
import type { MeetingLinkView } from '@/lib/meeting-link';

/**
 * How a participant joins lesson `number`, said as the session pages say it
 * (components/booking/how-to-join.tsx): the link only from the practice's lead time before the
 * lesson (features/courses/domain/lessons.ts, lessonLinkView); before that, when it will appear.
 */
export function LessonJoin({ number, link, zone }: { number: number; link: MeetingLinkView; zone: string }) {
  switch (link.kind) {
    case 'link':
      return (
        <a href={link.url} rel="noopener noreferrer">
          第{number}回の講義に参加する（ビデオ通話）
        </a>
      );
    case 'later':
      return (
        <>
          参加用のリンクは、講義の{link.leadHours}時間前（
          <LessonTime at={link.visibleFrom.toISOString()} zone={zone} />
          ）からここに表示されます。前日にお知らせのメールもお送りします。
        </>
      );
    case 'pending':
      return <>参加用のリンクはただいま準備中です。開始までにここに表示します。</>;
    case 'ended':
      return <>終了しました</>;
  }
}
