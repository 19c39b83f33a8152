/**
 * The shared clock of every NavScope thread and process: CLOCK_MONOTONIC in
 * microseconds (process.hrtime is system-wide on Linux, macOS and Windows), so a
 * message's send time in one process and delivery time in another are comparable.
 */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
