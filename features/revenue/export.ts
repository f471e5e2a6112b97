import 'server-only';
import { read } from '@/lib/data';
import { japanDate } from '@/lib/time';
import { bookingsCsv, exportFilename, paymentsCsv } from './csv';
import { parsePeriod, type Period } from './domain/period';
import { listBookingsForExport, listLedger } from './queries';

const exports = {
  payments: async (period: Period) => paymentsCsv(await read(listLedger, period)),
  bookings: async (period: Period) => bookingsCsv(await read(listBookingsForExport, period)),
};

/**
 * The answer to an export's GET (the caller already checked to be the counselor): the CSV of
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD` (Japan dates, both included; neither is this month), or 400
 * saying what is wrong with the period.
 */
export async function csvExportResponse(what: keyof typeof exports, url: URL, now = new Date()): Promise<Response> {
  const parsed = parsePeriod({ from: url.searchParams.get('from'), to: url.searchParams.get('to') }, japanDate(now));
  if (!parsed.ok) {
    return new Response(`${parsed.message}\n`, {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  return new Response(await exports[what](parsed.period), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFilename(what, parsed.period)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
