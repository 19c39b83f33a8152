import type { MessageName } from '../ipc/messageCatalogue.js';

/**
 * Which of NavScope's own messages (shared/ipc/messageCatalogue.ts) models a real
 * Chromium Mojo message, so that the window can explain a real message with the
 * model's explanation. NavScope names some messages after an older or simpler shape of
 * Chromium (its `FrameHost.UpdateTitle` is today's `blink.mojom.LocalFrameHost.UpdateTitle`,
 * its `FrameHost.DidCommitProvisionalLoad` is the reply to `NavigationClient.CommitNavigation`),
 * so the table maps full mojom names, and replies separately. A real message not listed
 * here is "not modelled by NavScope".
 */
const REQUESTS: Readonly<Record<string, MessageName>> = {
  'network.mojom.URLLoaderFactory.CreateLoaderAndStart': 'URLLoaderFactory.CreateLoaderAndStart',
  'network.mojom.URLLoader.FollowRedirect': 'URLLoader.FollowRedirect',
  'network.mojom.URLLoaderClient.OnReceiveRedirect': 'URLLoaderClient.OnReceiveRedirect',
  'network.mojom.URLLoaderClient.OnReceiveResponse': 'URLLoaderClient.OnReceiveResponse',
  'network.mojom.URLLoaderClient.OnComplete': 'URLLoaderClient.OnComplete',
  'network.mojom.NetworkContext.ClearHostCache': 'NetworkContext.ClearHostCache',
  'network.mojom.NetworkContext.ClearHttpCache': 'NetworkContext.ClearHttpCache',
  'network.mojom.NetworkContext.CloseAllConnections': 'NetworkContext.CloseAllConnections',
  // NavScope creates the renderer's frame with one message; Chromium's CreateView creates the view and its main frame.
  'content.mojom.AgentSchedulingGroup.CreateView': 'AgentSchedulingGroup.CreateFrame',
  'content.mojom.AgentSchedulingGroup.CreateFrame': 'AgentSchedulingGroup.CreateFrame',
  'content.mojom.ChildProcess.ProcessShutdown': 'ChildProcess.ProcessShutdown',
  'content.mojom.FrameHost.CreateChildFrame': 'FrameHost.CreateChildFrame',
  'content.mojom.FrameHost.BeginNavigation': 'FrameHost.BeginNavigation',
  'content.mojom.Frame.Unload': 'Frame.Unload',
  'content.mojom.Frame.Delete': 'Frame.Delete',
  'content.mojom.Frame.UpdateSubresourceLoaderFactories': 'Frame.UpdateSubresourceLoaderFactories',
  'blink.mojom.LocalFrame.BeforeUnload': 'LocalFrame.BeforeUnload',
  'content.mojom.NavigationClient.CommitNavigation': 'NavigationClient.CommitNavigation',
  'content.mojom.NavigationClient.CommitFailedNavigation': 'NavigationClient.CommitFailedNavigation',
  'blink.mojom.LocalFrameHost.UpdateTitle': 'FrameHost.UpdateTitle',
  'content.mojom.FrameHost.SubresourceResponseStarted': 'FrameHost.SubresourceResponseStarted',
  'content.mojom.FrameHost.ResourceLoadComplete': 'FrameHost.ResourceLoadComplete',
  'blink.mojom.LocalFrameHost.DidDispatchDOMContentLoadedEvent': 'FrameHost.DidDispatchDOMContentLoadedEvent',
  'blink.mojom.LocalFrameHost.DocumentOnLoadCompleted': 'FrameHost.DocumentOnLoadCompleted',
  'blink.mojom.LocalFrameHost.DidFinishLoad': 'FrameHost.DidFinishLoad',
  'blink.mojom.LocalFrameHost.DidFailLoadWithError': 'FrameHost.DidFailLoadWithError',
  'content.mojom.FrameHost.DidStopLoading': 'FrameHost.DidStopLoading',
};

/** Replies: the reply to CommitNavigation is the commit acknowledgement NavScope calls DidCommitProvisionalLoad. */
const REPLIES: Readonly<Record<string, MessageName>> = {
  'content.mojom.NavigationClient.CommitNavigation': 'FrameHost.DidCommitProvisionalLoad',
  'content.mojom.NavigationClient.CommitFailedNavigation': 'FrameHost.DidCommitProvisionalLoad',
  'blink.mojom.LocalFrame.BeforeUnload': 'FrameHost.BeforeUnloadACK',
};

/** NavScope's message that models a real one (by its full mojom name), or null when the model has none. */
export function modelCounterpart(fullName: string | null, isReply: boolean): MessageName | null {
  if (fullName === null) return null;
  const table = isReply ? REPLIES : REQUESTS;
  return Object.hasOwn(table, fullName) ? table[fullName]! : null;
}

/** Every real method that has a counterpart (for tests and the README). */
export function modelledRealMethods(): { fullName: string; isReply: boolean; counterpart: MessageName }[] {
  return [
    ...Object.entries(REQUESTS).map(([fullName, counterpart]) => ({ fullName, isReply: false, counterpart })),
    ...Object.entries(REPLIES).map(([fullName, counterpart]) => ({ fullName, isReply: true, counterpart })),
  ];
}
