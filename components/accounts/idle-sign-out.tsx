'use client';

import { useEffect } from 'react';

/**
 * On a shared device, a portal left open must not stay readable: after the idle time the
 * page goes to the sign-in screen (the server has already ended the session by then).
 */
export function IdleSignOut({ idleMs }: { idleMs: number }) {
  useEffect(() => {
    let timer = window.setTimeout(expire, idleMs);
    function expire() {
      // A full load, not a client-side navigation: nothing of the portal stays in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign('/login?notice=idle');
    }
    function reset() {
      window.clearTimeout(timer);
      timer = window.setTimeout(expire, idleMs);
    }
    const events = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [idleMs]);
  return null;
}
