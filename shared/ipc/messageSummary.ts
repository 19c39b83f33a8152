/**
 * One readable line per message for the sequence view and the CLI timeline.
 */
import { netErrorName } from '../net/netError.js';
import type { MessageName, PayloadOf } from './messageCatalogue.js';

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

type Describers = { [N in MessageName]: (p: PayloadOf<N>) => string };

const describers: Describers = {
  'URLLoaderFactory.CreateLoaderAndStart': (p) => `${p.request.method} ${p.request.url} (${p.request.destination})`,
  'URLLoader.FollowRedirect': (p) => `follow redirect of ${p.requestId}`,
  'URLLoader.Cancel': (p) => `cancel ${p.requestId}: ${p.reason}`,
  'URLLoaderClient.OnReceiveRedirect': (p) =>
    `${p.redirect.status}${p.head.statusText === 'Internal Redirect' ? ' Internal Redirect' : ''} → ${p.redirect.newUrl}`,
  'URLLoaderClient.OnReceiveResponse': (p) =>
    `${p.head.status} ${p.head.statusText} ${p.head.mimeType || '(no type)'}${p.head.fromCache ? ' (from cache)' : ''}`,
  'DataPipe.Write': (p) => `data pipe: ${kb(p.chunk.byteLength)} at offset ${p.offset}`,
  'URLLoaderClient.OnComplete': (p) =>
    p.status.errorCode === 0
      ? `OK, ${kb(p.status.encodedBodyLength)}`
      : `${netErrorName(p.status.errorCode)} (${p.status.errorDetail})`,
  'AgentSchedulingGroup.CreateView': (p) => `view and main frame ${p.frameToken} for ${p.site}`,
  'AgentSchedulingGroup.CreateFrame': (p) => `frame ${p.frameToken} for ${p.site}`,
  'FrameHost.CreateChildFrame': (p) =>
    `child frame ${p.childFrameToken}${p.name ? ` "${p.name}"` : ''} of ${p.frameToken}`,
  'FrameHost.BeginNavigation': (p) => `frame ${p.frameToken} navigates to ${p.url}`,
  'Frame.Unload': (p) => `frame ${p.frameToken} becomes proxy ${p.proxyToken}`,
  'RemoteFrame.DidStopLoading': (p) => `child frame ${p.frameToken} stopped loading`,
  'Frame.Delete': (p) => `delete frame ${p.frameToken}: ${p.reason}`,
  'ChildProcess.ProcessShutdown': (p) => p.reason,
  'ChildProcess.Ping': (p) => `ping #${p.sequence}`,
  'NetworkContext.ClearHostCache': () => 'forget cached DNS answers',
  'NetworkContext.ClearHttpCache': () => 'drop stored responses',
  'NetworkContext.CloseAllConnections': () => 'close idle connections',
  'ChildProcessHost.Pong': (p) => `pong #${p.sequence}`,
  'LocalFrame.BeforeUnload': (p) => `frame ${p.frameToken}${p.isReload ? ' (reload)' : ''}`,
  'LocalFrame.BeforeUnload:reply': (p) => (p.proceed ? 'reply: proceed' : 'reply: cancelled by the page'),
  'NavigationClient.CommitNavigation': (p) => `${p.commonParams.url} (${p.responseHead.status})`,
  'NavigationClient.CommitFailedNavigation': (p) => `error page for ${p.url} (${p.errorName})`,
  'NavigationClient.CommitNavigation:reply': (p) => `reply: ${p.url} committed (${p.httpStatusCode})`,
  'NavigationClient.CommitFailedNavigation:reply': (p) => `reply: error page for ${p.url} committed`,
  'FrameHost.UpdateState': (p) => `page state of ${p.pageState.url}`,
  'LocalFrameHost.UpdateTitle': (p) => `"${p.title}"`,
  'FrameHost.SubresourceResponseStarted': (p) => `${p.status} ${p.url} (${p.destination})`,
  'FrameHost.ResourceLoadComplete': (p) =>
    `${p.url} ${p.errorCode === 0 ? kb(p.encodedBodyLength) : netErrorName(p.errorCode)}`,
  'LocalFrameHost.DidDispatchDOMContentLoadedEvent': () => 'DOMContentLoaded',
  'LocalFrameHost.DocumentOnLoadCompleted': () => 'load',
  'LocalFrameHost.DidFinishLoad': (p) => p.url,
  'Frame.UpdateSubresourceLoaderFactories': (p) => p.reason,
  'LocalFrameHost.DidFailLoadWithError': (p) => `${p.url}: net::${p.errorName}`,
  'LocalFrameHost.DidChangeLoadProgress': (p) => `${Math.round(p.loadProgress * 100)} % loaded`,
  'LocalFrameHost.MainDocumentElementAvailable': () => 'html element created',
  'LocalFrameHost.UpdateFaviconURL': (p) => (p.faviconUrls.length ? p.faviconUrls.join(', ') : 'no icon'),
  'LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint': () => 'first visually non-empty paint',
  'FrameHost.DidStopLoading': () => 'spinner stops',
};

export function describeMessage<N extends MessageName>(name: N, payload: PayloadOf<N>): string {
  const describe = describers[name] as (p: PayloadOf<N>) => string;
  return describe(payload);
}
