import { splitUnbreakable } from '@/lib/format';

/**
 * Running text whose amounts, percentages and times never break on a phone (50%・／5,500円,
 * 11,0／00円): each is wrapped in .nowrap, the words around it still wrap between phrases.
 */
export function KeepWhole({ text }: { text: string }) {
  return (
    <>
      {splitUnbreakable(text).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
