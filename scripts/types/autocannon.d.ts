/** The part of autocannon 9's API that the scripts use (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      pipelining?: number;
      /** Seconds. */
      timeout?: number;
      headers?: Record<string, string>;
    }

    /** An HDR histogram summary: mean, stddev, min, max and percentiles (`p50`, `p90`, `p97_5`, `p99`…). */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p99: number;
      [percentile: `p${string}`]: number;
    }

    interface Result {
      url: string;
      connections: number;
      duration: number;
      requests: Histogram & { total: number; sent: number };
      latency: Histogram & { totalCount: number };
      throughput: Histogram & { total: number };
      errors: number;
      timeouts: number;
      non2xx: number;
      resets: number;
      statusCodeStats: Record<string, { count: number }>;
    }
  }

  /** The returned tracker is also a promise of the result. */
  function autocannon(options: autocannon.Options): PromiseLike<autocannon.Result>;
  export = autocannon;
}
