/**
 * What a recording of a real Chromium says about itself, beside its Chrome trace and
 * NetLog (electron/real-chromium/realChromiumRecorder.ts writes it; importers, the
 * CLI and the window read it to say what they show and how it was recorded).
 */

export interface RealRecordingPage {
  /** The URL asked for. */
  url: string;
  /** Where the page ended up (after redirects), or null when it did not load. */
  finalUrl: string | null;
  /** HTTP status of the main response, when there was one. */
  status: number | null;
  title: string | null;
  /** Why the load failed (Chromium's net error text), or null. */
  error: string | null;
  /** Wall time of the load as the recorder saw it (ms). */
  durationMs: number;
}

export interface RealRecordingProcess {
  pid: number;
  /** DevTools' SystemInfo.getProcessInfo type: browser, renderer, GPU, network.mojom.NetworkService… */
  type: string;
  cpuTimeSeconds: number;
}

export interface RealRecordingMetadata {
  recorder: 'navscope-real-chromium';
  chromium: {
    /** The executable started. */
    executable: string;
    /** Browser.getVersion: `Chrome/156.0.8078.114`. */
    product: string;
    /** `156.0.8078.114`, from the product. */
    version: string | null;
    /** Chromium's source revision (Browser.getVersion). */
    revision: string;
    userAgent: string;
    protocolVersion: string;
    jsVersion: string;
  };
  /** The flags NavScope gave Chromium (Playwright adds its own automation flags; the trace's command_line has all). */
  flags: string[];
  /** The lab mode: every lab host mapped to its loopback address, every other name unresolved. */
  lab: { hosts: number; hostResolverRules: string };
  urls: string[];
  pages: RealRecordingPage[];
  /** How TLS to the lab was handled, in words and as a mode for the UI. */
  tls: { mode: string; description: string; trustedHosts: string[]; untrustedHosts: string[] };
  /** Chromium's processes when the last page had loaded. */
  processes: RealRecordingProcess[];
  tracing: { categories: string[]; format: 'json'; bytes: number };
  netLog: { captureMode: 'Everything' | 'Default'; bytes: number };
  timing: {
    /** ISO time the recording started. */
    startedAt: string;
    /** Launch → DevTools ready (ms). */
    launchMs: number;
    /** Tracing.end → the whole trace read (ms). */
    traceReadMs: number;
    totalMs: number;
  };
}
