import { describe, expect, it } from 'vitest';
import { sessionPackageSchema } from './schemas';

const typeId = '0b7e4c1e-6f4a-4d1b-9a51-2f0b8f0f7a11';
const valid = {
  name: '3回券',
  sessionCount: '3',
  priceYen: '30000',
  validityMonths: '3',
  sessionTypeIds: [typeId],
  description: '',
  active: true,
  sortOrder: '1',
};
const errorsOf = (input: object) => {
  const parsed = sessionPackageSchema.safeParse({ ...valid, ...input });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('sessionPackageSchema', () => {
  it('reads the form as numbers and an array of session types', () => {
    expect(sessionPackageSchema.parse(valid)).toMatchObject({
      sessionCount: 3,
      priceYen: 30000,
      validityMonths: 3,
      sessionTypeIds: [typeId],
    });
    expect(sessionPackageSchema.parse({ ...valid, sessionTypeIds: typeId }).sessionTypeIds).toEqual([typeId]);
  });

  it('asks for at least one covered session type', () => {
    expect(errorsOf({ sessionTypeIds: false })).toEqual({ sessionTypeIds: '対象のセッションを1つ以上選んでください' });
    expect(errorsOf({ sessionTypeIds: [] })).toEqual({ sessionTypeIds: '対象のセッションを1つ以上選んでください' });
  });

  it('explains each range in Japanese', () => {
    expect(errorsOf({ sessionCount: '1' })).toEqual({ sessionCount: '2〜50回で入力してください' });
    expect(errorsOf({ validityMonths: '0' })).toEqual({ validityMonths: '1〜36か月で入力してください' });
    expect(errorsOf({ priceYen: '0' })).toEqual({ priceYen: '1円以上で入力してください' });
    expect(errorsOf({ priceYen: '3000.5' })).toEqual({ priceYen: '円単位の整数で入力してください' });
    expect(errorsOf({ name: '  ' })).toEqual({ name: '入力してください' });
  });
});
