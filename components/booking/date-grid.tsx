type Cell = { date: string; dayOfMonth: number; open: boolean; label: string; href?: string; own?: boolean };
type Props = {
  labelledBy: string;
  weeks: (Cell | null)[][];
  selected?: string;
  today: string;
};

const weekdays = ['日', '月', '火', '水', '木', '金', '土'];
const weekdayNames = ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'];

/**
 * The month's days as a WAI-ARIA date grid, rendered on the server: a table of plain links to the
 * days with open time. The keyboard's roving tab stop is added in the browser by
 * `DateGridKeys` (./date-grid-keys.tsx), which works on this markup; until then (or without
 * JavaScript) every open day is a link in the tab order.
 */
export function DateGrid({ labelledBy, weeks, selected, today }: Props) {
  const dayProps = (cell: Cell) => ({
    'data-date': cell.date,
    'aria-current': cell.date === today ? ('date' as const) : undefined,
  });
  const dayContent = (cell: Cell) => (
    <>
      <span aria-hidden="true">{cell.dayOfMonth}</span>
      <span className="sr-only">{cell.label}</span>
    </>
  );

  return (
    <table role="grid" className="calendar__grid" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {weekdays.map((w, i) => (
            <th key={w} scope="col" abbr={weekdayNames[i]}>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((cell, d) =>
              cell ? (
                <td
                  key={cell.date}
                  aria-selected={cell.date === selected}
                  aria-disabled={cell.open ? undefined : true}
                  className={`calendar__day${cell.open ? ' calendar__day--open' : ''}${cell.own ? ' calendar__day--own' : ''}`}
                >
                  {cell.href ? (
                    <a href={cell.href} {...dayProps(cell)}>
                      {dayContent(cell)}
                    </a>
                  ) : (
                    <span {...dayProps(cell)}>{dayContent(cell)}</span>
                  )}
                </td>
              ) : (
                <td key={`empty-${w}-${d}`} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
