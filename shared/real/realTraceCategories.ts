/**
 * The trace categories every real-Chromium recording turns on (the system Chromium's
 * over the DevTools protocol, Electron's own with contentTracing): measured to cover a
 * navigation (shared/research/real-chromium.md): navigation phases, Mojo receives and
 * their send flows, the netlog, page-load marks.
 */
export const REAL_TRACE_CATEGORIES: readonly string[] = [
  'navigation',
  'loading',
  'mojom',
  'toplevel',
  'toplevel.flow',
  'netlog',
  'disabled-by-default-netlog',
  'devtools.timeline',
  'blink.user_timing',
  'net',
  'content',
  'browser',
];
