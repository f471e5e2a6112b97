'use client';

import type { ButtonHTMLAttributes } from 'react';
import { useHydrated } from './use-hydrated';

type Props = {
  busy: boolean | undefined;
  /** The form posts somewhere useful without JavaScript, so a press before hydration may go through. */
  worksWithoutScript?: boolean;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'>;

/**
 * A form's button while its action runs or after it is done: a `disabled` button drops keyboard
 * focus to the top of the page (and a screen reader with it), so this one stays focusable, is
 * marked `aria-disabled` and ignores presses instead.
 *
 * Until the page is hydrated the button is disabled: the forms submit through JavaScript, and a
 * press on a slow phone before that would send the browser's own GET, putting what was typed
 * (a password, say) in the address bar and the server's logs.
 */
export function ActionButton({ busy, worksWithoutScript, type = 'submit', onClick, ...props }: Props) {
  const hydrated = useHydrated();
  return (
    <button
      {...props}
      type={type}
      disabled={!hydrated && !worksWithoutScript ? true : undefined}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
