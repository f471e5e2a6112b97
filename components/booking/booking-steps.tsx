export const bookingSteps = ['日時', 'お客様情報', 'お支払い', '完了'] as const;
export type BookingStep = (typeof bookingSteps)[number];

/**
 * Where the client is in booking: 日時 → お客様情報 → お支払い → 完了. An ordered list, the
 * current step marked with aria-current="step" and the steps done said as such to a screen
 * reader, so the count is heard as well as seen.
 */
export function BookingSteps({ current }: { current: BookingStep }) {
  const index = bookingSteps.indexOf(current);
  return (
    <nav aria-label="ご予約の手順" className="steps">
      <ol className="steps__list">
        {bookingSteps.map((step, i) => (
          <li
            key={step}
            className={`steps__step${i < index ? ' steps__step--done' : ''}${i === index ? ' steps__step--current' : ''}`}
            aria-current={i === index ? 'step' : undefined}
          >
            <span className="steps__number" aria-hidden="true">
              {i < index ? '✓' : i + 1}
            </span>
            <span className="steps__label">
              {step}
              {i < index ? <span className="sr-only">：済み</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
