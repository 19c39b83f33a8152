/**
 * The shared clock of every NavScope thread and process: CLOCK_MONOTONIC in
 * microseconds (process.hrtime is system-wide on Linux, macOS and Windows), so a
 * message's send time in one process and delivery time in another are comparable.
 */
export function monotonicMicros(): number {
  // process.hrtime() is the same clock as hrtime.bigint(), without BigInt arithmetic (twice as fast: every message reads it).
  const [seconds, nanos] = process.hrtime();
  return seconds * 1_000_000 + Math.floor(nanos / 1000);
}
