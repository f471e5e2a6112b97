'use client';

import Link from 'next/link';
import { type ComponentProps, useState } from 'react';

/**
 * A link that prefetches its page when the pointer rests on it or a finger touches it, not as
 * soon as it is on screen (Next's default). The header, footer and article links would otherwise
 * fetch about fifteen pages in the background on every visit: a phone's data, and main-thread
 * time while the page is still starting. The pattern is the one in Next's prefetching guide.
 */
export function HoverPrefetchLink({
  onMouseEnter,
  onTouchStart,
  ...props
}: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  const [active, setActive] = useState(false);
  return (
    <Link
      {...props}
      prefetch={active ? null : false}
      onMouseEnter={(event) => {
        setActive(true);
        onMouseEnter?.(event);
      }}
      onTouchStart={(event) => {
        setActive(true);
        onTouchStart?.(event);
      }}
    />
  );
}
