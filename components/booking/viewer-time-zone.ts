'use client';

import { useSyncExternalStore } from 'react';
import { practiceTimeZone } from '@/lib/time';

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || practiceTimeZone;

/**
 * The visitor's time zone: Tokyo while rendering on the server and hydrating, then the
 * browser's own, so that times are shown on the visitor's clock without a mismatch.
 */
export function useViewerTimeZone(fallback = practiceTimeZone): string {
  return useSyncExternalStore(noSubscription, browserZone, () => fallback);
}
