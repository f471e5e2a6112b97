import 'server-only';
import { composeMail } from '@/features/mail/compose';

// Discretion: neither subject nor body names the theme, what the session is about, or an answer.
export const intakeMails = {
  reminder: (input: { when: string; url: string }) =>
    composeMail({
      subject: '【こころの整理室】ご予約前のご案内',
      paragraphs: [
        `${input.when}のご予約の前に、事前アンケートへのご回答をお願いしています。`,
        'ご回答はカウンセラーだけが読み、セッションの準備に使います。途中で保存して、あとから続けることもできます。',
      ],
      action: { label: 'マイページで回答する', url: input.url },
    }),
};
