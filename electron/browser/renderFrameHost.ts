/**
 * RenderFrameHost: the browser-side twin of a frame in a renderer process. NavScope
 * models the main frame of one tab.
 */
import type { RenderProcessHost } from './renderProcessHost.js';
import type { SiteInstance } from './siteInstance.js';

export class RenderFrameHost {
  url: string | null = null;

  constructor(
    readonly frameToken: string,
    readonly process: RenderProcessHost,
    readonly siteInstance: SiteInstance,
  ) {}
}
