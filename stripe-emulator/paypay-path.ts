/** Where the hosted page sends a client who chose PayPay: the emulator's stand-in for PayPay's own page. */
export const paypayAuthorisationPath = (sessionId: string) => `/checkout/${encodeURIComponent(sessionId)}/paypay`;

/** The hosted page's address after PayPay was declined, as Stripe returns the client to Checkout. */
export const paypayDeclinedPath = (sessionId: string) => `/checkout/${encodeURIComponent(sessionId)}?declined=paypay`;
