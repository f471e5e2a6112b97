/** HTTP throughput and latency of one URL under a fixed load, with autocannon. */
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  /** Seconds. */
  duration: number;
}

export interface LoadResult {
  path: string;
  requestsPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number };
  requests: number;
  /** Average bytes read per response, headers included. */
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** A few sequential requests so that caches (ISR, compiled routes, the database) are warm. */
export async function warm(url: string, headers?: Record<string, string>, times = 5): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`warm-up of ${url} answered ${res.status}`);
  }
}

export async function measureLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.duration, timeout: 10 });
  return {
    path: new URL(url).pathname,
    requestsPerSec: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
    requests: result.requests.total,
    bytesPerResponse: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
