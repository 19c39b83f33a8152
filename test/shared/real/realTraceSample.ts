/**
 * A small real Chromium trace for tests: one navigation of https://www.naver.com/ as
 * Chromium 156 records it (Tracing.start, JSON object form), cut down to what the
 * mapping reads: processes, Mojo receives with and without send flows, navigation
 * spans, the netlog of one request with its job and socket, and events only counted.
 */
import { mojoIpcHash } from '../../../shared/real/mojoMethodNames.js';

export const BROWSER = 100;
export const RENDERER = 200;
export const NETWORK = 300;
export const GPU = 400;
export const T = 5_000_000; // the trace's own clock starts far from 0
const COMMIT_NAVIGATION = mojoIpcHash('content::mojom::NavigationClient::CommitNavigation');

const meta = (pid: number, name: string, thread: string) => [
  { ph: 'M', pid, tid: 0, name: 'process_name', args: { name } },
  { ph: 'M', pid, tid: pid, name: 'thread_name', args: { name: thread } },
];

const mojo = (ts: number, pid: number, tag: string, hash: number, extra: Record<string, unknown> = {}) => ({
  ph: 'X',
  pid,
  tid: pid,
  ts,
  dur: 20,
  name: 'Receive mojo message',
  cat: 'toplevel,mojom',
  args: { chrome_mojo_event_info: { mojo_interface_tag: tag, ipc_hash: hash, payload_size: 64 } },
  ...extra,
});

const flow = (ph: 's' | 'f', ts: number, pid: number, id: number) => ({
  ph,
  pid,
  tid: pid,
  ts,
  name: 'Send mojo message',
  cat: 'toplevel.flow,mojom.flow',
  id,
  ...(ph === 'f' ? { bp: 'e' } : {}),
});

const net = (
  ph: 'b' | 'e' | 'n',
  ts: number,
  track: string,
  name: string,
  sourceType: string,
  params: Record<string, unknown> = {},
) => ({
  ph,
  pid: NETWORK,
  tid: NETWORK,
  ts,
  name,
  cat: 'netlog',
  id2: { local: track },
  args:
    ph === 'e'
      ? {}
      : { source_type: sourceType, params: { source_start_time: String(Math.floor(ts / 1000)), ...params } },
});

