import 'server-only';
import { composeMail } from '@/features/mail/compose';

// Subjects never say more than the site's name and the purpose: a shared inbox reveals nothing.
export const accountMails = {
  verifyEmail: (url: string) =>
    composeMail({
      subject: '【こころの整理室】メールアドレスの確認',
      paragraphs: [
        'ご登録ありがとうございます。',
        '下のリンクを開き、表示されるページでメールアドレスを確認して、登録を完了してください。リンクの有効期限は24時間です。',
        'お心当たりのない場合は、このメールを破棄してください。',
      ],
      action: { label: 'メールアドレスを確認する', url },
    }),
  alreadyRegistered: (loginUrl: string, resetUrl: string) =>
    composeMail({
      subject: '【こころの整理室】ご登録について',
      paragraphs: [
        'このメールアドレスで新規登録のお手続きがありましたが、すでにアカウントが登録されています。',
        `ログインはこちら：${loginUrl}`,
        `パスワードをお忘れの場合はこちら：${resetUrl}`,
        'お心当たりのない場合は、このメールを破棄してください。',
      ],
    }),
  resetPassword: (url: string) =>
    composeMail({
      subject: '【こころの整理室】パスワードの再設定',
      paragraphs: [
        'パスワード再設定のお手続きを受け付けました。',
        '下のリンクを開いて、新しいパスワードを設定してください。リンクの有効期限は1時間で、一度だけ使えます。',
        'お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。',
      ],
      action: { label: 'パスワードを再設定する', url },
    }),
  loginLink: (url: string) =>
    composeMail({
      subject: '【こころの整理室】ログイン用リンク',
      paragraphs: [
        '下のリンクを開いて、ログインしてください。リンクの有効期限は15分で、一度だけ使えます。',
        'お心当たりのない場合は、このメールを破棄してください。',
      ],
      action: { label: 'ログインする', url },
    }),
  noAccount: (registerUrl: string) =>
    composeMail({
      subject: '【こころの整理室】ログイン用リンクについて',
      paragraphs: [
        'ログイン用リンクのご請求がありましたが、このメールアドレスのアカウントは登録されていません。',
        `新規登録はこちら：${registerUrl}`,
        'お心当たりのない場合は、このメールを破棄してください。',
      ],
    }),
  changeEmail: (url: string) =>
    composeMail({
      subject: '【こころの整理室】メールアドレス変更の確認',
      paragraphs: [
        'メールアドレス変更のお手続きを受け付けました。',
        '下のリンクを開き、表示されるページで確定すると、このアドレスへの変更が完了します。リンクの有効期限は24時間です。',
        'お心当たりのない場合は、このメールを破棄してください。',
      ],
      action: { label: 'メールアドレスを変更する', url },
    }),
};
