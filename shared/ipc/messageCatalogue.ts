/**
 * The message catalogue: every message that crosses a thread or process boundary in
 * NavScope, named `Interface.Method` after its Chromium Mojo counterpart, with the
 * roles allowed to send and receive it and a runtime schema for its payload.
 *
 * Nothing crosses a boundary without an entry here: the receiving endpoint looks the
 * name up, checks the direction and validates the payload before any handler runs.
 *
 * Names and order follow Debian's Chromium 156.0.8078.114 (the version CI installs),
 * checked by recording it load the lab's pages (`navscope real`, `navscope compare-real`):
 * the commit acknowledgement is the reply to NavigationClient.CommitNavigation, the load
 * milestones are on blink.mojom.LocalFrameHost, a new renderer's main frame comes with
 * AgentSchedulingGroup.CreateView.
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

/** DidCommitProvisionalLoadParams: what the renderer reports when it has committed a document. */
const didCommitProvisionalLoadParams = s.object({
  navigationId: id,
  frameToken,
  url,
  origin: url,
  httpStatusCode: s.number({ integer: true }),
  mimeType: s.string({ maxLength: 256 }),
});

/**
 * What a catalogue entry stands for in Chromium:
 * - `mojo`: a Mojo method of the same name (or its reply);
 * - `data-pipe`: a Mojo data pipe (shared memory, not a message), which NavScope moves in chunks so they can be watched;
 * - `navscope`: NavScope's own message with no Mojo counterpart, kept because it teaches something.
 */
export type MessageOrigin = 'mojo' | 'data-pipe' | 'navscope';

interface CatalogueEntry {
  /** Roles that may send it. */
  readonly from: readonly EndpointRole[];
  /** Roles that may receive it. */
  readonly to: readonly EndpointRole[];
  readonly payload: s.Schema<unknown>;
  /** The Chromium construct it stands for, shown in the explanation panel. */
  readonly chromium: string;
  readonly origin: MessageOrigin;
  /**
   * For a reply (keyed `<Interface.Method>:reply`): the method it answers. A reply is sent with the
   * flow id of its request (`replyTo`) and recorded under the request's name, as Chromium's trace
   * records a "Receive mojo reply".
   */
  readonly replyOf: string | null;
}

function entry<P>(
  from: readonly EndpointRole[],
  to: readonly EndpointRole[],
  payload: s.Schema<P>,
  chromium: string,
  origin: MessageOrigin = 'mojo',
) {
  return { from, to, payload, chromium, origin, replyOf: null } as const;
}

function replyEntry<P, M extends string>(
  replyOf: M,
  from: readonly EndpointRole[],
  to: readonly EndpointRole[],
  payload: s.Schema<P>,
  chromium: string,
) {
  return { from, to, payload, chromium, origin: 'mojo', replyOf } as const;
}

