import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/min';
import { z } from 'zod';
import { messages } from '@/lib/messages';

const m = messages.validation;

export const emailSchema = z.string().trim().toLowerCase().min(1, m.required).max(254, m.email).pipe(z.email(m.email));

export const passwordSchema = z.string().min(10, m.passwordLength).max(128, m.passwordLength);

/** Full-width katakana, with the long-vowel mark and spaces; half-width kana is folded first. */
export const kanaSchema = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC'))
  .pipe(
    z
      .string()
      .min(1, m.required)
      .max(50, m.nameLength)
      .regex(/^[ァ-ヺー・ 　]+$/u, m.kana),
  );

export const nameSchema = z.string().trim().min(1, m.required).max(50, m.nameLength);

/**
 * Japanese numbers without a country code, or international ones with +; stored as E.164.
 * Optional: an empty field is null.
 */
export const optionalPhoneSchema = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC'))
  .refine((s) => s === '' || isValidPhoneNumber(s, 'JP'), m.phone)
  .transform((s) => (s === '' ? null : parsePhoneNumberWithError(s, 'JP').number));

/** An IANA zone name (Area/Location, or UTC), including aliases such as Asia/Kolkata. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone !== 'UTC' && !/^[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().refine(isKnownTimeZone, m.timeZone);

/** Shows an E.164 number the Japanese way when it is Japanese (090-1234-5678). */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberWithError(e164);
  return parsed.country === 'JP' ? parsed.formatNational() : parsed.formatInternational();
}

export const profileSchema = z.object({
  familyName: nameSchema,
  givenName: nameSchema,
  familyNameKana: kanaSchema,
  givenNameKana: kanaSchema,
  phone: optionalPhoneSchema,
  timeZone: timeZoneSchema,
});

export const registerSchema = profileSchema
  .extend({
    email: emailSchema,
    password: passwordSchema,
    agreeToTerms: z.literal(true, m.agreeToTerms),
  })
  .refine((v) => v.password.toLowerCase() !== v.email, { path: ['password'], message: m.passwordSameAsEmail });

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, m.required).max(128) });

export const emailOnlySchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({ token: z.string().min(20).max(200), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: m.passwordMismatch });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, m.required), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: m.passwordMismatch });

export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: z.string().min(1, m.required) });

export const deleteAccountSchema = z.object({ currentPassword: z.string().min(1, m.required) });

export const tokenSchema = z.object({ token: z.string().min(20).max(200) });

export type RegisterInput = z.input<typeof registerSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type Profile = z.output<typeof profileSchema>;
