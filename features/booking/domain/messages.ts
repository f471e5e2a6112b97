/**
 * The booking domain's Japanese wording. Kept together (and free of imports) so it can move
 * into the catalogue in lib/messages.ts as `messages.booking` without changing callers' logic.
 */
export const bookingMessages = {
  weekdays: ['日', '月', '火', '水', '木', '金', '土'],
  /** What a client abroad calls the practice's zone (siteConfig.timeZone); other zones are shown by their id. */
  practiceZoneName: '日本時間',
  /** 日本時間 14:00, or 日本時間 12月4日(金) 07:00 when that is another day than the viewer's. */
  practiceTime: (zoneName: string, time: string, monthDay?: string) =>
    monthDay ? `${zoneName} ${monthDay} ${time}` : `${zoneName} ${time}`,
  monthDay: (month: number, day: number, weekday: string) => `${month}月${day}日(${weekday})`,
  /** A booking's state as the client reads it (portal). */
  status: {
    held: 'お支払い待ち',
    awaiting_payment: 'お支払い待ち（コンビニ）',
    confirmed: '予約確定',
    cancelled: 'キャンセル済み',
    completed: '実施済み',
    no_show: '無断キャンセル',
    expired: '期限切れ',
  },
  refundState: { processing: '返金処理中', refunded: '返金済み' },
  /** The counselor's cancellation of a booking awaiting its konbini payment: before, and after. */
  counselorCancelAwaitingKonbini:
    'コンビニでのお支払いを待っている予約です。キャンセルすると、この時間はすぐにほかの方が予約できるようになり、クライアントには払込票で支払わないようメールでお知らせします。行き違いで支払われた場合は、全額を自動で返金します。',
  counselorCancelledAwaitingKonbini:
    'キャンセルし、予約枠を空けました。クライアントには払込票で支払わないようメールでお知らせしました。',
  /** A konbini payment has no card to return money to: Stripe asks the client for a bank account by mail. */
  konbiniRefund:
    'コンビニでお支払いいただいたため、返金は銀行振込になります。決済会社のStripeから返金先の口座をご登録いただくメールが届きますので、ご登録ください。ご登録後にお振り込みします。',
  cancellation: {
    counselorTier: 'カウンセラー都合によるキャンセル（全額返金）',
    free: '今キャンセルすると無料です。全額を返金します。',
    feeNow: (percentAndFee: string) => `今キャンセルすると${percentAndFee}のキャンセル料がかかります`,
    feeAfterStart: (percentAndFee: string) => `開始時刻を過ぎているため、キャンセル料は${percentAndFee}です`,
    percentAndFee: (percent: number, fee: string) => `${percent}%・${fee}`,
    refund: (refund: string) => `。返金額は${refund}です。`,
    noRefund: '。返金はありません。',
  },
  /** A session booked with a package's credit (回数券): no yen are paid or refunded, a credit is. */
  credit: {
    paidWith: '回数券で予約',
    choice: (remaining: number) => `回数券で予約する（残り${remaining}回）`,
    /** What a cancellation now does to the credit (features/packages/domain/rules.ts: creditOnCancellation). */
    oneBack: '1回分をお戻しします',
    oneUsed: '1回分が使用済みになります',
    previewReturned: '今キャンセルすると無料です。回数券は1回分お戻しします。',
    previewUsed:
      '今キャンセルするとキャンセル料がかかる期間のため、回数券の1回分は使用済みになります。返金はありません。',
    /** Booked inside a fee tier: what cancelling a credit booking would do. */
    lateBooking: '回数券でご予約の場合は、キャンセルすると回数券の1回分が使用済みになります。',
    counselorReturns: 'カウンセラー都合のキャンセルでは、回数券の1回分をお戻しします。',
    returned: (remaining: number) => `1回分をお戻ししました。残り${remaining}回です。`,
    used: 'キャンセル料がかかる期間のキャンセルのため、1回分は使用済みになりました。',
    remaining: (remaining: number) => `残り${remaining}回`,
  },
} as const;
