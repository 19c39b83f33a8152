/**
 * RenderProcessHost: the browser-side twin of one renderer process. Launches it
 * through the host's launcher, waits for its hello, attaches its channel to the
 * router, records spawn / ready / exit / crash with the real pid, and shuts it down
 * when no frame needs it any more.
 */
import type { EndpointId, EndpointInfo } from '../../shared/ipc/endpoints.js';
import type { ProcessAssignment } from '../../shared/trace/traceEvent.js';
import { THREAD_NAMES } from '../../shared/ipc/endpoints.js';
import type { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import type { BrowserTracing } from './browserTracing.js';
import type { ChildChannel, MessageRouter } from './messageRouter.js';
import type { LaunchedRenderer, RendererExit, RendererLauncher } from './rendererLauncher.js';

export type RenderProcessState = 'launching' | 'ready' | 'exited' | 'crashed';

/** A renderer process as a navigation and its frames see it (RenderProcessHost; fakes in tests). */
export interface RendererProcess {
  readonly endpointId: EndpointId;
  readonly pid: number | null;
  /** The site whose documents it hosts ('spare' until a spare process is taken). */
  readonly site: string;
  readonly state: RenderProcessState;
  /** Settles when it is ready (rejects if it ends first). */
  readonly ready: Promise<void>;
  /** Alive and not on its way out. */
  readonly isReusable: boolean;
  /** The frames (frame tokens) it hosts. */
  readonly frames: Set<string>;
  holdForNavigation(): () => void;
  onGone(listener: (host: RendererProcess) => void): () => void;
  markUnresponsive(waitingFor: string, waitedMs: number): void;
}

/** Where a navigation's document will live, and how that process was found. */
export interface ProcessChoice {
  host: RendererProcess;
  how: ProcessAssignment;
}

/** The site of a spare renderer process that no site has taken yet. */
export const SPARE_SITE = 'spare';

/** How long a new renderer process may take to say hello before it counts as failed. */
const LAUNCH_TIMEOUT_MS = 15_000;
/** How long a renderer asked to shut down may take before it is killed. */
const SHUTDOWN_GRACE_MS = 3_000;

export class RenderProcessHost implements RendererProcess {
  state: RenderProcessState = 'launching';
  pid: number | null = null;
  readonly frames = new Set<string>();
  readonly ready: Promise<void>;
  private process: LaunchedRenderer | null = null;
  private shutdownRequested = false;
  /** Ended by the browser at once, holding no document (Chromium's fast shutdown): an exit, not a crash. */
  private fastShutdownRequested = false;
  private unresponsive = false;
  /** Navigations that may still commit here (Chromium keeps a process alive for its pending views). */
  private pendingNavigations = 0;
  private readonly goneListeners = new Set<(host: RenderProcessHost, exit: RendererExit) => void>();
  private resolveReady!: () => void;
  private rejectReady!: (error: Error) => void;

  constructor(
    readonly endpointId: EndpointId,
    /** The site whose documents it hosts; 'spare' until a spare process is taken. */
    public site: string,
    private readonly launcher: RendererLauncher,
    private readonly router: MessageRouter,
    private readonly browser: MessageEndpoint,
    private readonly tracing: BrowserTracing,
  ) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => undefined);
  }

  get isAlive(): boolean {
    return this.state === 'launching' || this.state === 'ready';
  }

  /** Alive and not on its way out: a process asked to shut down is never reused. */
  get isReusable(): boolean {
    return this.isAlive && !this.shutdownRequested;
  }

  onGone(listener: (host: RenderProcessHost, exit: RendererExit) => void): () => void {
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  }

  /**
   * A navigation that may commit in this process keeps it alive until it commits or
   * ends; call the returned function (once) when it no longer needs it.
   */
  holdForNavigation(): () => void {
    this.pendingNavigations++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.pendingNavigations--;
    };
  }

  /** Neither a frame nor a navigation needs this process: like Chromium's, it should end. */
  get isUnused(): boolean {
    return this.isReusable && !this.isSpare && this.frames.size === 0 && this.pendingNavigations === 0;
  }

  /** A spare process (launched before any site needs it) becomes a site's process. */
  get isSpare(): boolean {
    return this.site === SPARE_SITE;
  }

  assignSite(site: string): void {
    this.site = site;
  }

  /**
   * A new trace begins while this process runs: it is listed as it is (launched, with
   * its pid, ready), so the new trace knows every process alive.
   */
  recordExisting(info: EndpointInfo | undefined): void {
    if (!this.isAlive) return;
    const serviceName = this.recordLaunch();
    if (this.pid !== null)
      this.tracing.record({
        type: 'process.spawn',
        processId: this.endpointId,
        pid: this.pid,
        site: this.site,
        serviceName,
      });
    if (this.state === 'ready' && this.pid !== null) {
      if (info) this.tracing.record({ type: 'thread.start', info });
      this.tracing.record({ type: 'process.ready', processId: this.endpointId, pid: this.pid });
    }
  }

  /** Records the launch (`process.launch`) and returns the process's service name. */
  private recordLaunch(): string {
    const serviceName = `renderer ${this.endpointId} (${this.isSpare ? 'spare' : this.site})`;
    this.tracing.record({
      type: 'process.launch',
      processId: this.endpointId,
      site: this.site,
      serviceName,
      spare: this.isSpare,
    });
    return serviceName;
  }

  launch(): void {
    const serviceName = this.recordLaunch();
    const child = this.launcher.launch({ endpointId: this.endpointId, site: this.site, serviceName });
    this.process = child;
    const channel: ChildChannel = { endpointId: this.endpointId, role: 'renderer', post: (frame) => child.post(frame) };
    const timer = this.router.gate.clock.setTimeout(() => {
      if (this.state === 'launching') {
        this.tracing.error(this.endpointId, `the renderer process did not become ready within ${LAUNCH_TIMEOUT_MS} ms`);
        child.kill();
      }
    }, LAUNCH_TIMEOUT_MS);
    child.onSpawn((pid) => {
      this.pid = pid;
      this.tracing.record({ type: 'process.spawn', processId: this.endpointId, pid, site: this.site, serviceName });
    });
    child.onMessage((raw) => {
      // Any frame from a process reported as hung means it is answering again.
      if (this.unresponsive) {
        this.unresponsive = false;
        this.tracing.record({ type: 'process.responsive', processId: this.endpointId, pid: this.pid });
      }
      this.router.receive(channel, raw, (info) => {
        if (this.state !== 'launching') return;
        timer.cancel();
        this.state = 'ready';
        this.pid = info.pid;
        this.router.attach(channel);
        this.tracing.record({ type: 'thread.start', info: { ...info, threadName: THREAD_NAMES.renderer } });
        this.tracing.record({ type: 'process.ready', processId: this.endpointId, pid: info.pid });
        this.resolveReady();
      });
    });
    child.onExit((exit) => {
      timer.cancel();
      this.router.detach(this.endpointId);
      const pid = this.pid ?? -1;
      const clean = this.shutdownRequested && exit.code === 0 && exit.signal === null;
      const fast = this.fastShutdownRequested && exit.reason !== 'launch-failed';
      if (clean || fast) {
        this.state = 'exited';
        if (!clean) this.tracing.endOpenSpans(this.endpointId, `renderer process ${this.endpointId} was shut down`);
        this.tracing.record({
          type: 'process.exit',
          processId: this.endpointId,
          pid,
          code: exit.code,
          signal: exit.signal,
          reason: clean ? 'clean-exit' : 'fast-shutdown',
        });
      } else {
        this.state = 'crashed';
        const reason =
          exit.reason === 'launch-failed'
            ? 'launch-failed'
            : exit.signal === 'SIGKILL' || exit.reason === 'killed'
              ? 'killed'
              : 'crashed';
        this.tracing.endOpenSpans(
          this.endpointId,
          `renderer process ${this.endpointId} ${reason === 'killed' ? 'was killed' : reason === 'launch-failed' ? 'failed to launch' : 'crashed'}`,
        );
        this.tracing.record({
          type: 'process.crash',
          processId: this.endpointId,
          pid,
          code: exit.code,
          signal: exit.signal,
          reason,
        });
      }
      this.rejectReady(new Error(`renderer process ${this.endpointId} ended before it was ready (${exit.reason})`));
      for (const listener of this.goneListeners) listener(this, exit);
    });
  }

  /** The process did not answer in time (Chromium's hang monitor): reported once until it answers again. */
  markUnresponsive(waitingFor: string, waitedMs: number): void {
    if (this.unresponsive || !this.isAlive) return;
    this.unresponsive = true;
    this.tracing.record({
      type: 'process.unresponsive',
      processId: this.endpointId,
      pid: this.pid,
      waitingFor,
      waitedMs,
    });
  }

  /** Asks the process to exit (ChildProcess.ProcessShutdown); kills it if it does not. */
  shutdown(reason: string): void {
    if (!this.isAlive || this.shutdownRequested) return;
    this.shutdownRequested = true;
    if (this.state === 'ready' && this.router.isAttached(this.endpointId)) {
      this.browser.send(this.endpointId, 'ChildProcess.ProcessShutdown', { reason });
    } else {
      this.process?.kill();
    }
    const process = this.process;
    setTimeout(() => {
      if (this.isAlive) process?.kill();
    }, SHUTDOWN_GRACE_MS).unref();
  }

  /**
   * Ends a process that never held a document (a discarded speculative or spare one)
   * at once, as Chromium's RenderProcessHost::FastShutdownIfPossible does: no message,
   * whether it is still starting or ready, and its end is an exit, not a crash.
   */
  fastShutdown(): void {
    if (!this.isAlive || this.shutdownRequested) return;
    this.shutdownRequested = true;
    this.fastShutdownRequested = true;
    this.process?.kill();
  }

  kill(): void {
    this.process?.kill();
  }
}
