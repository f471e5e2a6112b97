/**
 * The practice's own details: one place the counselor (or whoever deploys the site) edits.
 * Legal pages, the layout, metadata and (later) payments all read from here.
 */
export const siteConfig = {
  name: 'こころの整理室',
  tagline: '今の自分自身と、今ある関係を整えるための心理学',
  description:
    '心理カウンセラー浅野寿和のカウンセリングルーム。片思い、見捨てられ不安、心を許してくれない関係など、大人のこじれた関係の悩みを心理学の視点から整理します。',
  counselor: {
    name: '浅野 寿和',
    nameKana: 'アサノ トシカズ',
    title: '心理カウンセラー',
    profile: [
      '恋愛・夫婦関係、家族、職場の人間関係など、「わかっているのに動けない」悩みを専門に、個人セッションと心理学講座を行っています。',
      'ブログには毎月6万人が訪れ、月・水・金に新作コラムを、火・木・土に無料メールマガジンをお届けしています。',
    ],
  },
  // 特定商取引法に基づく表記. Replace with the practice's real details before going live.
  seller: {
    businessName: 'こころの整理室',
    representative: '浅野 寿和',
    postalCode: '〒460-0008',
    address: '愛知県名古屋市中区栄（詳細な所在地は、ご請求いただければ遅滞なく開示いたします）',
    phone: '052-000-0000',
    /** Inquiries come by mail; the phone session (a product) is a call the counselor makes. */
    phoneNote:
      'お問い合わせはメールで承ります。お電話でのお問い合わせ・ご予約は受け付けておりません。電話セッションは、ご予約の日時にカウンセラーからおかけします。',
    email: 'info@example.jp',
  },
  locale: 'ja-JP',
  timeZone: 'Asia/Tokyo',
  /** Blog rhythm, used for copy and (later) for suggested publication days. */
  schedule: { columns: '月・水・金', newsletter: '火・木・土' },
} as const;

/**
 * Tax-inclusive prices in yen (総額表示). Session prices live in the database (session types,
 * edited by the counselor); `sessions` here is only the standard example the cancellation
 * table on the legal pages is worked out for. Course prices live in the database too (each cohort's
 * price, edited by the counselor at /admin/courses).
 */
export const priceList = {
  sessions: [
    { name: 'オンラインセッション（60分）', mode: 'online', minutes: 60, priceYen: 11_000 },
    { name: 'オンラインセッション（90分）', mode: 'online', minutes: 90, priceYen: 16_500 },
    { name: '電話セッション（60分）', mode: 'phone', minutes: 60, priceYen: 11_000 },
    { name: '対面セッション（60分）', mode: 'in-person', minutes: 60, priceYen: 13_200 },
  ],
} as const;

/**
 * The cancellation terms, as data: the legal pages render it, and the checkout, the cancel
 * screen and the refund arithmetic read the same table. Tiers are ordered from the earliest
 * cancellation; `hoursBefore` is the tier's lower bound: the free tier needs strictly more
 * than its hours, a fee tier includes its bound (exactly 48 h → 50 %, exactly 24 h → 50 %,
 * less than 24 h → 100 %). See features/booking/domain/cancellation.ts.
 */
export const cancellationPolicy = {
  session: [
    { hoursBefore: 48, feePercent: 0, label: '開始48時間前まで' },
    { hoursBefore: 24, feePercent: 50, label: '開始48時間前から24時間前まで' },
    { hoursBefore: 0, feePercent: 100, label: '開始24時間前以降・無断キャンセル' },
  ],
  counselorCancellationRefundPercent: 100,
  course: { fullRefundUntilDaysBefore: 7 },
} as const;

export type CancellationPolicy = typeof cancellationPolicy;

/**
 * How long before its start a reminder goes out: a booked session, a course lesson. The jobs
 * run every few minutes, so a reminder leaves at most that much later than this.
 */
export const reminderLeadHours = { session: 24, lesson: 24 } as const;

/**
 * How long records holding personal data are kept where the privacy page states it: a sent
 * notice (its address and subject; its body is dropped once sent) is deleted after this many
 * days by the `mail.purge-sent-notices` job. Notices that failed are kept until handled.
 */
export const retentionDays = { sentNotices: 30 } as const;

/** The blog's standing invitations (its footer blocks), shown by the layout and on articles. */
export const invitations = {
  blog: {
    heading: 'ちゃんとしてきたはずなのに、立ち位置が分からなくなったときに読む心理の話',
    body: [
      '毎月6万人が訪れるこの心理ブログでは、誠実に頑張ってきた人が、自分の立ち位置を見失わずにいるための“心の整え方”をお届けしています。',
      '責任や孤独、関係の悩みなど“大人のこじれたテーマ”を、月・水・金に新作コラムで発信中。',
    ],
  },
  newsletter: {
    heading: '一人では抱えきれなくなった気持ちを、少しずつほどく場所｜無料メールマガジン',
    body: [
      'もし、一人で考えるには少し重たいな、と感じたら。文章という距離感で、もう少し整理したいと思えたら。',
      '無料メールマガジンで、ブログでは書ききれない「迷いの途中の話」もお届けしています。週3回（火・木・土）配信しています。',
    ],
    cta: '無料メールマガジンについて',
  },
  course: {
    heading: '正しさでは動けなくなった人のための心理学講座',
    body: [
      '「わかっているのに動けない」状態は、多くの場合、努力不足ではないんです。',
      'オンラインで受講できる心理学講座は、問題解決のための行動を増やす前に、「今、自分がどの位置で考え続けているのか」を整理していく時間です。',
    ],
    cta: '心理学講座を見る',
  },
  session: {
    heading: '自分の感覚が分からなくなってしまったときの個人セッション',
    lead: 'それでも、',
    points: [
      '考えても考えても同じところを回っている',
      '自分の感覚が、もう一人では掴めない',
      '誰かと一度、整理し直したい',
    ],
    body: ['そう感じたときは、個人セッションという選択肢もあります。必要だと感じたタイミングで、ご覧ください。'],
    cta: '個人セッションを見る',
  },
} as const;

/**
 * Crisis lines shown with the safety question of the intake (and on the self-check). Kept
 * here so the counselor can keep them current; numbers as published at the time of writing.
 */
export const crisisLines = {
  notEmergency:
    'このサービス（カウンセリングの予約とアンケート）は、緊急時の対応はできません。メッセージをお送りいただいても、すぐにはお返事できません。',
  lines: [
    { name: 'よりそいホットライン', phone: '0120-279-338', hours: '24時間' },
    { name: 'いのちの電話', phone: '0570-783-556', hours: '10:00〜22:00' },
    { name: 'こころの健康相談統一ダイヤル', phone: '0570-064-556', hours: 'お住まいの地域の窓口につながります' },
  ],
  emergency: {
    text: '命の危険が迫っているときは',
    numbers: [
      { label: '救急', phone: '119' },
      { label: '警察', phone: '110' },
    ],
  },
} as const;
