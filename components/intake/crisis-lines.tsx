import { crisisLines } from '@/lib/site-config';

/** The crisis lines, with the plain statement that this service is not for emergencies. */
export function CrisisLines({ id, live = false }: { id?: string; live?: boolean }) {
  // `live`: shown the moment the answer is chosen, and announced at once.
  const Box = live ? 'div' : 'aside';
  return (
    <Box
      id={id}
      className="crisis-lines"
      aria-labelledby={`${id ?? 'crisis'}-heading`}
      role={live ? 'alert' : undefined}
    >
      <h3 id={`${id ?? 'crisis'}-heading`}>つらい気持ちを、いま誰かに話せる窓口</h3>
      <p>お答えくださってありがとうございます。ひとりで抱えずに、いますぐ話せる窓口も使ってください。</p>
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
