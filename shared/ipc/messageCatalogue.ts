/**
 * The message catalogue: every message that crosses a thread or process boundary in
 * NavScope, named `Interface.Method` after its Chromium Mojo counterpart, with the
 * roles allowed to send and receive it and a runtime schema for its payload.
 *
 * Nothing crosses a boundary without an entry here: the receiving endpoint looks the
 * name up, checks the direction and validates the payload before any handler runs.
 */
import * as s from '../base/schema.js';
import { loadTiming } from '../net/loadTiming.js';
import { NET_ERRORS, type NetErrorName } from '../net/netError.js';
import type { EndpointRole } from './endpoints.js';

/** The longest URL a message carries (Chromium's limit is 2 MiB; NavScope keeps traces readable). */
export const MAX_URL_LENGTH = 8 * 1024;
const MAX_URL = MAX_URL_LENGTH;
const url = s.string({ maxLength: MAX_URL });
const id = s.string({ maxLength: 200 });
const header = s.tuple(s.string({ maxLength: 8 * 1024 }), s.string({ maxLength: 256 * 1024 }));
const headers = s.array(header, { maxLength: 500 });
const micros = s.number();

export { type LoadTiming, loadTiming, noLoadTiming } from '../net/loadTiming.js';

export const responseHead = s.object({
  status: s.number({ integer: true, min: 0, max: 999 }),
  statusText: s.string({ maxLength: 1024 }),
  httpVersion: s.string({ maxLength: 16 }),
  headers,
  /** Essence of the Content-Type header ("" when absent or unparsable). */
  mimeType: s.string({ maxLength: 256 }),
  charset: s.string({ maxLength: 64 }),
  /** Content-Length if the server sent one, else -1. */
  contentLength: s.number({ integer: true, min: -1 }),
  remoteEndpoint: s.nullable(
    s.object({ address: s.string({ maxLength: 64 }), port: s.number({ integer: true, min: 0, max: 65535 }) }),
  ),
  connectionReused: s.boolean(),
  connectionId: s.number({ integer: true, min: 0 }),
  /** Served from the HTTP cache (fresh, or revalidated with a 304). */
  fromCache: s.boolean(),
  timing: loadTiming,
});
export type ResponseHead = s.Infer<typeof responseHead>;

export const requestDestination = s.literal('document', 'style', 'script', 'image', 'font', 'empty');
export type RequestDestination = s.Infer<typeof requestDestination>;

export const urlRequest = s.object({
  url,
  method: s.literal('GET', 'HEAD', 'POST'),
  headers,
  destination: requestDestination,
  mode: s.literal('navigate', 'no-cors', 'cors', 'same-origin'),
  /** Origin of the document that asked for it; null for browser-initiated navigations. */
  initiatorOrigin: s.nullable(s.string({ maxLength: MAX_URL })),
  /** Typed without a scheme: try https first, fall back to http (HTTPS-Upgrades). */
  upgradeToHttps: s.boolean(),
});
export type URLRequest = s.Infer<typeof urlRequest>;

export const completionStatus = s.object({
  /** 0 for success, otherwise a negative Chromium net error code. */
  errorCode: s.number({ integer: true, max: 0 }),
  errorName: s.string({ maxLength: 64 }),
  /** Human-readable reason (which server, which step). */
  errorDetail: s.string({ maxLength: 2048 }),
  encodedDataLength: s.number({ integer: true, min: 0 }),
  encodedBodyLength: s.number({ integer: true, min: 0 }),
  decodedBodyLength: s.number({ integer: true, min: 0 }),
});
export type URLLoaderCompletionStatus = s.Infer<typeof completionStatus>;

/** The completion a loader ends with when it fails before any byte counted, e.g. when its pipe to a crashed network service is disconnected. */
export function failedCompletionStatus(name: NetErrorName, detail: string): URLLoaderCompletionStatus {
  return {
    errorCode: NET_ERRORS[name],
    errorName: name,
    errorDetail: detail.slice(0, 2048),
    encodedDataLength: 0,
    encodedBodyLength: 0,
    decodedBodyLength: 0,
  };
}

const frameToken = id;

