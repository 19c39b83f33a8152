/**
 * FrameTreeNode: one frame of a tab's frame tree (Chromium's
 * content/browser/renderer_host/frame_tree_node.h) — the main frame, or an iframe a
 * document asked for (FrameHost.CreateChildFrame). It outlives the documents shown in
 * it: its current RenderFrameHost changes when a navigation commits in another
 * process, and it owns the navigation in flight for it (at most one). Processes other
 * than the one hosting its document may hold a RenderFrameProxy for it (`proxies`).
 */
import type { NavigationFrame, NavigationRequest } from './navigationRequest.js';
import { RenderFrameHost } from './renderFrameHost.js';
import type { RendererProcess } from './renderProcessHost.js';
import type { SiteInstance } from './siteInstance.js';

/** What a frame needs from its tab. */
export interface FrameTreeNodeDelegate {
  /** The SiteInstance for `site` in the tab's browsing context group (BrowsingInstance). */
  siteInstanceFor(site: string): SiteInstance;
  /** A frame token unique in the browser. */
  nextFrameToken(): string;
  safeBrowsingBypassed(url: string): boolean;
  didCommitNavigation(
    node: FrameTreeNode,
    request: NavigationRequest,
    commit: { frame: RenderFrameHost; url: string },
  ): void;
}

export class FrameTreeNode implements NavigationFrame {
  currentFrameHost: RenderFrameHost | null = null;
  /** The navigation in flight for this frame, if any. */
  navigationRequest: NavigationRequest | null = null;
  readonly children: FrameTreeNode[] = [];
  /** Processes holding a RenderFrameProxy for this frame, with the proxy's token. */
  readonly proxies = new Map<RendererProcess, string>();
  /** The frame's document finished loading (DidStopLoading) since its last commit. */
  loaded = false;

  constructor(
    readonly frameTreeNodeId: number,
    readonly parent: FrameTreeNode | null,
    private readonly tab: FrameTreeNodeDelegate,
    readonly tabId: number,
    readonly browsingInstanceId: number,
    /** The iframe's name attribute ('' for a main frame). */
    readonly name = '',
  ) {}

  get isMainFrame(): boolean {
    return this.parent === null;
  }

  get depth(): number {
    return this.parent ? this.parent.depth + 1 : 0;
  }

  frameHostFor(process: RendererProcess, site: string): { frame: RenderFrameHost; created: boolean } {
    const current = this.currentFrameHost;
    if (current && current.process === process && process.frames.has(current.frameToken))
      return { frame: current, created: false };
    const frame = new RenderFrameHost(this.tab.nextFrameToken(), process, this.tab.siteInstanceFor(site));
    process.frames.add(frame.frameToken);
    return { frame, created: true };
  }

  safeBrowsingBypassed(url: string): boolean {
    return this.tab.safeBrowsingBypassed(url);
  }

  didCommitNavigation(request: NavigationRequest, commit: { frame: RenderFrameHost; url: string }): void {
    if (this.navigationRequest === request) this.navigationRequest = null;
    this.tab.didCommitNavigation(this, request, commit);
  }

  /** The navigation in flight whose loader has this id, here or in a descendant. */
  navigationWithLoader(requestId: string): NavigationRequest | null {
    if (this.navigationRequest?.requestId === requestId) return this.navigationRequest;
    for (const child of this.children) {
      const found = child.navigationWithLoader(requestId);
      if (found) return found;
    }
    return null;
  }

  /** This frame and its descendants, parents first. */
  *subtree(): Generator<FrameTreeNode> {
    yield this;
    for (const child of this.children) yield* child.subtree();
  }

  /** The token `process` knows this frame by: its document's frame there, or its proxy there. */
  tokenIn(process: RendererProcess): string | null {
    const current = this.currentFrameHost;
    if (current && current.process === process) return current.frameToken;
    return this.proxies.get(process) ?? null;
  }
}
