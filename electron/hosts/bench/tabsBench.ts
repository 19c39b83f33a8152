/**
 * Twenty tabs on twenty lab sites (www.site1-lab.com …), all open at once: one
 * renderer process per site, as Chromium's site isolation makes them. What it costs
 * in memory (the browser process and every renderer, resident), and whether the
 * browser still answers at once (a ping round trip to every renderer through the
 * router once all are loaded).
 */
import type { LabConfig } from '../../lab/labConfig.js';
import { LAB_ORDINARY_SITES } from '../../lab/labZones.js';
import { BrowserSession } from '../node/browserSession.js';
import { residentMegabytes } from './processMemory.js';

export interface TabsMemory {
  tabs: number;
  browserRssMb: number;
  renderers: number[];
  /** Browser ⇄ renderer round trips once every tab has loaded (µs). */
  pingMicros: number[];
}

export async function browserWithTabs(lab: LabConfig, count: number): Promise<TabsMemory> {
  const session = await BrowserSession.start({ lab, spareRenderer: false });
  try {
    const browser = session.browser;
    for (const [i, site] of LAB_ORDINARY_SITES.slice(0, count).entries()) {
      const tab = i === 0 ? browser.webContents : browser.newTab();
      const result = await tab.navigateFromOmnibox(site.host);
      if (result.outcome !== 'loaded') throw new Error(`bench: ${site.host} ended ${result.outcome}: ${result.message}`);
    }
    const pingMicros: number[] = [];
    for (const host of browser.renderProcesses) pingMicros.push(await browser.pingRenderer(host.endpointId));
    const renderers = browser.renderProcesses
      .map((p) => (p.pid === null ? null : residentMegabytes(p.pid)))
      .filter((mb): mb is number => mb !== null);
    return { tabs: browser.tabs.length, browserRssMb: process.memoryUsage().rss / 1024 / 1024, renderers, pingMicros };
  } finally {
    await session.stop();
  }
}
