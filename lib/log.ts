import pino, { type Logger } from 'pino';
import { requestIdHeader } from './request-id';

/**
 * The server's log: one JSON line per event on stdout (level, time, msg, and the event's
 * fields), for whatever collects the instances' output. `LOG_LEVEL` sets the threshold
 * (default info; tests run silent). Fields that could carry personal data are redacted:
 * an email address or a password never reaches a log line, whichever call site names one.
 * (Not marked server-only: the scripts run by tsx log through it too, via lib/errors.)
 */
export const log: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: ['email', 'password', '*.email', '*.password'], censor: '[redacted]' },
});

/** The log for the request these headers came with (a route's `request.headers`, an action's `headers()`). */
export function logFor(headers: Headers): Logger {
  const id = headers.get(requestIdHeader);
  return id ? log.child({ request_id: id }) : log;
}
