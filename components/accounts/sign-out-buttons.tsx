'use client';

import { useTransition } from 'react';
import { signOutAction, signOutEverywhereAction } from '@/features/accounts/actions';
import { ActionButton } from '@/components/ui/action-button';

export function SignOutButton({ everywhere = false }: { everywhere?: boolean }) {
  const [pending, start] = useTransition();
  return (
    <ActionButton
      type="button"
      className={everywhere ? 'button button--secondary' : 'link-button'}
      busy={pending}
      onClick={() => start(async () => void (await (everywhere ? signOutEverywhereAction({}) : signOutAction({}))))}
    >
      {everywhere ? 'すべての端末からログアウト' : 'ログアウト'}
    </ActionButton>
  );
}
