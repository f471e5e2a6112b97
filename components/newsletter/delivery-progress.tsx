import type { DeliveryCounts } from '@/features/newsletter/queries';

/** How far an issue's sending has come, in numbers a person reads. */
export function DeliveryProgress({ counts, id }: { counts: DeliveryCounts; id: string }) {
  const done = counts.sent + counts.skipped + counts.failed + counts.unknown;
  return (
    <div>
      <label htmlFor={id}>
        送信 {counts.sent} / {counts.total} 件
      </label>
      <progress id={id} className="progress-bar" max={Math.max(counts.total, 1)} value={done} />
      {counts.failed + counts.unknown + counts.skipped > 0 ? (
        <p>
          {counts.skipped > 0 ? `配信停止により送らなかった：${counts.skipped}件　` : ''}
          {counts.failed > 0 ? `失敗：${counts.failed}件　` : ''}
          {counts.unknown > 0 ? `送信中に中断（二重送信を避けるため再送しません）：${counts.unknown}件` : ''}
        </p>
      ) : null}
    </div>
  );
}
