import { crisisLines } from '@/lib/site-config';

/** The crisis lines, with the plain statement that this service is not for emergencies. */
export function CrisisLines({
  id,
  live = false,
  headingLevel = 3,
  intake = false,
}: {
  id?: string;
  live?: boolean;
  /** 2 where the panel follows the page's h1 directly (axe heading-order). */
  headingLevel?: 2 | 3;
  /** In the questionnaire: say when the counselor will read the answers. */
  intake?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // `live`: shown the moment the answer is chosen, and announced at once.
  const Box = live ? 'div' : 'aside';
  return (
    <Box
      id={id}
      className="crisis-lines"
      aria-labelledby={`${id ?? 'crisis'}-heading`}
      role={live ? 'alert' : undefined}
    >
      <Heading id={`${id ?? 'crisis'}-heading`}>つらい気持ちを、いま誰かに話せる窓口</Heading>
      <p>お答えくださってありがとうございます。ひとりで抱えずに、いますぐ話せる窓口も使ってください。</p>
      {intake ? (
        <p>
          カウンセラーがご回答を読むのは、セッションの前です。すぐにはお返事できず、直前のご予約ではセッションまでに読めないこともあります。いまつらいときは、下の窓口へご連絡ください。
        </p>
      ) : null}
      <ul>
        {crisisLines.lines.map((line) => (
          <li key={line.phone}>
            {line.name}：<a href={`tel:${line.phone.replace(/-/g, '')}`}>{line.phone}</a>
            <span className="nowrap">（{line.hours}）</span>
          </li>
        ))}
      </ul>
      <p>
        {crisisLines.emergency.text}、
        {crisisLines.emergency.numbers.map((n, i) => (
          <span key={n.phone}>
            {i > 0 ? '・' : ''}
            {n.label} <a href={`tel:${n.phone}`}>{n.phone}</a>
          </span>
        ))}
        に電話してください。
      </p>
      <p>
        <strong>{crisisLines.notEmergency}</strong>
      </p>
    </Box>
  );
}
