'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While an issue is sending, the admin page refreshes itself so the progress moves. */
export function RefreshWhileSending({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 5000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
