/** Only a path on this site may be a return address (no open redirects). */
export function safeCallbackUrl(value: unknown, fallback = '/portal'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return fallback;
  if (value.startsWith('/login') || value.startsWith('/register') || value.startsWith('/api/')) return fallback;
  return value;
}