interface CatalogueEntry {
  /** Roles that may send it. */
  readonly from: readonly EndpointRole[];
  /** Roles that may receive it. */
  readonly to: readonly EndpointRole[];
  readonly payload: s.Schema<unknown>;
  /** The Chromium construct it stands for, shown in the explanation panel. */
  readonly chromium: string;
}

function entry<P>(from: readonly EndpointRole[], to: readonly EndpointRole[], payload: s.Schema<P>, chromium: string) {
  return { from, to, payload, chromium } as const;
}

export const messageCatalogue = {
  // ── network.mojom: the network service's loader interfaces ─────────────────────
  'URLLoaderFactory.CreateLoaderAndStart': entry(
    ['browser', 'renderer'],
    ['network'],
    s.object({ requestId: id, request: urlRequest }),
    'network.mojom.URLLoaderFactory.CreateLoaderAndStart: asks the network service to start loading one URL and report to a URLLoaderClient.',
  ),
  'URLLoader.FollowRedirect': entry(
    ['browser', 'renderer'],
    ['network'],
    s.object({ requestId: id }),
    'network.mojom.URLLoader.FollowRedirect: the client accepts a redirect; the loader continues at the new URL.',
  ),
  'URLLoader.Cancel': entry(
    ['browser', 'renderer'],
    ['network'],
    s.object({ requestId: id, reason: s.string({ maxLength: 256 }) }),
    'Closing the network.mojom.URLLoader pipe: the client no longer wants the resource, so the loader stops.',
  ),
  'URLLoaderClient.OnReceiveRedirect': entry(
    ['network'],
    ['browser', 'renderer'],
    s.object({
      requestId: id,
      redirect: s.object({ status: s.number({ integer: true }), newUrl: url, newMethod: s.string({ maxLength: 16 }) }),
      head: responseHead,
    }),
    'network.mojom.URLLoaderClient.OnReceiveRedirect: a redirect, answered by the server (301…308) or made by the network service itself (307 Internal Redirect: HSTS, HTTPS-Upgrades); the client decides whether to follow.',
  ),
  'URLLoaderClient.OnReceiveResponse': entry(
    ['network'],
    ['browser', 'renderer'],
    s.object({ requestId: id, head: responseHead, bodyPipe: s.nullable(id) }),
    'network.mojom.URLLoaderClient.OnReceiveResponse: the response head has arrived; the body follows through a data pipe.',
  ),
  'DataPipe.Write': entry(
    ['network'],
    ['browser', 'renderer'],
    s.object({ pipeId: id, offset: s.number({ integer: true, min: 0 }), chunk: s.bytes({ maxLength: 1024 * 1024 }) }),
    'A Mojo data pipe carrying response body bytes from the network service to whoever holds the consumer end. In Chromium this is shared memory, not a message; NavScope sends each chunk as one so it can be watched.',
  ),
  'URLLoaderClient.OnComplete': entry(
    ['network'],
    ['browser', 'renderer'],
    s.object({ requestId: id, status: completionStatus }),
    'network.mojom.URLLoaderClient.OnComplete: the load finished, with a net error code (0 for success) and byte counts.',
  ),

  'NetworkContext.ClearHostCache': entry(
    ['browser'],
    ['network'],
    s.object({}),
    'network.mojom.NetworkContext.ClearHostCache: forget every cached DNS answer; the next lookup of each host asks the resolver again.',
  ),
  'NetworkContext.ClearHttpCache': entry(
    ['browser'],
    ['network'],
    s.object({}),
    'network.mojom.NetworkContext.ClearHttpCache: drop every stored response; the next request for each URL goes to the server.',
  ),
  'NetworkContext.CloseAllConnections': entry(
    ['browser'],
    ['network'],
    s.object({}),
    'network.mojom.NetworkContext.CloseAllConnections: close every idle keep-alive connection; the next request to each origin opens a new one.',
  ),

  // ── content.mojom: process and frame setup ─────────────────────────────────────
  'AgentSchedulingGroup.CreateFrame': entry(
    ['browser'],
    ['renderer'],
    s.object({ frameToken, site: url, isMainFrame: s.boolean() }),
    'content.mojom.AgentSchedulingGroup.CreateFrame: the browser asks a renderer process to create a RenderFrame for the coming document.',
  ),
  'ChildProcess.ProcessShutdown': entry(
    ['browser'],
    ['renderer'],
    s.object({ reason: s.string({ maxLength: 256 }) }),
    'content.mojom.ChildProcess.ProcessShutdown: the browser tells a renderer process it is no longer needed and may exit.',
  ),

  'Frame.UpdateSubresourceLoaderFactories': entry(
    ['browser'],
    ['renderer'],
    s.object({ reason: s.string({ maxLength: 512 }) }),
    'content.mojom.Frame.UpdateSubresourceLoaderFactories: the network service crashed and was restarted; the renderer’s old URLLoaderFactory is disconnected (every load still open on it fails with ERR_FAILED) and new loads go to the new network service.',
  ),
  'ChildProcess.Ping': entry(
    ['browser'],
    ['renderer'],
    s.object({ sequence: s.number({ integer: true, min: 0 }) }),
    'A round trip to the renderer and back, like the interface control messages every Mojo pipe has (Remote::FlushForTesting). Nothing in a navigation sends it: `npm run bench` times the transport with it.',
  ),
  'ChildProcessHost.Pong': entry(
    ['renderer'],
    ['browser'],
    s.object({ sequence: s.number({ integer: true, min: 0 }) }),
    'The renderer’s answer to ChildProcess.Ping, sent as soon as the ping is handled.',
  ),

  // ── Navigation ─────────────────────────────────────────────────────────────────
  'LocalFrame.BeforeUnload': entry(
    ['browser'],
    ['renderer'],
    s.object({ frameToken, isReload: s.boolean() }),
    'blink.mojom.LocalFrame.BeforeUnload: before leaving a document the browser lets its renderer run beforeunload handlers.',
  ),
  'FrameHost.BeforeUnloadACK': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken, proceed: s.boolean() }),
    'The reply to LocalFrame.BeforeUnload (FrameHostMsg_BeforeUnload_ACK in older Chromium): whether the navigation may proceed.',
  ),
  'NavigationClient.CommitNavigation': entry(
    ['browser'],
    ['renderer'],
    s.object({
      navigationId: id,
      frameToken,
      commonParams: s.object({
        url,
        method: s.string({ maxLength: 16 }),
        transition: s.literal('typed', 'link', 'reload', 'back_forward'),
      }),
      commitParams: s.object({ origin: url, navigationStart: micros, redirects: s.array(url, { maxLength: 40 }) }),
      responseHead,
      /** The navigation's loader: its URLLoaderClient end moves to the renderer with the commit. */
      requestId: id,
      bodyPipe: s.nullable(id),
    }),
    'content.mojom.NavigationClient.CommitNavigation: the browser hands the response head, the body pipe and the loader to the renderer, which commits the new document.',
  ),
  'NavigationClient.CommitFailedNavigation': entry(
    ['browser'],
    ['renderer'],
    s.object({
      navigationId: id,
      frameToken,
      url,
      errorCode: s.number({ integer: true, max: -1 }),
      errorName: s.string({ maxLength: 64 }),
      /** The error page the browser made (Chromium's net error page); the renderer shows it. */
      errorPageHtml: s.string({ maxLength: 64 * 1024 }),
    }),
    'content.mojom.NavigationClient.CommitFailedNavigation: a navigation that failed still commits — an error page, in a separate error-page process, so that the failed URL gets a history entry.',
  ),
  'FrameHost.DidCommitProvisionalLoad': entry(
    ['renderer'],
    ['browser'],
    s.object({
      navigationId: id,
      frameToken,
      url,
      origin: url,
      httpStatusCode: s.number({ integer: true }),
      mimeType: s.string({ maxLength: 256 }),
    }),
    'The reply to CommitNavigation (DidCommitProvisionalLoad): the renderer has committed; only now does the browser update the address bar, security state and history.',
  ),
  'FrameHost.UpdateTitle': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken, title: s.string({ maxLength: 4096 }) }),
    'blink.mojom.LocalFrameHost.UpdateTitle: the document has a title; the browser shows it in the tab.',
  ),
  'FrameHost.SubresourceResponseStarted': entry(
    ['renderer'],
    ['browser'],
    s.object({
      frameToken,
      url,
      destination: requestDestination,
      status: s.number({ integer: true }),
      mimeType: s.string({ maxLength: 256 }),
    }),
    'content.mojom.FrameHost.SubresourceResponseStarted: the renderer tells the browser a subresource response began (used for security state).',
  ),
  'FrameHost.ResourceLoadComplete': entry(
    ['renderer'],
    ['browser'],
    s.object({
      frameToken,
      url,
      destination: requestDestination,
      errorCode: s.number({ integer: true, max: 0 }),
      encodedBodyLength: s.number({ integer: true, min: 0 }),
    }),
    'blink.mojom.LocalFrameHost.ResourceLoadComplete: one subresource finished loading (or failed).',
  ),
  'FrameHost.DidDispatchDOMContentLoadedEvent': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken }),
    'blink.mojom.LocalFrameHost.DidDispatchDOMContentLoadedEvent: the parser finished and DOMContentLoaded fired.',
  ),
  'FrameHost.DocumentOnLoadCompleted': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken }),
    'blink.mojom.LocalFrameHost.DocumentOnLoadCompleted: the load event fired in the main frame.',
  ),
  'FrameHost.DidFinishLoad': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken, url }),
    'blink.mojom.LocalFrameHost.DidFinishLoad: the frame and all its subresources finished loading.',
  ),
  'FrameHost.DidFailLoadWithError': entry(
    ['renderer'],
    ['browser'],
    s.object({
      frameToken,
      url,
      errorCode: s.number({ integer: true, max: -1 }),
      errorName: s.string({ maxLength: 64 }),
      errorDetail: s.string({ maxLength: 2048 }),
    }),
    'blink.mojom.LocalFrameHost.DidFailLoadWithError: the committed document’s own body failed (the connection reset, the body was cut short…); the page keeps what arrived, and this replaces DidFinishLoad.',
  ),
  'FrameHost.DidStopLoading': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken }),
    'content.mojom.FrameHost.DidStopLoading: the frame stopped loading; the tab spinner stops.',
  ),
  // ── frames: iframes, out-of-process iframes and their proxies ──────────────────
  'FrameHost.CreateChildFrame': entry(
    ['renderer'],
    ['browser'],
    s.object({
      frameToken,
      childFrameToken: frameToken,
      name: s.string({ maxLength: 1024 }),
    }),
    'content.mojom.FrameHost.CreateChildFrame: the parser inserted an iframe element; the renderer made its local frame (an initial empty document) and asks the browser to add a FrameTreeNode for it.',
  ),
  'FrameHost.BeginNavigation': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken, url, initiatorOrigin: s.string({ maxLength: MAX_URL }) }),
    'content.mojom.FrameHost.BeginNavigation: a renderer-initiated navigation (here an iframe loading its src); the browser runs it as a NavigationRequest of that frame.',
  ),
  'Frame.Unload': entry(
    ['browser'],
    ['renderer'],
    s.object({ frameToken, proxyToken: frameToken }),
    'content.mojom.Frame.Unload: the frame’s document now lives in another process; this process replaces its local frame with a RenderFrameProxy (a RemoteFrame) that stands for it.',
  ),
  'RemoteFrame.DidStopLoading': entry(
    ['browser'],
    ['renderer'],
    s.object({ frameToken }),
    'blink.mojom.RemoteFrame.DidStopLoading: the child frame stopped loading (in another process, or without a document); the parent document’s load no longer waits for it.',
  ),
  'Frame.Delete': entry(
    ['browser'],
    ['renderer'],
    s.object({ frameToken, reason: s.string({ maxLength: 256 }) }),
    'content.mojom.Frame.Delete: the frame is gone from the frame tree (its tab closed); the renderer drops its document.',
  ),
} as const satisfies Record<string, CatalogueEntry>;

export type MessageName = keyof typeof messageCatalogue;
export type PayloadOf<N extends MessageName> = s.Infer<(typeof messageCatalogue)[N]['payload']>;

export const MESSAGE_NAMES = Object.keys(messageCatalogue) as MessageName[];

export function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(messageCatalogue, name);
}

export function catalogueEntry(name: MessageName): CatalogueEntry {
  return messageCatalogue[name];
}
