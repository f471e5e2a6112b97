import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it('quotes text and doubles its quotes, keeping commas and line breaks inside the cell', () => {
    expect(csvCell('山田 花子')).toBe('"山田 花子"');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('一行目\r\n二行目')).toBe('"一行目\r\n二行目"');
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tx')).toBe(`"'\tx"`);
  });

  it('writes numbers bare (negative ones too) and nothing as an empty cell', () => {
    expect(csvCell(11000)).toBe('11000');
    expect(csvCell(-5500)).toBe('-5500');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(undefined)).toBe('""');
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
  });
});

describe('toCsv', () => {
  it('starts with the BOM and ends every line, the last included, with CRLF', () => {
    const csv = toCsv(
      ['日付', '金額'],
      [
        ['2026-01-31', 11000],
        ['2026-02-01', -5500],
      ],
    );
    expect(csv).toBe('\uFEFF"日付","金額"\r\n"2026-01-31",11000\r\n"2026-02-01",-5500\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('is only the header when there are no rows', () => {
    expect(toCsv(['a'], [])).toBe('\uFEFF"a"\r\n');
  });
});
