import { formatYen } from './format';

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
    emailNotVerified:
      'メールアドレスの確認がまだ済んでいません。登録時にお送りしたメールのリンクを開いてください。確認メールを再送することもできます。',
    rateLimited: '短い時間に多くの操作がありました。しばらく時間をおいてから、もう一度お試しください。',
    emailTaken: 'このメールアドレスは登録できません。すでに登録済みの場合はログインしてください。',
    emailRegistered:
      'このメールアドレスはすでに登録されています。「登録済みの方」を選んで、パスワードでログインしてください。',
    tokenInvalid: 'このリンクは無効か、有効期限が切れています。もう一度手続きをしてください。',
    wrongPassword: 'パスワードが正しくありません',
    notFound: 'お探しのページは見つかりませんでした',
    forbidden: 'このページを表示する権限がありません',
    unexpected: '処理中に問題が発生しました。時間をおいてもう一度お試しください。',
    invalidInput: '入力内容を確認してください',
    slotTaken: 'この時間はたった今ほかの方の予約が入りました。別の時間をお選びください。',
    slotUnavailable: 'この時間は予約を受け付けていません。表示されている時間からお選びください。',
    holdExpired: 'お支払いの有効期限（30分）が過ぎたため、仮押さえを解除しました。もう一度お時間をお選びください。',
    notCancellable: 'この予約はキャンセルできません（すでに開始・終了しているか、キャンセル済みです）。',
    cancellationTermsChanged:
      'キャンセル料の区分が変わったため、まだキャンセルしていません。いまの金額を表示しましたので、ご確認のうえもう一度お手続きください。',
    rescheduleNotAllowed:
      '開始48時間前を過ぎたため、日時の変更はできません。キャンセルの場合は規定のキャンセル料がかかります。',
    policyNotAgreed: 'キャンセルポリシーへの同意が必要です',
    intakeLocked:
      'このアンケートは変更できない状態です（送信後はセッションの24時間前まで、未送信の場合はセッション開始まで回答できます）。',
    paymentUnavailable: '決済サービスに接続できませんでした。時間をおいてもう一度お試しください。',
    registrationClosed: 'この回のお申し込みは締め切りました。',
    seatHoldExpired:
      'お席の確保時間が過ぎたため、お席を解除しました。お手数ですが、講座のページからもう一度お申し込みください。',
    enrollmentNotCancellable: 'このお申し込みはキャンセルできません（初回講義が始まっているか、キャンセル済みです）。',
    enrollmentAlreadyCancelled: 'このお席はすでにキャンセルされています。返金が重ねて行われることはありません。',
    capacityBelowTaken: '定員は、お申し込み済み・確保中のお席の数より少なくできません。',
    courseTermsNotAgreed: '講座のキャンセル規定への同意が必要です',
    alreadyPaid: 'お支払いはすでに完了しています。確認まで少しお待ちいただき、マイページをご確認ください。',
    slugTaken: 'このURLの末尾はほかの記事で使われています。別の言葉にしてください。',
    noCredits: 'この回数券の残り回数がありません。通常のお支払いでご予約いただけます。',
    packageExpired: 'この回数券は有効期限が切れています。通常のお支払いでご予約いただけます。',
    packageNotCovered: 'この回数券ではご予約いただけないセッションです。',
    packageRefunded:
      'この回数券は残りの回数分を返金済みのため、ご予約には使えません。通常のお支払いでご予約いただけます。',
    scheduleInPast: '予約する日時は今より後にしてください。',
    issueNotEditable: '配信を始めた号は編集できません。',
    overrideDuplicate: 'この日のこの時間はすでに登録されています。登録済みの一覧を確認してください。',
    overrideOverlaps: 'この日の追加の受付時間と重なっています。登録済みの時間を削除してから追加してください。',
    dayOffDuplicate: 'この日はすでに休みとして登録されています。',
    intakeUnreadable:
      'このアンケートの保存済みの回答をいまは読み取れないため、変更は保存していません。回答はそのまま保管されています。',
    noteChanged:
      'このメモは、開いた後にほかの画面で保存されています。上書きしないよう保存を止めました。書いた内容を控えてから、ページを読み込み直してください。',
    noteUnreadable:
      'このメモの保存済みの内容をいまは読み取れない（暗号鍵が見つからない）ため、保存を止めました。内容はそのまま保管されています。',
  },
  accounts: {
    registered:
      'ご登録ありがとうございます。確認メールをお送りしました。メールのリンクを開いて登録を完了してください。',
    verified: 'メールアドレスを確認しました。ログインしてください。',
    resetRequested: 'ご入力のメールアドレスが登録されている場合、パスワード再設定のご案内をお送りしました。',
    passwordReset: 'パスワードを再設定しました。新しいパスワードでログインしてください。',
    loginLinkSent:
      'ご入力のメールアドレスにログイン用のリンクをお送りしました（登録がない場合は、その旨のご案内が届きます）。',
    verificationResent: '確認メールを再送しました。',
    idleSignedOut: '一定時間操作がなかったため、安全のためログアウトしました。',
    signedOut: 'ログアウトしました。',
    profileSaved: 'プロフィールを保存しました。',
    passwordChanged: 'パスワードを変更しました。ほかの端末からはログアウトしました。',
    emailChangeRequested: '新しいメールアドレスに確認メールをお送りしました。リンクを開くと変更が完了します。',
    emailChanged: 'メールアドレスを変更しました。',
    signedOutEverywhere: 'すべての端末からログアウトしました。',
  },
  intake: {
    validation: {
      required: '入力してください',
      choose: 'いずれかを選んでください',
      chooseSome: '1つ以上選んでください',
      invalidChoice: '選択肢の中から選んでください',
      invalidText: '文字で入力してください',
      tooLong: (max: number) => `${max}文字以内で入力してください`,
      consent: '回答を保存するには、要配慮個人情報の取り扱いへの同意が必要です',
    },
    draftSaved: '下書きを保存しました',
    draftFailed: '下書きを保存できませんでした。通信状態を確かめてください。',
    draftStale:
      '別の端末またはタブで、この下書きが更新されています。ここでの変更は保存されていません。ページを再読み込みすると最新の下書きが表示されます。',
    draftAlreadySent: '回答はすでに送信されています。ページを再読み込みして、送信した内容をご確認ください。',
    submitted: 'ご回答を送信しました。ありがとうございました。',
    locked: 'セッションが始まったため、アンケートは変更できません。',
    // Stored answers that the configured keys cannot open (a key dropped too early, or damage).
    unreadable: {
      keyNotConfigured: (keyId: string) =>
        `この回答は現在の暗号鍵では読み取れません（鍵ID: ${keyId}。この鍵IDが鍵の設定にありません）。鍵の設定を確認してください。安全に関する質問への回答も確認できない状態です。`,
      notAuthentic: (keyId: string) =>
        `この回答は現在の暗号鍵では読み取れません（鍵ID: ${keyId}。設定されている鍵で復号できず、鍵の値の誤りかデータの破損が考えられます）。鍵の設定を確認してください。安全に関する質問への回答も確認できない状態です。`,
      client: (email: string) =>
        `ご回答は保管されていますが、システムの都合で、いまは表示も変更もできません。回答が消えたわけではありませんので、ご安心ください。復旧すると、このページでまたご覧いただけます。お急ぎの場合は ${email} までご連絡ください。`,
      exportNote:
        'この回答は、システムの都合で現在読み取れないため、内容を書き出せませんでした。回答は削除されずに保管されています。',
    },
  },
  courses: {
    seatCancel: {
      open: 'このお席をキャンセル（全額返金）',
      confirm: (participant: string, refundYen: number) =>
        `${participant}のお席をキャンセルし、お支払いの${formatYen(refundYen)}を全額返金します。ご本人にはメールでお知らせします（初回講義の前なら、空いたお席はキャンセル待ちの方にご案内します）。取り消せません。`,
      submit: 'キャンセルして全額返金する',
      done: (refundYen: number, told: boolean) =>
        `お席をキャンセルし、${formatYen(refundYen)}を全額返金しました。${told ? 'ご本人にはメールでお知らせしました。' : 'ご本人へのお知らせのメールはまだ送れていません。自動で送り直します（送れないままのときは管理画面の「今日」にお知らせします）。'}`,
    },
    // After a save or a cancellation that has already gone through: how many were not told.
    notTold: (count: number) =>
      count > 0
        ? `${count}名にはまだメールを送れていません。自動で送り直します（送れないままのときは管理画面の「今日」にお知らせします）。`
        : '',
  },
  publishing: {
    saved: {
      draft: '下書きを保存しました。',
      scheduled: '公開を予約しました。',
      published: '保存しました。記事は公開されています。',
    },
    restored: 'この版の内容に戻しました（いまの内容も版として残っています）。',
  },
  newsletter: {
    // The same answer whatever the address's state, so that nobody learns who subscribes.
    requested:
      'ご入力のアドレスに確認メールをお送りしました。メールのリンクを開くと登録が完了します（すでにご登録の場合は、その旨のご案内が届きます）。',
    confirmed: 'メールマガジンの登録が完了しました。次の配信からお届けします。',
    unsubscribed: '配信を停止しました。これ以降メールマガジンは届きません。',
    issueSaved: { draft: '下書きを保存しました。', scheduled: '配信を予約しました。' },
    testSent: 'テストメールをあなたのアドレスに送りました。',
    consent: 'メールマガジンの受信に同意します（配信はいつでも停止できます）',
    consentRequired: 'メールマガジン受信への同意が必要です',
  },
} as const;
