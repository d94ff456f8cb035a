// autocannon ships no types; this covers the part of its programmatic API the benchmark uses.
declare module 'autocannon' {
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    /** Requests a second from all connections together; autocannon sends each second's share at once, in a burst. */
    overallRate?: number;
    /** Requests a second from each connection. */
    connectionRate?: number;
    /**
     * Record latencies as measured. autocannon's correction for coordinated omission assumes ceil(1 / rate) ms between
     * requests (1 ms at one request a second), which fills the histogram with made-up samples.
     */
    ignoreCoordinatedOmission?: boolean;
    headers?: Record<string, string>;
  };
  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    total: number;
  };
  export type Result = {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  };
  /** A run: awaitable for its result, and emitting each answer as it comes (`responseTime` in ms). */
  export type Instance = Promise<Result> & {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): Instance;
  };
  export default function autocannon(options: Options): Instance;
}
