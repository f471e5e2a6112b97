'use client';

import { useTransition } from 'react';
import { signOutAction, signOutEverywhereAction } from '@/features/accounts/actions';

export function SignOutButton({ everywhere = false }: { everywhere?: boolean }) {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      className={everywhere ? 'button button--secondary' : 'link-button'}
      disabled={pending}
      onClick={() => start(async () => void (await (everywhere ? signOutEverywhereAction({}) : signOutAction({}))))}
    >
      {everywhere ? 'すべての端末からログアウト' : 'ログアウト'}
    </button>
  );
}
