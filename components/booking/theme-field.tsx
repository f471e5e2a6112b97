'use client';

import type { UseFormRegisterReturn } from 'react-hook-form';
import { themes } from '@/features/library/themes';

/** お話ししたいこと: the theme chooses the questionnaire and never appears in mail or on a card statement. */
export function ThemeField({ registration }: { registration: UseFormRegisterReturn }) {
  return (
    <div className="field">
      <label htmlFor="field-theme">お話ししたいこと（任意）</label>
      <p id="field-theme-description" className="field__description">
        事前アンケートの内容が変わります。メール・カレンダー・カードの明細には表示されません。
      </p>
      <select id="field-theme" aria-describedby="field-theme-description" {...registration}>
        <option value="">決めていない・そのほか</option>
        {themes.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </select>
    </div>
  );
}
