import { describe, expect, it } from 'vitest';
import {
  emailSchema,
  formatPhone,
  isKnownTimeZone,
  kanaSchema,
  optionalPhoneSchema,
  profileSchema,
  registerSchema,
} from './schemas';

describe('kana (フリガナ)', () => {
  it.each(['ヤマダ', 'ヴァン', 'サトウ　ハナコ', 'ジョーンズ', 'ド・ゴール'])(
    'accepts full-width katakana: %s',
    (v) => {
      expect(kanaSchema.safeParse(v).success).toBe(true);
    },
  );

  it('folds half-width katakana to full-width', () => {
    expect(kanaSchema.parse('ﾔﾏﾀﾞ')).toBe('ヤマダ');
  });

  it.each(['やまだ', '山田', 'Yamada', 'ヤマダ1', ''])('rejects %s with a Japanese message', (v) => {
    const result = kanaSchema.safeParse(v);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/全角カタカナで入力してください|入力してください/);
  });
});

describe('phone numbers', () => {
  it.each([
    ['090-1234-5678', '+819012345678'],
    ['09012345678', '+819012345678'],
    ['03-1234-5678', '+81312345678'],
    ['０９０－１２３４－５６７８', '+819012345678'],
    ['+1 415 555 0100', '+14155550100'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('stores %s as %s', (input, e164) => {
    expect(optionalPhoneSchema.parse(input)).toBe(e164);
  });

  it('treats an empty field as no number', () => {
    expect(optionalPhoneSchema.parse('')).toBeNull();
  });

  it.each(['12345', '090-1234', 'abc', '+1 123'])('rejects %s', (input) => {
    expect(optionalPhoneSchema.safeParse(input).error?.issues[0]?.message).toMatch(/^電話番号の形式が正しくありません/);
  });

  it('shows Japanese numbers in the national format and others internationally', () => {
    expect(formatPhone('+819012345678')).toBe('090-1234-5678');
    expect(formatPhone('+14155550100')).toBe('+1 415 555 0100');
  });
});

describe('time zones', () => {
  it.each(['Asia/Tokyo', 'Australia/Adelaide', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC'])('knows %s', (z) => {
    expect(isKnownTimeZone(z)).toBe(true);
  });

  it.each(['Tokyo', 'JST', 'Asia/Atlantis', ''])('rejects %s', (z) => {
    expect(isKnownTimeZone(z)).toBe(false);
  });
});

describe('registration', () => {
  const valid = {
    email: ' Hanako@Example.JP ',
    password: 'correct horse battery',
    familyName: '山田',
    givenName: '花子',
    familyNameKana: 'ヤマダ',
    givenNameKana: 'ハナコ',
    phone: '',
    timeZone: 'Asia/Tokyo',
    agreeToTerms: true,
  };

  it('normalises the address', () => {
    expect(registerSchema.parse(valid).email).toBe('hanako@example.jp');
    expect(emailSchema.safeParse('hanako@').success).toBe(false);
  });

  it('refuses a password equal to the address, a short one, and no agreement', () => {
    const paths = (input: object) =>
      registerSchema.safeParse({ ...valid, ...input }).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ password: 'hanako@example.jp' })).toEqual(['password']);
    expect(paths({ password: 'short' })).toEqual(['password']);
    expect(paths({ agreeToTerms: false })).toEqual(['agreeToTerms']);
  });

  it('the profile schema reports every bad field at once', () => {
    const result = profileSchema.safeParse({
      familyName: '',
      givenName: '花子',
      familyNameKana: 'やまだ',
      givenNameKana: 'ハナコ',
      phone: '1',
      timeZone: 'Mars/Base',
    });
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual([
      'familyName',
      'familyNameKana',
      'phone',
      'timeZone',
    ]);
  });
});
