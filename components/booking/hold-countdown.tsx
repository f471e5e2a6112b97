'use client';

import { useEffect, useState } from 'react';

/** The time left on a hold, announced politely once a minute rather than every second. */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
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
  if (now === null) return <p className="countdown">仮押さえ中です（30分間）</p>;
  const left = Math.max(0, Math.floor((end - now) / 1000));
  if (left === 0) {
    return (
      <p className="countdown countdown--over" role="alert">
        仮押さえの時間が過ぎました。お手数ですが、もう一度日時をお選びください。
      </p>
    );
  }
  const minutes = Math.floor(left / 60);
  const seconds = left % 60;
  return (
    <p className="countdown">
      仮押さえの残り時間：
      <span aria-hidden="true">
        {minutes}:{String(seconds).padStart(2, '0')}
      </span>
      <span className="sr-only" aria-live="polite">
        約{minutes + 1}分
      </span>
    </p>
  );
}