/** One navigation of https://www.naver.com/ as Chromium 156 records it, cut down to what the mapping reads. */
export function sampleEvents(): Record<string, unknown>[] {
  const url = 'https://www.naver.com/';
  return [
    ...meta(BROWSER, 'Browser', 'CrBrowserMain'),
    ...meta(RENDERER, 'Renderer', 'CrRendererMain'),
    ...meta(NETWORK, 'Service: network.mojom.NetworkService', 'network.CrUtilityMain'),
    ...meta(GPU, 'GPU Process', 'CrGpuMain'),
    // The navigation and its phases (exported under the renderer's pid, as Chrome does).
    {
      ph: 'b',
      pid: RENDERER,
      tid: RENDERER,
      ts: T + 100,
      name: 'NavigationRequest',
      cat: 'navigation',
      id2: { local: '0x1' },
      args: { navigation: { navigation_id: 4, url, browser_initiated: true, net_error: 0 } },
    },
    {
      ph: 'b',
      pid: RENDERER,
      tid: RENDERER,
      ts: T + 110,
      name: 'BeginNavigationToLoaderStart',
      cat: 'navigation',
      id2: { local: '0x1' },
    },
    {
      ph: 'e',
      pid: RENDERER,
      tid: RENDERER,
      ts: T + 150,
      name: 'BeginNavigationToLoaderStart',
      cat: 'navigation',
      id2: { local: '0x1' },
    },
    {
      ph: 'X',
      pid: BROWSER,
      tid: BROWSER,
      ts: T + 120,
      dur: 5,
      name: 'NavigationRequest::BeginNavigation',
      cat: 'navigation',
      args: { url },
    },
    // The browser asks the network service to load it (exact sender: a flow).
    flow('s', T + 200, BROWSER, 1),
    mojo(T + 210, NETWORK, 'network.mojom.URLLoaderFactory', 3952305403),
    flow('f', T + 210, NETWORK, 1),
    // The netlog: the request, its job and the socket it ran on.
    net('b', T + 220, '0x3f', 'REQUEST_ALIVE', 'URL_REQUEST', { url, priority: 'HIGHEST' }),
    net('b', T + 221, '0x3f', 'URL_REQUEST_START_JOB', 'URL_REQUEST', {
      url,
      method: 'GET',
      request_type: 'main frame',
    }),
    net('n', T + 222, '0x3f', 'HTTP_STREAM_JOB_CONTROLLER_BOUND', 'URL_REQUEST', {
      source_dependency: { id: 46, type: 32 },
    }),
    net('b', T + 223, '0x46', 'HTTP_STREAM_JOB', 'HTTP_STREAM_JOB', { source_dependency: { id: 46, type: 32 } }),
    net('b', T + 230, '0x44', 'SOCKET_ALIVE', 'SOCKET', { source_dependency: { id: 42, type: 5 } }),
    net('b', T + 231, '0x44', 'TCP_CONNECT', 'SOCKET', { remote_address: '127.80.0.1:443' }),
    net('e', T + 260, '0x44', 'TCP_CONNECT', 'SOCKET'),
    net('b', T + 261, '0x44', 'SSL_CONNECT', 'SOCKET', { next_proto: 'http/1.1' }),
    net('e', T + 300, '0x44', 'SSL_CONNECT', 'SOCKET'),
    net('n', T + 301, '0x46', 'SOCKET_POOL_BOUND_TO_CONNECT_JOB', 'HTTP_STREAM_JOB', {
      source_dependency: { id: 42, type: 5 },
    }),
    net('n', T + 302, '0x46', 'SOCKET_POOL_BOUND_TO_SOCKET', 'HTTP_STREAM_JOB', {
      source_dependency: { id: 43, type: 10 },
    }),
    net('e', T + 303, '0x46', 'HTTP_STREAM_JOB', 'HTTP_STREAM_JOB'),
    net('n', T + 304, '0x3f', 'HTTP_STREAM_REQUEST_BOUND_TO_JOB', 'URL_REQUEST', {
      source_dependency: { id: 47, type: 17 },
    }),
    net('b', T + 305, '0x44', 'SOCKET_IN_USE', 'SOCKET', { source_dependency: { id: 47, type: 17 } }),
    net('b', T + 306, '0x3f', 'HTTP_TRANSACTION_SEND_REQUEST', 'URL_REQUEST'),
    net('n', T + 307, '0x3f', 'HTTP_TRANSACTION_SEND_REQUEST_HEADERS', 'URL_REQUEST', {
      line: 'GET / HTTP/1.1\r\n',
      headers: ['Host: www.naver.com', 'Accept: */*'],
    }),
    net('e', T + 310, '0x3f', 'HTTP_TRANSACTION_SEND_REQUEST', 'URL_REQUEST'),
    net('b', T + 311, '0x3f', 'HTTP_TRANSACTION_READ_HEADERS', 'URL_REQUEST'),
    net('n', T + 400, '0x3f', 'HTTP_TRANSACTION_READ_RESPONSE_HEADERS', 'URL_REQUEST', {
      headers: ['HTTP/1.1 200 OK', 'Content-Type: text/html'],
    }),
    net('e', T + 401, '0x3f', 'HTTP_TRANSACTION_READ_HEADERS', 'URL_REQUEST'),
    net('b', T + 410, '0x3f', 'HTTP_TRANSACTION_READ_BODY', 'URL_REQUEST'),
    net('e', T + 420, '0x3f', 'HTTP_TRANSACTION_READ_BODY', 'URL_REQUEST'),
    net('e', T + 421, '0x44', 'SOCKET_IN_USE', 'SOCKET'),
    net('e', T + 430, '0x3f', 'URL_REQUEST_START_JOB', 'URL_REQUEST'),
    net('e', T + 431, '0x3f', 'REQUEST_ALIVE', 'URL_REQUEST'),
    // The response reaches the browser: no flow, so the sender is inferred (the network service).
    mojo(T + 402, BROWSER, 'network.mojom.URLLoaderClient', 3373195563),
    // The commit, exact, and its reply (the commit acknowledgement) with an unknown hash.
    flow('s', T + 500, BROWSER, 2),
    mojo(T + 510, RENDERER, 'content.mojom.NavigationClient', COMMIT_NAVIGATION),
    flow('f', T + 510, RENDERER, 2),
    { ...mojo(T + 600, BROWSER, 'content.mojom.NavigationClient', 1), name: 'Receive mojo reply' },
    {
      ph: 'b',
      pid: RENDERER,
      tid: RENDERER,
      ts: T + 505,
      name: 'CommitToDidCommit',
      cat: 'navigation',
      id2: { local: '0x1' },
    },
    {
      ph: 'e',
      pid: RENDERER,
      tid: RENDERER,
      ts: T + 605,
      name: 'CommitToDidCommit',
      cat: 'navigation',
      id2: { local: '0x1' },
    },
    {
      ph: 'e',
      pid: RENDERER,
      tid: RENDERER,
      ts: T + 610,
      name: 'NavigationRequest',
      cat: 'navigation',
      id2: { local: '0x1' },
    },
    // The renderer says it stopped loading.
    mojo(T + 700, BROWSER, 'content.mojom.FrameHost', 300641215),
    // Not modelled: counted.
    { ph: 'X', pid: GPU, tid: GPU, ts: T + 50, dur: 5, name: 'Scheduler::RunTask', cat: 'gpu' },
    { ph: 'Q', pid: GPU, tid: GPU, ts: T + 60, name: 'odd phase' },
  ];
}

export function objectTrace(events = sampleEvents()): string {
  return JSON.stringify({
    traceEvents: events,
    metadata: { revision: 'ea19f97-refs/branch-heads/8078@{#1}', 'product-version': 'Chrome/156.0.8078.114' },
  });
}
