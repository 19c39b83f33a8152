/**
 * The browser process after visiting one lab site after another (www.site1-lab.com …),
 * as the window's host runs it (a spare renderer kept ready). NavScope has one tab, so
 * each site's renderer process exits when the tab moves to the next site: what grows
 * is the browser process (history, caches, the trace), which is what this measures.
 */
import type { LabConfig } from '../../lab/labConfig.js';
import { LAB_ORDINARY_SITES } from '../../lab/labZones.js';
import { BrowserSession } from '../node/browserSession.js';
import { residentMegabytes } from './processMemory.js';

export interface SitesMemory {
  browserRssMb: number;
  browserHeapMb: number;
  renderers: number[];
  events: number;
}

export async function browserWithSites(lab: LabConfig, count: number): Promise<SitesMemory> {
  const session = await BrowserSession.start({ lab, spareRenderer: true });
  try {
    for (const site of LAB_ORDINARY_SITES.slice(0, count)) {
      const result = await session.browser.webContents.navigateFromOmnibox(site.host);
      if (result.outcome !== 'loaded') throw new Error(`bench: ${site.host} ended ${result.outcome}: ${result.message}`);
    }
    const memory = process.memoryUsage();
    const renderers = session.browser.renderProcesses.map((p) => (p.pid === null ? null : residentMegabytes(p.pid))).filter((mb): mb is number => mb !== null);
    return { browserRssMb: memory.rss / 1024 / 1024, browserHeapMb: memory.heapUsed / 1024 / 1024, renderers, events: session.browser.recorder.events.length };
  } finally {
    await session.stop();
  }
}
