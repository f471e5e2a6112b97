import { z } from 'zod';
import { registerSchema, signInSchema } from '@/features/accounts/schemas';
import { couponCodeField } from '@/features/coupons/schemas';
import { themeIds } from '@/features/library/themes';
import { meetingUrl } from '@/lib/meeting-url';
import { messages } from '@/lib/messages';

const uuid = z.uuid();
const theme = z.enum(themeIds).nullable().catch(null);

export const holdSlotSchema = z.object({
  sessionType: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(60),
  startsAt: z.iso.datetime({ offset: true }),
  theme,
});

/** The confirm screen, signed in: the chosen slot and the policy agreed, straight on to payment. */
export const bookSlotSchema = holdSlotSchema.extend({
  agreeToPolicy: z.literal(true, messages.errors.policyNotAgreed),
  /** A coupon typed on the confirm screen: checked before the hold, then shown on the payment page. */
  couponCode: couponCodeField,
});

/**
 * The confirm screen, signed in: as `bookSlotSchema`, and with `purchaseId` (a session package
 * she holds a credit of) booked with one of its credits instead of paying ('' or none: pay).
 */
export const bookSignedInSchema = bookSlotSchema.extend({
  purchaseId: z
    .union([uuid, z.literal('')])
    .optional()
    .transform((v) => v || null),
});

/** The confirm screen, signed out and new: the sign-up fields and the slot, in one step. */
export const registerAndBookSchema = registerSchema.and(bookSlotSchema);

/** The confirm screen, signed out with an account: email and password and the slot. */
export const signInAndBookSchema = signInSchema.extend(bookSlotSchema.shape);

export type BookSlotInput = z.input<typeof bookSlotSchema>;
export type BookSignedInInput = z.input<typeof bookSignedInSchema>;
export type RegisterAndBookInput = z.input<typeof registerAndBookSchema>;
export type SignInAndBookInput = z.input<typeof signInAndBookSchema>;

export const checkoutSchema = z.object({
  bookingId: uuid,
  theme,
  agreeToPolicy: z.literal(true, messages.errors.policyNotAgreed),
});

export const bookingIdSchema = z.object({ bookingId: uuid });

/**
 * The client's cancellation, confirmed on its own screen: it carries the fee that screen showed,
 * so a cancellation is made only on the terms the client read (a plain form post sends text).
 */
export const cancelBookingSchema = z.object({
  bookingId: uuid,
  expectedFeeYen: z.coerce.number().int().min(0),
});

export const rescheduleSchema = z.object({ bookingId: uuid, startsAt: z.iso.datetime({ offset: true }) });

export const bookingOutcomeSchema = z.object({ bookingId: uuid, outcome: z.enum(['completed', 'no_show']) });

export type CheckoutInput = z.input<typeof checkoutSchema>;

export const meetingUrlSchema = z.object({
  bookingId: uuid,
  meetingUrl,
});
