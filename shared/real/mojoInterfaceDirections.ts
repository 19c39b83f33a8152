/**
 * Which kind of process calls each well-known Mojo interface and which implements it,
 * in Chromium's process model. A real trace says who *received* every message; when it
 * carries no flow from the send, the sender is inferred from this table (and marked
 * as inferred): a FrameHost message comes from a renderer, a URLLoaderClient message
 * from the network service, and a reply comes from the implementer.
 */

/** The kinds of Chromium process a trace shows. */
export type RealProcessKind = 'browser' | 'renderer' | 'gpu' | 'network' | 'storage' | 'utility' | 'unknown';

export interface MojoInterfaceDirection {
  /** Who sends its messages (more than one kind where Chromium uses it from several). */
  callers: readonly RealProcessKind[];
  /** Who receives them, and so sends the replies. */
  implementers: readonly RealProcessKind[];
}

const CHILD: readonly RealProcessKind[] = ['renderer', 'gpu', 'network', 'storage', 'utility'];
const toRenderer = { callers: ['browser'], implementers: ['renderer'] } as const;
const toBrowser = { callers: ['renderer'], implementers: ['browser'] } as const;
const browserToNetwork = { callers: ['browser'], implementers: ['network'] } as const;
const networkToBrowser = { callers: ['network'], implementers: ['browser'] } as const;

export const MOJO_INTERFACE_DIRECTIONS: Readonly<Record<string, MojoInterfaceDirection>> = {
  // Loading: renderers and the browser ask the network service; it answers the client.
  'network.mojom.URLLoaderFactory': { callers: ['renderer', 'browser'], implementers: ['network'] },
  'network.mojom.URLLoader': { callers: ['renderer', 'browser'], implementers: ['network'] },
  'network.mojom.URLLoaderClient': { callers: ['network'], implementers: ['renderer', 'browser'] },
  'network.mojom.NetworkService': browserToNetwork,
  'network.mojom.NetworkContext': browserToNetwork,
  'network.mojom.CookieManager': browserToNetwork,
  'network.mojom.RestrictedCookieManager': { callers: ['renderer'], implementers: ['network'] },
  'network.mojom.URLLoaderNetworkServiceObserver': networkToBrowser,
  'network.mojom.DevToolsObserver': networkToBrowser,
  'network.mojom.CookieAccessObserver': networkToBrowser,
  'network.mojom.TrustTokenAccessObserver': networkToBrowser,
  'network.mojom.SharedDictionaryAccessObserver': networkToBrowser,
  'network.mojom.DeviceBoundSessionAccessObserver': networkToBrowser,
  'network.mojom.AcceptCHFrameObserver': networkToBrowser,
  'network.mojom.NetworkContextClient': networkToBrowser,
  // Navigation and frames: the browser commits, the renderer reports.
  'content.mojom.NavigationClient': toRenderer,
  'content.mojom.Frame': toRenderer,
  'content.mojom.FrameBindingsControl': toRenderer,
  'content.mojom.AgentSchedulingGroup': toRenderer,
  'content.mojom.Renderer': toRenderer,
  'content.mojom.FrameHost': toBrowser,
  'content.mojom.AgentSchedulingGroupHost': toBrowser,
  'content.mojom.NavigationRendererCancellationListener': toBrowser,
  'content.mojom.RenderMessageFilter': toBrowser,
  'blink.mojom.LocalFrame': toRenderer,
  'blink.mojom.LocalMainFrame': toRenderer,
  'blink.mojom.RemoteFrame': toRenderer,
  'blink.mojom.RemoteMainFrame': toRenderer,
  'blink.mojom.PageBroadcast': toRenderer,
  'blink.mojom.Widget': toRenderer,
  'blink.mojom.FrameWidget': toRenderer,
  'blink.mojom.LocalFrameHost': toBrowser,
  'blink.mojom.LocalMainFrameHost': toBrowser,
  'blink.mojom.NonAssociatedLocalFrameHost': toBrowser,
  'blink.mojom.RemoteFrameHost': toBrowser,
  'blink.mojom.WidgetHost': toBrowser,
  'blink.mojom.FrameWidgetHost': toBrowser,
  'blink.mojom.BrowserInterfaceBroker': toBrowser,
  'blink.mojom.BackForwardCacheControllerHost': toBrowser,
  // Every child process talks to the browser through these.
  'content.mojom.ChildProcess': { callers: ['browser'], implementers: CHILD },
  'content.mojom.ChildProcessHost': { callers: CHILD, implementers: ['browser'] },
  // Compositing: frame sinks live in the GPU process.
  'viz.mojom.CompositorFrameSink': { callers: ['renderer', 'browser'], implementers: ['gpu'] },
  'viz.mojom.CompositorFrameSinkClient': { callers: ['gpu'], implementers: ['renderer', 'browser'] },
  'viz.mojom.FrameSinkManager': { callers: ['browser'], implementers: ['gpu'] },
  'viz.mojom.FrameSinkManagerClient': { callers: ['gpu'], implementers: ['browser'] },
  'viz.mojom.GpuService': { callers: ['browser'], implementers: ['gpu'] },
  'gpu.mojom.GpuChannel': { callers: ['renderer', 'browser'], implementers: ['gpu'] },
  // Storage service.
  'storage.mojom.StorageService': { callers: ['browser'], implementers: ['storage'] },
  'storage.mojom.LocalStorageControl': { callers: ['browser'], implementers: ['storage'] },
  'storage.mojom.SessionStorageControl': { callers: ['browser'], implementers: ['storage'] },
};

/** The navigation interfaces (the views' default filter, and the 95 % naming goal). */
export const NAVIGATION_INTERFACES: readonly string[] = [
  'network.mojom.URLLoaderFactory',
  'network.mojom.URLLoader',
  'network.mojom.URLLoaderClient',
  'content.mojom.NavigationClient',
  'content.mojom.FrameHost',
  'content.mojom.Frame',
  'content.mojom.AgentSchedulingGroup',
  'content.mojom.AgentSchedulingGroupHost',
  'blink.mojom.LocalFrameHost',
  'blink.mojom.LocalMainFrameHost',
  'blink.mojom.LocalFrame',
  'blink.mojom.LocalMainFrame',
];
