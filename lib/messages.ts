/**
 * The UI's words, in one catalogue so that another language can be added beside Japanese.
 * Features and components take their strings from here.
 */
export const messages = {
  validation: {
    required: '入力してください',
    email: 'メールアドレスの形式が正しくありません',
    passwordLength: 'パスワードは10文字以上、128文字以内で入力してください',
    passwordSameAsEmail: 'メールアドレスと同じパスワードは使えません',
    passwordMismatch: '確認用のパスワードが一致しません',
    kana: '全角カタカナで入力してください',
    nameLength: '50文字以内で入力してください',
    phone: '電話番号の形式が正しくありません（例：090-1234-5678、+1 415 555 0100）',
    timeZone: 'タイムゾーンを一覧から選んでください',
    agreeToTerms: '利用規約とプライバシーポリシーへの同意が必要です',
  },
  errors: {
    invalidCredentials: 'メールアドレスまたはパスワードが正しくありません',
    emailNotVerified: 'メールアドレスの確認がまだ済んでいません。登録時にお送りしたメールのリンクを開いてください。確認メールを再送することもできます。',
    rateLimited: '短い時間に多くの操作がありました。しばらく時間をおいてから、もう一度お試しください。',
    emailTaken: 'このメールアドレスは登録できません。すでに登録済みの場合はログインしてください。',
    tokenInvalid: 'このリンクは無効か、有効期限が切れています。もう一度手続きをしてください。',
    wrongPassword: 'パスワードが正しくありません',
    notFound: 'お探しのページは見つかりませんでした',
    forbidden: 'このページを表示する権限がありません',
    unexpected: '処理中に問題が発生しました。時間をおいてもう一度お試しください。',
    invalidInput: '入力内容を確認してください',
  },
  accounts: {
    registered: 'ご登録ありがとうございます。確認メールをお送りしました。メールのリンクを開いて登録を完了してください。',
    verified: 'メールアドレスを確認しました。ログインしてください。',
    resetRequested: 'ご入力のメールアドレスが登録されている場合、パスワード再設定のご案内をお送りしました。',
    passwordReset: 'パスワードを再設定しました。新しいパスワードでログインしてください。',
    loginLinkSent: 'ご入力のメールアドレスにログイン用のリンクをお送りしました（登録がない場合は、その旨のご案内が届きます）。',
    verificationResent: '確認メールを再送しました。',
    idleSignedOut: '一定時間操作がなかったため、安全のためログアウトしました。',
    signedOut: 'ログアウトしました。',
    profileSaved: 'プロフィールを保存しました。',
    passwordChanged: 'パスワードを変更しました。ほかの端末からはログアウトしました。',
    emailChangeRequested: '新しいメールアドレスに確認メールをお送りしました。リンクを開くと変更が完了します。',
    emailChanged: 'メールアドレスを変更しました。',
    signedOutEverywhere: 'すべての端末からログアウトしました。',
  },
} as const;
