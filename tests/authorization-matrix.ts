/**
 * Who may call what. Every protected page, route handler and server action is listed here;
 * tests/authorization-matrix.test.ts fails when one exists in the code but not here, and
 * e2e/authorization.spec.ts tries each page and route as each kind of caller.
 *
 * access:
 *   public     anyone
 *   user       any signed-in person (their own data only)
 *   client-home  the portal's home: any signed-in client; the counselor is sent on to /admin
 *   owner      a record's own client and the counselor; any other client gets 404
 *   self       a record's own client only; everyone else signed in gets 404
 *   stripe     Stripe itself, proven by the webhook signature
 *   counselor  the counselor only; clients get 404
 *   embedded   only with embedded defaults (development, demo, tests); 404 in production
 *   feed-token the secret token in the path is the only key (calendar apps send no cookies): a
 *              wrong, old or revoked token is 404 for everyone, signed in or not
 *   post-only  a POST proven by what it carries (the publishing job's secret, a subscriber's
 *              unsubscribe token for RFC 8058 one-click); nothing answers a GET
 */
export type Access =
  | 'public'
  | 'user'
  | 'client-home'
  | 'owner'
  | 'self'
  | 'counselor'
  | 'embedded'
  | 'stripe'
  | 'post-only'
  | 'feed-token';

export const pages: Record<string, Access> = {
  '/portal': 'client-home',
  '/portal/account': 'user',
  '/portal/bookings/[id]': 'owner',
  '/portal/bookings/[id]/reschedule': 'self',
  '/portal/bookings/[id]/cancel': 'self',
  '/portal/payments': 'user',
  '/portal/payments/[id]/receipt': 'owner',
  '/portal/intake/[id]': 'self',
  '/book/checkout/[bookingId]': 'self',
  '/book/success': 'self',
  '/courses/apply/[enrollmentId]': 'self',
  '/courses/success': 'self',
  '/packages/success': 'self',
  '/portal/packages': 'user',
  '/portal/courses/[id]': 'self',
  '/admin': 'counselor',
  '/admin/clients': 'counselor',
  '/admin/clients/[id]': 'counselor',
  '/admin/audit': 'counselor',
  '/admin/settings': 'counselor',
  '/admin/notices': 'counselor',
  '/admin/bookings': 'counselor',
  '/admin/bookings/[id]': 'counselor',
  '/admin/availability': 'counselor',
  '/admin/calendar-sync': 'counselor',
  '/admin/session-types': 'counselor',
  '/admin/packages': 'counselor',
  '/admin/coupons': 'counselor',
  '/admin/courses': 'counselor',
  '/admin/courses/cohorts/[id]': 'counselor',
  '/admin/payments': 'counselor',
  '/admin/articles': 'counselor',
  '/admin/articles/new': 'counselor',
  '/admin/articles/[id]': 'counselor',
  '/admin/newsletter': 'counselor',
  '/admin/newsletter/issues/[id]': 'counselor',
  '/admin/notifications': 'counselor',
  '/admin/payment-methods': 'counselor',
  '/dev/mail': 'embedded',
};

export const routeHandlers: Record<string, Access> = {
  '/api/health': 'public',
  '/api/health/live': 'public',
  '/api/auth/[...nextauth]': 'public',
  '/portal/account/export': 'user',
  '/portal/bookings/[id]/ics': 'owner',
  '/portal/courses/[id]/ics': 'self',
  '/api/stripe/webhook': 'stripe',
  '/api/library/refresh': 'post-only',
  '/api/newsletter/unsubscribe': 'post-only',
  '/admin/newsletter/subscribers.csv': 'counselor',
  '/admin/payments/payments.csv': 'counselor',
  '/admin/payments/bookings.csv': 'counselor',
  '/api/calendar-feed/[token]': 'feed-token',
};

export const actions: Record<string, Access> = {
  retryNoticeAction: 'counselor',
  savePaymentMethodsAction: 'counselor',
  registerAction: 'public',
  signInAction: 'public',
  requestLoginLinkAction: 'public',
  resendVerificationAction: 'public',
  resendMyVerificationAction: 'user',
  verifyEmailAction: 'public',
  requestPasswordResetAction: 'public',
  resetPasswordAction: 'public',
  confirmEmailChangeAction: 'public',
  updateProfileAction: 'user',
  changePasswordAction: 'user',
  changeEmailAction: 'user',
  deleteAccountAction: 'user',
  signOutAction: 'user',
  signOutEverywhereAction: 'user',
  bookSlotAction: 'user',
  registerAndBookAction: 'public',
  signInAndBookAction: 'public',
  checkoutAction: 'user',
  bookingCouponAction: 'user',
  enrollmentCouponAction: 'user',
  cancelBookingAction: 'user',
  rescheduleBookingAction: 'user',
  counselorCancelBookingAction: 'counselor',
  markBookingOutcomeAction: 'counselor',
  setMeetingUrlAction: 'counselor',
  saveWeeklyHoursAction: 'counselor',
  addOverrideAction: 'counselor',
  deleteOverrideAction: 'counselor',
  saveBookingSettingsAction: 'counselor',
  saveSessionTypeAction: 'counselor',
  saveSessionPackageAction: 'counselor',
  createCouponAction: 'counselor',
  setCouponActiveAction: 'counselor',
  buyPackageAction: 'user',
  refundUnusedCreditsAction: 'counselor',
  addCalendarImportAction: 'counselor',
  syncCalendarImportAction: 'counselor',
  removeCalendarImportAction: 'counselor',
  regenerateFeedTokenAction: 'counselor',
  revokeFeedTokenAction: 'counselor',
  saveFeedTitleStyleAction: 'counselor',
  consentToIntakeAction: 'user',
  saveIntakeDraftAction: 'user',
  submitIntakeAction: 'user',
  holdSeatAction: 'user',
  joinWaitlistAction: 'user',
  leaveWaitlistAction: 'user',
  applyAndPayAction: 'user',
  cancelEnrollmentAction: 'user',
  saveCourseAction: 'counselor',
  saveCohortAction: 'counselor',
  saveLessonAction: 'counselor',
  emailCohortAction: 'counselor',
  cancelCohortAction: 'counselor',
  cancelSeatAction: 'counselor',
  saveArticleAction: 'counselor',
  restoreRevisionAction: 'counselor',
  subscribeAction: 'public',
  confirmSubscriptionAction: 'public',
  unsubscribeAction: 'public',
  saveIssueAction: 'counselor',
  sendTestIssueAction: 'counselor',
  saveNoticeSettingsAction: 'counselor',
  saveSessionNoteAction: 'counselor',
};
