/**
 * SiteInstance: the documents of one site (scheme + eTLD+1) in one browsing context
 * group, and the renderer process they live in. NavScope keeps one process per site
 * (Chromium's strict site isolation on desktop).
 */
import type { RenderProcessHost } from './renderProcessHost.js';

export class SiteInstance {
  process: RenderProcessHost | null = null;

  constructor(readonly site: string) {}

  /** The site's live process, if it has one that is not shutting down. */
  liveProcess(): RenderProcessHost | null {
    return this.process && this.process.isReusable ? this.process : null;
  }
}
