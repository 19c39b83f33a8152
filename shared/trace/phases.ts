/**
 * The journey of a navigation, in order (README, "The network, step by step" and the
 * sections after it). Each phase is a
 * span recorded by the browser's UI thread; network and renderer spans nest under
 * them with DevTools' names.
 */
export const PHASES = [
  { id: 'handle-input', name: 'Handle input' },
  { id: 'start-navigation', name: 'Start navigation' },
  { id: 'network', name: 'Network' },
  { id: 'read-response', name: 'Read response' },
  { id: 'find-renderer', name: 'Find a renderer process' },
  { id: 'commit', name: 'Commit' },
  { id: 'load', name: 'Load' },
] as const;

export type PhaseId = (typeof PHASES)[number]['id'];

export const PHASE_IDS = PHASES.map((p) => p.id) as unknown as readonly [PhaseId, ...PhaseId[]];

export function phaseName(id: PhaseId): string {
  return PHASES.find((p) => p.id === id)?.name ?? id;
}

/** DevTools' request timing phases (RequestTimingView), recorded on the network thread. */
export const NET_SPANS = {
  dns: 'DNS Lookup',
  connect: 'Initial connection',
  ssl: 'SSL',
  send: 'Request sent',
  wait: 'Waiting for server response',
  download: 'Content Download',
} as const;

/**
 * Steps that only imported files (HAR, NetLog) show, also named as DevTools names them:
 * waiting before the network steps (HAR's blocked) and a response read from the HTTP cache.
 */
export const IMPORTED_NET_SPANS = {
  stalled: 'Stalled',
  cacheRead: 'Read from cache',
} as const;
