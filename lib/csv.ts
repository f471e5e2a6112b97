/**
 * CSV as Excel in Japan opens it: UTF-8 with a BOM (without it Excel reads Shift_JIS and the
 * Japanese is garbled), CRLF line ends, every cell quoted (RFC 4180), and a cell that a
 * spreadsheet would run as a formula (= + - @ tab CR at the start) defused with a leading '.
 * Numbers are written bare so a spreadsheet can sum them; a negative number stays a number.
 */

export type CsvValue = string | number | null | undefined;

/** One cell: a number as it is, text quoted with its quotes doubled, nothing as an empty cell. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole file: the BOM, the header row, one line per row, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
