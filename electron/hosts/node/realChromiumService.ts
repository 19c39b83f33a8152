/**
 * The "Real Chromium" button's host side in the web host (and `navscope real`'s
 * recorder): records what the user typed in the system's Chromium, in lab mode against
 * the host's lab, one recording at a time (a Chromium per recording is heavy; a second
 * request waits for the first), and hands the window the mapped trace.
 */
import type { RealRecordingView } from '../../../shared/api/browserModelApi.js';
import type { ChromiumLabTargets } from '../../node/chromiumLabFlags.js';
import { recordRealNavigation } from '../../real-chromium/realNavigationRecorder.js';
import type { RealRecorder } from './browserModelService.js';

/** Recordings that may wait behind the running one before a request is refused. */
const MAX_WAITING = 2;

export class RealChromiumService implements RealRecorder {
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly stopping = new AbortController();

  constructor(
    /** The host's lab; null in live mode, where nothing is recorded. */
    private readonly lab: ChromiumLabTargets | null,
    private readonly options: { executablePath?: string; navigationTimeoutMs?: number } = {},
  ) {}

  record(input: string): Promise<RealRecordingView> {
    const lab = this.lab;
    if (!lab)
      return Promise.reject(
        new Error(
          'A real Chromium is recorded in lab mode only, against the embedded lab: this host runs on the live internet (start it without --live).',
        ),
      );
    if (this.stopping.signal.aborted) return Promise.reject(new Error('The NavScope host is stopping.'));
    if (this.pending > MAX_WAITING)
      return Promise.reject(new Error('Real Chromium recordings are already running; try again when they are done.'));
    this.pending++;
    const run = this.queue.then(async (): Promise<RealRecordingView> => {
      const result = await recordRealNavigation(input, { lab, ...this.options, signal: this.stopping.signal });
      return {
        input,
        url: result.target.url,
        message: result.message,
        loaded: result.loaded,
        events: result.trace.events,
      };
    });
    this.queue = run.catch(() => undefined);
    return run.finally(() => {
      this.pending--;
    });
  }

  /** Stops the running recording (its Chromium is closed) and refuses new ones; resolves when it is gone. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.queue;
  }
}
