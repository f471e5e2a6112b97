'use client';

import type { UseFormRegisterReturn } from 'react-hook-form';
import { practiceTimeZone, zoneNameJa } from '@/lib/time';

const common = [
  practiceTimeZone,
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Paris',
  'Australia/Sydney',
  'Australia/Adelaide',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Kolkata',
  'Pacific/Honolulu',
];

/** Zones the browser knows, the commonest first; the browser's own zone is the default. */
export function TimeZoneSelect({
  registration,
  error,
  current,
}: {
  registration: UseFormRegisterReturn;
  error?: string;
  current?: string;
}) {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : common;
  // The browser may name its zone by an alias (Asia/Kolkata) that the list spells otherwise.
  const rest = [...new Set([...(current ? [current] : []), ...all])].filter((z) => !common.includes(z));
  return (
    <div className="field">
      <label htmlFor="field-timeZone">お住まいのタイムゾーン</label>
      <p id="field-timeZone-description" className="field__description">
        予約の日時をこのタイムゾーンで表示します（日本時間も併記します）。
      </p>
      <select
        id="field-timeZone"
        aria-describedby={`field-timeZone-description${error ? ' field-timeZone-error' : ''}`}
        aria-invalid={error ? true : undefined}
        {...registration}
      >
        <optgroup label="よく使われるタイムゾーン">
          {common.map((z) => (
            <option key={z} value={z}>
              {zoneNameJa(z)}（{z}）
            </option>
          ))}
        </optgroup>
        <optgroup label="すべて">
          {rest.map((z) => (
            <option key={z} value={z}>
              {zoneNameJa(z)}（{z}）
            </option>
          ))}
        </optgroup>
      </select>
      {error ? (
        <p id="field-timeZone-error" className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || practiceTimeZone;
  } catch {
    return practiceTimeZone;
  }
}
