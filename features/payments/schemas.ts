import { z } from 'zod';

/** The payment methods page: card is always on, so only konbini and PayPay are switches. */
export const offeredMethodsSchema = z.object({ konbini: z.boolean(), paypay: z.boolean() });

export type OfferedMethodsInput = z.input<typeof offeredMethodsSchema>;
