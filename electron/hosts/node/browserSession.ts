/**
 * A browser process hosted in plain Node, with or without the embedded lab: what the
 * CLI and the web host run. Renderer processes are forked child processes; the
 * network thread is a worker thread of this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HostInfo } from '../../../shared/api/browserModelApi.js';
import type { DnsServerRef } from '../../../shared/trace/traceEvent.js';
import {
  DEFAULT_ACCEPT_LANGUAGE,
  DEFAULT_TIMEOUTS,
  DEFAULT_USER_AGENT,
  type NetworkServiceConfig,
} from '../../../shared/net/networkServiceConfig.js';
import { BrowserProcess } from '../../browser/browserProcess.js';
import type { RendererLauncher } from '../../browser/rendererLauncher.js';
import { Lab } from '../../lab/lab.js';
import type { LabConfig } from '../../lab/labConfig.js';
import { builtEntry } from '../../node/builtEntries.js';
import { ForkRendererLauncher } from './forkRendererLauncher.js';
import { navscopeVersion } from './navscopeVersion.js';

export function networkConfigFor(
  lab: LabConfig | null,
  dataDir: string | null = null,
  timeouts: Partial<NetworkServiceConfig['timeouts']> = {},
  liveIterative = false,
): NetworkServiceConfig {
  return {
    mode: lab ? 'lab' : 'live',
    lab: lab
      ? {
          rootHints: lab.rootHints.map((s): DnsServerRef => ({
            address: s.address,
            port: s.port,
            name: s.name,
            zone: s.zone,
            role: s.role,
          })),
          dnsPort: lab.dnsPort,
          portMap: lab.portMap,
          addressPrefix: lab.webAddressPrefix,
          servers: lab.webServers.map((server) => ({
            address: server.address,
            ports: [server.port, server.httpsPort],
          })),
          caPem: lab.ca.certPem,
        }
      : null,
    liveIterative: lab === null && liveIterative,
    dataDir,
    userAgent: DEFAULT_USER_AGENT,
    acceptLanguage: DEFAULT_ACCEPT_LANGUAGE,
    timeouts: { ...DEFAULT_TIMEOUTS, ...timeouts },
  };
}

export class BrowserSession {
  private constructor(
    readonly browser: BrowserProcess,
    readonly lab: Lab | null,
    readonly launcher: RendererLauncher,
    /** Whether stop() stops the lab too (not when the lab was lent to this session). */
    private readonly ownsLab: boolean,
    /** The lab this browser's network stack is pointed at (also one running in another process); a real Chromium recorded beside it uses the same. */
    readonly labConfig: LabConfig | null,
    /** A temporary downloads folder this session made (no downloadsDir or dataDir given): stop() removes it. */
    private ownedDownloadsDir: string | null,
  ) {}

  /** Starts the lab (unless live), the network thread and the browser model. Renderers are forked children unless a launcher is given. */
  static async start(options: {
    /**
     * true: start the embedded lab; a Lab: use that one (it keeps running after stop());
     * a LabConfig: a lab running in another process; false: live.
     */
    lab: boolean | Lab | LabConfig;
    launcher?: RendererLauncher;
    /** Where the lab CA, HSTS entries and cookies persist; null (default) keeps them in memory. */
    dataDir?: string | null;
    /** Per-step network limits (tests shorten them). */
    timeouts?: Partial<NetworkServiceConfig['timeouts']>;
    /** Live mode only: walk root → TLD → authoritative from the real root hints instead of asking the OS. */
    iterative?: boolean;
    /** Keep a spare renderer process ready, as Chromium does (default off: every process starts when needed). */
    spareRenderer?: boolean;
    /** The soft limit on renderer processes (Chromium's --renderer-process-limit); default Chromium's own. */
    rendererProcessLimit?: number;
    /**
     * Start the target site's renderer process when the navigation starts, in parallel
     * with DNS, TCP, TLS and HTTP, as Chromium does (default on; off: the classic journey,
     * where the process is found only once the response is in).
     */
    speculativeProcesses?: boolean;
    /** Where downloads are saved (default: <dataDir>/downloads, or a temporary folder removed by stop()). */
    downloadsDir?: string;
    /** Extra Safe Browsing list files (navscope-safebrowsing-list JSON) beside the lab's. */
    safeBrowsingLists?: readonly unknown[];
  }): Promise<BrowserSession> {
    const dataDir = options.dataDir ?? null;
    const ownsLab = options.lab === true;
    const lab = options.lab instanceof Lab ? options.lab : options.lab === true ? await Lab.start({ dataDir }) : null;
    const labConfig: LabConfig | null =
      lab?.config ?? (typeof options.lab === 'object' && !(options.lab instanceof Lab) ? options.lab : null);
    const launcher = options.launcher ?? new ForkRendererLauncher(builtEntry('rendererProcess'));
    let downloadsDir = options.downloadsDir ?? (dataDir === null ? null : path.join(dataDir, 'downloads'));
    let ownedDownloadsDir: string | null = null;
    if (downloadsDir === null) {
      ownedDownloadsDir = mkdtempSync(path.join(tmpdir(), 'navscope-downloads-'));
      downloadsDir = ownedDownloadsDir;
    }
    const browser = new BrowserProcess({
      launcher,
      networkThreadEntry: builtEntry('networkThread'),
      network: networkConfigFor(labConfig, dataDir, options.timeouts, options.iterative ?? false),
      spareRenderer: options.spareRenderer ?? false,
      rendererProcessLimit: options.rendererProcessLimit,
      speculativeProcesses: options.speculativeProcesses ?? true,
      safeBrowsingLists: [...(labConfig?.safeBrowsingLists ?? []), ...(options.safeBrowsingLists ?? [])],
      downloadsDir,
      dataDir,
    });
    try {
      await browser.start();
    } catch (error) {
      launcher.killAll();
      if (ownsLab) await lab?.stop();
      if (ownedDownloadsDir) rmSync(ownedDownloadsDir, { recursive: true, force: true });
      throw error;
    }
    return new BrowserSession(browser, lab, launcher, ownsLab, labConfig, ownedDownloadsDir);
  }

  /** What the window is told about this host. */
  hostInfo(shell: HostInfo['shell']): HostInfo {
    return {
      mode: this.labConfig ? 'lab' : 'live',
      shell,
      version: navscopeVersion(),
      rendererLauncher: this.launcher.kind,
      scenarios: this.labConfig?.scenarios ?? [],
    };
  }

  async stop(): Promise<void> {
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
    await Promise.race([this.browser.shutdown(), deadline]);
    this.launcher.killAll();
    if (this.ownsLab) await this.lab?.stop();
    // The temporary downloads folder goes with the session that made it (downloads in it too).
    if (this.ownedDownloadsDir) {
      rmSync(this.ownedDownloadsDir, { recursive: true, force: true });
      this.ownedDownloadsDir = null;
    }
  }
}
