/**
 * Who talks: every message names its two ends by endpoint id. An endpoint is one
 * thread of one process, named the way Chromium names it:
 *   - `browser`      the browser process's UI thread (CrBrowserMain)
 *   - `network`      the browser process's network thread (NetworkService)
 *   - `renderer:<n>` the main thread (CrRendererMain) of renderer process n
 */

export type EndpointRole = 'browser' | 'network' | 'renderer';
export type EndpointId = string;

export const BROWSER_ENDPOINT: EndpointId = 'browser';
export const NETWORK_ENDPOINT: EndpointId = 'network';

export const THREAD_NAMES: Readonly<Record<EndpointRole, string>> = {
  browser: 'CrBrowserMain',
  network: 'NetworkService',
  renderer: 'CrRendererMain',
};

/** Describes a live endpoint: the real pid of its process and the name of its thread. */
export interface EndpointInfo {
  id: EndpointId;
  role: EndpointRole;
  pid: number;
  processName: string;
  threadName: string;
}

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
