/**
 * RenderFrameHost: the browser-side twin of a document's frame in a renderer process.
 * A frame of the tab (its FrameTreeNode) has one current RenderFrameHost; a navigation
 * to another process gets a new one.
 */
import type { RendererProcess } from './renderProcessHost.js';
import type { SiteInstance } from './siteInstance.js';

export class RenderFrameHost {
  url: string | null = null;

  constructor(
    readonly frameToken: string,
    readonly process: RendererProcess,
    readonly siteInstance: SiteInstance,
  ) {}
}
