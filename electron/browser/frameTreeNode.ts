/**
 * FrameTreeNode: one frame of a tab's frame tree (Chromium's
 * content/browser/renderer_host/frame_tree_node.h). It outlives the documents shown in
 * it: its current RenderFrameHost changes when a navigation commits in another
 * process, and it owns the navigation in flight for it (at most one). NavScope's tabs
 * have a main frame; the tree's shape is here so that subframes fit.
 */
import type { NavigationFrame, NavigationRequest } from './navigationRequest.js';
import { RenderFrameHost } from './renderFrameHost.js';
import type { RendererProcess } from './renderProcessHost.js';
import type { SiteInstance } from './siteInstance.js';

/** What a frame needs from its tab. */
export interface FrameTreeNodeDelegate {
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

  constructor(
    readonly frameTreeNodeId: number,
    readonly parent: FrameTreeNode | null,
    private readonly tab: FrameTreeNodeDelegate,
  ) {}

  get isMainFrame(): boolean {
    return this.parent === null;
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

  /** The navigation in flight whose loader has this id, if any. */
  navigationWithLoader(requestId: string): NavigationRequest | null {
    return this.navigationRequest?.requestId === requestId ? this.navigationRequest : null;
  }
}
