import { composeMail } from '@/features/mail/compose';

// Like every course mail: "講座" and the lesson's number, never its title or the course's
// subject (a lesson title can name what a participant is working on). The meeting link stays
// in the portal, behind sign-in, as in the .ics.
const portalAction = (url: string) => ({ label: 'マイページで講座を見る', url });

export const lessonMails = {
  reminder: (input: { number: number; when: string; url: string }) =>
    composeMail({
      subject: '【こころの整理室】次回の講座のお知らせ',
      paragraphs: [
        `ご受講中の講座の第${input.number}回は、${input.when}です。`,
        '参加URLと資料はマイページに表示されます。開始時刻になりましたら、マイページからご参加ください。',
      ],
      action: portalAction(input.url),
    }),
};