/** The suffix of a reply's catalogue key. */
export const REPLY_SUFFIX = ':reply';

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
    'NavScope’s own message for closing the network.mojom.URLLoader pipe (Chromium sends no message: the pipe closes): the client no longer wants the resource, so the loader stops.',
    'navscope',
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
    'A Mojo data pipe (mojo::DataPipe) carrying response body bytes from the network service to whoever holds the consumer end. In Chromium this is shared memory, not a message; NavScope moves each chunk as one so it can be watched, and shows it as a data pipe.',
    'data-pipe',
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
  'AgentSchedulingGroup.CreateView': entry(
    ['browser'],
    ['renderer'],
    s.object({ frameToken, site: url, isMainFrame: s.boolean() }),
    'content.mojom.AgentSchedulingGroup.CreateView: the browser asks a renderer process to create a view (a page) and its main frame for the coming document.',
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
    'NavScope’s own round trip to the renderer and back, like the interface control messages every Mojo pipe has (Remote::FlushForTesting). Nothing in a navigation sends it: `npm run bench` times the transport with it.',
    'navscope',
  ),
  'ChildProcessHost.Pong': entry(
    ['renderer'],
    ['browser'],
    s.object({ sequence: s.number({ integer: true, min: 0 }) }),
    'NavScope’s own answer to ChildProcess.Ping, sent as soon as the ping is handled.',
    'navscope',
  ),

  // ── Navigation ─────────────────────────────────────────────────────────────────
  'LocalFrame.BeforeUnload': entry(
    ['browser'],
    ['renderer'],
    s.object({ frameToken, isReload: s.boolean() }),
    'blink.mojom.LocalFrame.BeforeUnload: before leaving a document the browser lets its renderer run beforeunload handlers.',
  ),
  'LocalFrame.BeforeUnload:reply': replyEntry(
    'LocalFrame.BeforeUnload',
    ['renderer'],
    ['browser'],
    s.object({ frameToken, proceed: s.boolean() }),
    'The reply to blink.mojom.LocalFrame.BeforeUnload (FrameHostMsg_BeforeUnload_ACK in older Chromium): whether the navigation may proceed.',
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
  'NavigationClient.CommitNavigation:reply': replyEntry(
    'NavigationClient.CommitNavigation',
    ['renderer'],
    ['browser'],
    didCommitProvisionalLoadParams,
    'The reply to content.mojom.NavigationClient.CommitNavigation, carrying DidCommitProvisionalLoadParams: the renderer has committed; only now does the browser update the address bar, security state and history. (Older Chromium sent a separate FrameHost.DidCommitProvisionalLoad.)',
  ),
  'NavigationClient.CommitFailedNavigation:reply': replyEntry(
    'NavigationClient.CommitFailedNavigation',
    ['renderer'],
    ['browser'],
    didCommitProvisionalLoadParams,
    'The reply to content.mojom.NavigationClient.CommitFailedNavigation, carrying DidCommitProvisionalLoadParams: the error page has committed, and the failed URL gets its history entry.',
  ),
  'FrameHost.UpdateState': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken, pageState: s.object({ url, title: s.string({ maxLength: 4096 }) }) }),
    'content.mojom.FrameHost.UpdateState: the renderer sends the document’s serialized state (PageState: URL, title, form data, scroll position) for the session history entry, so Back can restore it.',
  ),
  'LocalFrameHost.UpdateTitle': entry(
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
    'content.mojom.FrameHost.ResourceLoadComplete: one subresource finished loading (or failed); the browser keeps the page’s resource timing and DevTools’ view of it.',
  ),
  'LocalFrameHost.DidDispatchDOMContentLoadedEvent': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken }),
    'blink.mojom.LocalFrameHost.DidDispatchDOMContentLoadedEvent: the parser finished and DOMContentLoaded fired.',
  ),
  'LocalFrameHost.DocumentOnLoadCompleted': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken }),
    'blink.mojom.LocalFrameHost.DocumentOnLoadCompleted: the load event fired in the main frame.',
  ),
  'LocalFrameHost.DidFinishLoad': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken, url }),
    'blink.mojom.LocalFrameHost.DidFinishLoad: the frame and all its subresources finished loading.',
  ),
  'LocalFrameHost.DidFailLoadWithError': entry(
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
  'LocalFrameHost.DidChangeLoadProgress': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken, loadProgress: s.number({ finite: true, min: 0, max: 1 }) }),
    'blink.mojom.LocalFrameHost.DidChangeLoadProgress: how far the frame has loaded (0.1 at commit, 1.0 when done); the tab’s progress bar follows it.',
  ),
  'LocalFrameHost.MainDocumentElementAvailable': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken }),
    'blink.mojom.LocalFrameHost.MainDocumentElementAvailable: the parser has created the document’s <html> element; the browser may now inject scripts and styles that wait for it.',
  ),
  'LocalFrameHost.UpdateFaviconURL': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken, faviconUrls: s.array(url, { maxLength: 20 }) }),
    'blink.mojom.LocalFrameHost.UpdateFaviconURL: the document’s icon links (or the default /favicon.ico); the browser fetches the tab’s icon.',
  ),
  'LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken }),
    'blink.mojom.LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint: the main frame painted something worth showing (text, an image); the browser stops showing the old page.',
  ),
  'FrameHost.DidStopLoading': entry(
    ['renderer'],
    ['browser'],
    s.object({ frameToken }),
    'content.mojom.FrameHost.DidStopLoading: the frame stopped loading; the tab spinner stops.',
  ),
  // ── frames: iframes, out-of-process iframes and their proxies ──────────────────
  'AgentSchedulingGroup.CreateFrame': entry(
    ['browser'],
    ['renderer'],
    s.object({ frameToken, site: url, isMainFrame: s.boolean() }),
    'content.mojom.AgentSchedulingGroup.CreateFrame: the browser asks a renderer process to create a frame for an iframe’s document of its site, inside a page another process shows (an out-of-process iframe).',
  ),
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

/** The catalogue names that are replies (`<Interface.Method>:reply`). */
export type ReplyName = {
  [N in MessageName]: (typeof messageCatalogue)[N]['replyOf'] extends null ? never : N;
}[MessageName];

/** The requests that have a reply in the catalogue. */
export type RepliedName = (typeof messageCatalogue)[ReplyName]['replyOf'];

/** The catalogue key of a recorded message: its name, or `<name>:reply` for a reply (a `replyTo`, or a real one). */
export function messageKey(message: { name: string; replyTo?: string; real?: { isReply: boolean } }): string {
  return message.replyTo !== undefined || message.real?.isReply === true
    ? `${message.name}${REPLY_SUFFIX}`
    : message.name;
}

/** The catalogue entry of a recorded message, or null when the catalogue has none. */
export function catalogueKeyOf(message: {
  name: string;
  replyTo?: string;
  real?: { isReply: boolean };
}): MessageName | null {
  const key = messageKey(message);
  return isMessageName(key) ? key : null;
}

/** A commit's acknowledgement: the reply to CommitNavigation or CommitFailedNavigation (DidCommitProvisionalLoadParams). */
export function isCommitAck(event: { type: string }): boolean {
  if (event.type !== 'message') return false;
  const key = messageKey(event as unknown as { name: string; replyTo?: string; real?: { isReply: boolean } });
  return key === 'NavigationClient.CommitNavigation:reply' || key === 'NavigationClient.CommitFailedNavigation:reply';
}

/** The name a message is recorded under: a reply under its request's name. */
export function recordedName(name: MessageName): string {
  return messageCatalogue[name].replyOf ?? name;
}
