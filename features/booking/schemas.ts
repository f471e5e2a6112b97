import { z } from 'zod';
import { themeIds } from '@/features/library/themes';
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
  meetingUrl: z.url({ protocol: /^https$/, message: 'https:// で始まるURLを入力してください' }).max(500),
});
