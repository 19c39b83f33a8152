/**
 * The wire protocol of BrowserModelApi over a WebSocket (web host) — and the channel
 * names of the same calls over Electron IPC (desktop). JSON text frames:
 *   window → host: { id, method, args }
 *   host → window: { id, result } | { id, error } | { trace: TraceEvent[] }
 * Both sides validate what they receive.
 */
import * as s from '../base/schema.js';
import { API_METHODS } from './browserModelApi.js';
import { navigationResult } from './navigationResult.js';
import { stepGateView } from '../trace/stepGateState.js';

export const apiRequest = s.object({
  id: s.number({ integer: true, min: 0 }),
  method: s.literal(...API_METHODS),
  args: s.array(s.string({ maxLength: 8192 }), { maxLength: 2 }),
});
export type ApiRequest = s.Infer<typeof apiRequest>;

/** How many arguments each call takes at most (navigateInTab: a tab id and the input). */
const MAX_ARGS: Record<(typeof API_METHODS)[number], number> = {
  info: 0,
  navigate: 1,
  newTab: 1,
  closeTab: 1,
  switchTab: 1,
  navigateInTab: 2,
  goBack: 0,
  goForward: 0,
  reload: 0,
  proceedInterstitial: 0,
  killRenderer: 1,
  killNetworkThread: 0,
  stepMode: 1,
  newSession: 0,
  recordReal: 1,
};

/** What is wrong with a call (its shape, or too many arguments for its method), or null. */
export function apiCallProblem(call: unknown): string | null {
  const problem = apiRequest.check(call, 'call');
  if (problem) return problem;
  const { method, args } = call as ApiRequest;
  return args.length > MAX_ARGS[method]
    ? `call.args: ${method} takes at most ${MAX_ARGS[method]} argument${MAX_ARGS[method] === 1 ? '' : 's'}, got ${args.length}`
    : null;
}

const hostInfo = s.object({
  mode: s.literal('lab', 'live'),
  shell: s.literal('web', 'desktop'),
  version: s.string({ maxLength: 64 }),
  rendererLauncher: s.string({ maxLength: 100 }),
  scenarios: s.array(
    s.object({
      id: s.string({ maxLength: 100 }),
      input: s.string({ maxLength: 2048 }),
      title: s.object({ en: s.string({ maxLength: 200 }), ko: s.string({ maxLength: 200 }) }),
      description: s.object({ en: s.string({ maxLength: 1000 }), ko: s.string({ maxLength: 1000 }) }),
    }),
    { maxLength: 200 },
  ),
});

/** Trace events are checked for shape at the edge: an object with a numeric seq and ts and a known-looking type. */
export const traceEventShape = s.unknownData({ maxDepth: 24 });

/** A real Chromium's recording: its mapped trace's events are checked one by one by the window. */
const realRecording = s.object({
  input: s.string({ maxLength: 8192 }),
  url: s.string({ maxLength: 16384 }),
  message: s.string({ maxLength: 8192 }),
  loaded: s.boolean(),
  events: s.array(traceEventShape, { maxLength: 2_000_000 }),
});

export const apiResult = {
  info: hostInfo,
  navigate: navigationResult,
  newTab: navigationResult,
  closeTab: navigationResult,
  switchTab: navigationResult,
  navigateInTab: navigationResult,
  goBack: navigationResult,
  goForward: navigationResult,
  reload: navigationResult,
  proceedInterstitial: navigationResult,
  killRenderer: navigationResult,
  killNetworkThread: navigationResult,
  stepMode: stepGateView,
  newSession: navigationResult,
  recordReal: realRecording,
} as const;

export const apiResponse = s.union('kind', {
  result: s.object({ kind: s.literal('result'), id: s.number({ integer: true, min: 0 }), result: s.unknownData() }),
  error: s.object({
    kind: s.literal('error'),
    id: s.number({ integer: true, min: 0 }),
    error: s.string({ maxLength: 8192 }),
  }),
  trace: s.object({ kind: s.literal('trace'), events: s.array(traceEventShape, { maxLength: 1_000_000 }) }),
});
export type ApiResponse = s.Infer<typeof apiResponse>;

/** Electron IPC channel names for the same calls (desktop shell). */
export const IPC_CHANNELS = {
  invoke: (method: (typeof API_METHODS)[number]) => `navscope:${method}`,
  trace: 'navscope:trace',
  subscribe: 'navscope:subscribe',
} as const;
