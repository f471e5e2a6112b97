'use client';

import type { ButtonHTMLAttributes } from 'react';

type Props = { busy: boolean | undefined } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'>;

/**
 * A form's button while its action runs or after it is done: a `disabled` button drops keyboard
 * focus to the top of the page (and a screen reader with it), so this one stays focusable, is
 * marked `aria-disabled` and ignores presses instead.
 */
export function ActionButton({ busy, type = 'submit', onClick, ...props }: Props) {
  return (
    <button
      {...props}
      type={type}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
