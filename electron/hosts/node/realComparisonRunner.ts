/**
 * `navscope compare-real`: the same lab input in NavScope's model and in the system's
 * real Chromium, one after the other against one embedded lab, compared side by side
 * (shared/real/realModelComparison.ts).
 */
import { type RealModelComparison, compareWithRealChromium } from '../../../shared/real/realModelComparison.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import type { NavigationResult } from '../../browser/webContents.js';
import { BrowserSession } from './browserSession.js';
import type { Lab } from '../../lab/lab.js';
import { type RealNavigation, recordRealNavigation } from '../../real-chromium/realNavigationRecorder.js';

export interface RealComparisonRun {
  comparison: RealModelComparison;
  model: { result: NavigationResult; events: TraceEvent[] };
  real: RealNavigation;
}

export async function runRealComparison(
  input: string,
  options: { lab: Lab; executablePath: string; dataDir: string | null; downloadsDir?: string },
): Promise<RealComparisonRun> {
  const session = await BrowserSession.start({
    lab: options.lab,
    dataDir: options.dataDir,
    ...(options.downloadsDir ? { downloadsDir: options.downloadsDir } : {}),
  });
  let result: NavigationResult;
  try {
    result = await session.browser.webContents.navigateFromOmnibox(input);
  } finally {
    await session.stop();
  }
  const events = [...session.browser.recorder.events];
  const real = await recordRealNavigation(input, { lab: options.lab.config, executablePath: options.executablePath });
  return {
    comparison: compareWithRealChromium(events, real.trace.events),
    model: { result, events },
    real,
  };
}
