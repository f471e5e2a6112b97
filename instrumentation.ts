import type { Instrumentation } from 'next';

/** Runs once when a server starts (never during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    (await import('./lib/cache-clock')).alignPerformanceClockWithWallClock();
    await import('./jobs/server-start').then((m) => m.onServerStart());
  }
}

/**
 * An error Next caught while rendering a page, running an action or a route: one JSON line with
 * the request id, so the proxy's access log line and this one can be found together. The query
 * string is left out (it can carry an address).
 */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log } = await import('./lib/log');
  const requestId = request.headers['x-request-id'];
  log.error(
    {
      err,
      request_id: Array.isArray(requestId) ? requestId[0] : requestId,
      method: request.method,
      path: request.path.split('?')[0],
      route: context.routePath,
      route_type: context.routeType,
    },
    'request failed',
  );
};
