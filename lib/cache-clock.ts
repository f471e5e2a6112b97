import 'server-only';

/**
 * Next's page cache dates an entry and a revalidation with `Date.now()` (the wall clock) but asks
 * "has that revalidation happened yet?" with `performance.timeOrigin + performance.now()` (the
 * monotonic clock, anchored to the wall clock once, when the process started). Once the machine's
 * wall clock is stepped forward while the server runs (NTP, a virtual machine's clock being set),
 * every revalidation stays in the future by that step: a saved article kept its old page that
 * long (seen in CI: an edit not shown after 10 s, twice). Reading the performance clock as the
 * wall clock keeps the two in step; durations measured with it lose sub-millisecond precision.
 * Call once at server start (instrumentation.ts).
 */
export function alignPerformanceClockWithWallClock(performance: Performance = globalThis.performance): void {
  const origin = performance.timeOrigin;
  Object.defineProperty(performance, 'now', { value: () => Date.now() - origin, configurable: true, writable: true });
}
