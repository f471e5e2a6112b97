'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * While a payment is being confirmed, asks the server again every few seconds (a soft refresh:
 * no reload, focus stays where it is) and stops after a couple of minutes. Without JavaScript,
 * the page's own link does the same by hand. A <meta refresh> would reload under a screen
 * reader's cursor, which axe rightly refuses.
 */
export function RefreshWhilePending({ everyMs = 3000, times = 40 }: { everyMs?: number; times?: number }) {
  const router = useRouter();
  useEffect(() => {
    let done = 0;
    const timer = setInterval(() => {
      done += 1;
      if (done > times) clearInterval(timer);
      else router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs, times]);
  return null;
}
