import 'server-only';

/** calendar.google.com/…/basic.ics: enough to tell two calendars apart, not enough to read one. */
export function maskedUrl(raw: string): string {
  try {
    const url = new URL(raw.replace(/^webcals?:\/\//i, 'https://'));
    const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
    return `${url.host}/…${last && last.length <= 24 ? `/${last}` : ''}`;
  } catch {
    return '…';
  }
}
