import { z } from 'zod';

const whole = (min: number, max: number, unit: string) =>
  z.coerce
    .number(`${min}〜${max}${unit}で入力してください`)
    .int('整数で入力してください')
    .min(min, `${min}〜${max}${unit}で入力してください`)
    .max(max, `${min}〜${max}${unit}で入力してください`);

/**
 * A package definition as the counselor edits it at /admin/packages. The covered session types
 * are checkboxes: react-hook-form gives an array, a lone checkbox its value or false.
 */
export const sessionPackageSchema = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, '入力してください').max(40, '40文字以内で入力してください'),
  sessionCount: whole(2, 50, '回'),
  priceYen: z.coerce
    .number('円単位の整数で入力してください')
    .int('円単位の整数で入力してください')
    .min(1, '1円以上で入力してください')
    .max(5_000_000, '500万円以下で入力してください'),
  validityMonths: whole(1, 36, 'か月'),
  sessionTypeIds: z
    .union([z.array(z.string()), z.string(), z.boolean(), z.null(), z.undefined()])
    .transform((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []))
    .pipe(z.array(z.uuid()).min(1, '対象のセッションを1つ以上選んでください')),
  description: z.string().max(1000, '1000文字以内で入力してください').default(''),
  active: z.boolean(),
  sortOrder: whole(0, 999, ''),
});

export type SessionPackageInput = z.input<typeof sessionPackageSchema>;
export type SessionPackageValues = z.output<typeof sessionPackageSchema>;

/** A client buys a package: which one, and her agreement to the package rules. */
export const buyPackageSchema = z.object({
  packageId: z.uuid('回数券を選んでください'),
  agreeToTerms: z.literal(true, '回数券の規定への同意が必要です'),
});
export type BuyPackageInput = z.input<typeof buyPackageSchema>;

/** The counselor refunds a purchase's unused part: the number of credits her confirmation showed. */
export const refundUnusedSchema = z.object({
  purchaseId: z.uuid(),
  expectedUnused: z.coerce.number().int().min(1).max(50),
});
export type RefundUnusedInput = z.input<typeof refundUnusedSchema>;
