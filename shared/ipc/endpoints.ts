/**
 * Who talks: every message names its two ends by endpoint id. An endpoint is one
 * thread of one process, named the way Chromium names it:
 *   - `browser`      the browser process's UI thread (CrBrowserMain)
 *   - `network`      the browser process's network thread (NetworkService)
 *   - `renderer:<n>` the main thread (CrRendererMain) of renderer process n
 */
import * as s from '../base/schema.js';

export const endpointRole = s.literal('browser', 'network', 'renderer');
export type EndpointRole = s.Infer<typeof endpointRole>;
export type EndpointId = string;

export const BROWSER_ENDPOINT: EndpointId = 'browser';
export const NETWORK_ENDPOINT: EndpointId = 'network';

export const THREAD_NAMES: Readonly<Record<EndpointRole, string>> = {
  browser: 'CrBrowserMain',
  network: 'NetworkService',
  renderer: 'CrRendererMain',
};

/** Describes a live endpoint: the real pid of its process and the name of its thread. */
export const endpointInfo = s.object({
  id: s.string({ maxLength: 200 }),
  role: endpointRole,
  pid: s.number({ integer: true, min: 0 }),
  processName: s.string({ maxLength: 1024 }),
  threadName: s.string({ maxLength: 1024 }),
});
export type EndpointInfo = s.Infer<typeof endpointInfo>;

const RENDERER_ID = /^renderer:(\d{1,9})$/;

export function rendererEndpointId(processNumber: number): EndpointId {
  return `renderer:${processNumber}`;
}

export function roleOf(id: EndpointId): EndpointRole | null {
  if (id === BROWSER_ENDPOINT) return 'browser';
  if (id === NETWORK_ENDPOINT) return 'network';
  if (RENDERER_ID.test(id)) return 'renderer';
  return null;
}
