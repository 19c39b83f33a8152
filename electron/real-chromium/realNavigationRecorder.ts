/**
 * One navigation in the system's real Chromium, ready for NavScope's views: what the
 * user typed goes through NavScope's omnibox classification to a URL
 * (shared/real/realNavigationInput.ts), realChromiumRecorder.ts records it in lab mode
 * (Chrome trace, NetLog, metadata), and the trace is read (chromeTraceParser.ts) and
 * mapped into NavScope's trace (realTraceMapping.ts), saying which Chromium it was and
 * how it was recorded. The CLI's `navscope real` and the web host's "Real Chromium"
 * button both come here.
 */
import { parseChromeTrace } from '../../shared/real/chromeTraceParser.js';
import { realNavigationTarget, type RealNavigationTarget } from '../../shared/real/realNavigationInput.js';
import type { RealRecordingMetadata } from '../../shared/real/realRecordingMetadata.js';
import type { RealTrace } from '../../shared/real/realTrace.js';
import { mapRealTrace } from '../../shared/real/realTraceMapping.js';
import type { TraceFile } from '../../shared/trace/traceEvent.js';
import type { ChromiumLabTargets } from '../node/chromiumLabFlags.js';
import { findSystemChromium } from '../node/systemChromium.js';
import { type RealChromiumRecording, recordRealChromium } from './realChromiumRecorder.js';

/** No Chromium or Chrome can be started here: the message says how to get one. */
export class ChromiumUnavailableError extends Error {
  override readonly name = 'ChromiumUnavailableError';
}

export interface RealNavigationOptions {
  lab: ChromiumLabTargets;
  /** Default: the system's Chromium (NAVSCOPE_CHROMIUM, /usr/bin/chromium, the PATH…). */
  executablePath?: string;
  navigationTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface RealNavigation {
  target: RealNavigationTarget;
  recording: RealChromiumRecording;
  real: RealTrace;
  /** The mapped NavScope trace (trace.source first). */
  trace: TraceFile;
  /** How the page load ended, in one line. */
  message: string;
  /** Whether the page loaded (a response arrived and the load event fired). */
  loaded: boolean;
}

/** The sentence that says how a recording was made (trace.source's recordedWith). */
export function recordedWith(metadata: RealRecordingMetadata): string {
  return (
    `NavScope started ${metadata.chromium.executable} (${metadata.chromium.product}) headless in lab mode, ` +
    'loaded the page in a fresh profile and recorded it over the DevTools protocol: ' +
    `Tracing.start (JSON, categories ${metadata.tracing.categories.join(', ')}) and a NetLog (--log-net-log, ${metadata.netLog.captureMode}).`
  );
}

/** Records what `input` leads to in a real Chromium, in lab mode, and maps it. */
export async function recordRealNavigation(input: string, options: RealNavigationOptions): Promise<RealNavigation> {
  const target = realNavigationTarget(input);
  let executablePath = options.executablePath;
  if (executablePath === undefined) {
    const found = findSystemChromium();
    if (!found.found) throw new ChromiumUnavailableError(found.message);
    executablePath = found.path;
  }
  const recording = await recordRealChromium({
    urls: [target.url],
    lab: options.lab,
    executablePath,
    navigationTimeoutMs: options.navigationTimeoutMs,
    signal: options.signal,
  });
  const real = await parseChromeTrace(recording.trace);
  const { metadata } = recording;
  const page = metadata.pages[0]!;
  const loaded = page.error === null;
  const message = loaded
    ? `Real Chromium ${metadata.chromium.version ?? ''} loaded ${page.finalUrl ?? target.url}${page.status !== null ? ` (${page.status})` : ''}`
    : `Real Chromium ${metadata.chromium.version ?? ''} could not load ${target.url}: ${page.error}`;
  const trace = mapRealTrace(real, {
    origin: 'real-chromium',
    name: `${input} → ${target.url}`,
    recorder: 'navscope-system-chromium',
    recordedWith: recordedWith(metadata),
    lab: metadata.lab.hostResolverRules,
    tls: metadata.tls.description,
    chromium: {
      product: metadata.chromium.product,
      version: metadata.chromium.version,
      revision: metadata.chromium.revision,
    },
    pages: metadata.pages,
    notes: [target.how, ...(loaded ? [] : [`The page did not load: ${page.error}`])],
  });
  return { target, recording, real, trace, message: message.replace(/ {2,}/g, ' '), loaded };
}
