'use client';

import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { TextField } from '@/components/ui/text-field';
import type { ProfileInput } from '@/features/accounts/schemas';
import { TimeZoneSelect } from './time-zone-select';

/** 姓・名・フリガナ・電話・タイムゾーン, shared by sign-up and the account page. */
export function ProfileFields({
  register,
  errors,
  timeZone,
}: {
  register: UseFormRegister<ProfileInput>;
  errors: FieldErrors<ProfileInput>;
  timeZone?: string;
}) {
  return (
    <>
      <div className="field-row">
        <TextField
          label="姓"
          autoComplete="family-name"
          required
          registration={register('familyName')}
          error={errors.familyName?.message}
        />
        <TextField
          label="名"
          autoComplete="given-name"
          required
          registration={register('givenName')}
          error={errors.givenName?.message}
        />
      </div>
      <div className="field-row">
        <TextField
          label="セイ（フリガナ）"
          required
          registration={register('familyNameKana')}
          error={errors.familyNameKana?.message}
        />
        <TextField
          label="メイ（フリガナ）"
          required
          registration={register('givenNameKana')}
          error={errors.givenNameKana?.message}
        />
      </div>
      <TextField
        label="電話番号（任意）"
        type="tel"
        autoComplete="tel"
        description="日本の番号はそのまま（090-1234-5678）、海外の番号は+から入力してください。"
        registration={register('phone')}
        error={errors.phone?.message}
      />
      <TimeZoneSelect registration={register('timeZone')} error={errors.timeZone?.message} current={timeZone} />
    </>
  );
}
