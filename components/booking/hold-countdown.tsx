'use client';

import { useEffect, useState } from 'react';

/** The time left on a hold, announced politely once a minute rather than every second. */
export function HoldCountdown({ expiresAt, label = '仮押さえ' }: { expiresAt: string; label?: string }) {
  const end = new Date(expiresAt).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, []);
  if (now === null) return <p className="countdown">{label}中です</p>;
  const left = Math.max(0, Math.floor((end - now) / 1000));
  if (left === 0) {
    return (
      <p className="countdown countdown--over" role="alert">
        {label}の時間が過ぎました。お手数ですが、もう一度お選びください。
      </p>
    );
  }
  const minutes = Math.floor(left / 60);
  const seconds = left % 60;
  // A waitlist offer is held for a day: hours and minutes read better than 1439:59.
  const hours = Math.floor(minutes / 60);
  return (
    <p className="countdown">
      {label}の残り時間：
      <span aria-hidden="true">
        {hours > 0 ? `${hours}時間${minutes % 60}分` : `${minutes}:${String(seconds).padStart(2, '0')}`}
      </span>
      <span className="sr-only" aria-live="polite">
        {hours > 0 ? `約${hours}時間${minutes % 60}分` : `約${minutes + 1}分`}
      </span>
    </p>
  );
}
