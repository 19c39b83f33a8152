/**
 * The browser's handle on the network thread: starts the worker_threads Worker that
 * runs the network service inside the browser process, and attaches its channel to
 * the router once the thread says hello.
 */
import { errorMessage } from '../../shared/base/errors.js';
import { Worker } from 'node:worker_threads';
import type { EndpointInfo } from '../../shared/ipc/endpoints.js';
import { NETWORK_ENDPOINT } from '../../shared/ipc/endpoints.js';
import type { NetworkServiceConfig } from '../../shared/net/networkServiceConfig.js';
import type { BrowserTracing } from './browserTracing.js';
import type { ChildChannel, MessageRouter } from './messageRouter.js';

/** Crashes of the network thread after which it is not started again (a crash loop is reported, not hidden). */
export const MAX_NETWORK_RESTARTS = 5;

export class NetworkServiceHost {
  private worker: Worker | null = null;
  private stopping = false;
  private restarts = 0;
  private readonly goneListeners = new Set<(reason: string) => void>();
  private readonly restartListeners = new Set<() => void>();

  constructor(
    private readonly router: MessageRouter,
    private readonly tracing: BrowserTracing,
    private readonly entry: string | URL,
    private readonly config: NetworkServiceConfig,
  ) {}

  onGone(listener: (reason: string) => void): () => void {
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  }

  /** Called after the network thread was started again following a crash. */
  onRestarted(listener: () => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  /** How many times the network thread was restarted after a crash. */
  get restartCount(): number {
    return this.restarts;
  }

  /**
   * Ends the network thread abruptly, as a crash would (the user's "kill" in the
   * window, and the fault tests). It is restarted. False when it is not running.
   */
  kill(): boolean {
    const worker = this.worker;
    if (!worker || this.stopping) return false;
    void worker.terminate();
    return true;
  }

  start(): Promise<EndpointInfo> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.entry, { workerData: this.config, name: 'NetworkService' });
      this.worker = worker;
      const channel: ChildChannel = {
        endpointId: NETWORK_ENDPOINT,
        role: 'network',
        post: (frame) => worker.postMessage(frame),
      };
      let ready = false;
      worker.on('message', (raw: unknown) =>
        this.router.receive(channel, raw, (info) => {
          if (ready) return;
          ready = true;
          this.router.attach(channel);
          this.tracing.record({ type: 'thread.start', info });
          resolve(info);
        }),
      );
      worker.on('error', (error) => {
        this.tracing.error('network thread', `uncaught error: ${error.message}`);
        if (!ready) reject(error);
      });
      worker.on('exit', (code) => {
        this.router.detach(NETWORK_ENDPOINT);
        if (this.stopping) return;
        if (this.worker === worker) this.worker = null;
        const reason = `the network thread exited (code ${code})`;
        this.tracing.error('network thread', reason);
        if (!ready) {
          reject(new Error(reason));
          return;
        }
        this.tracing.endOpenSpans(NETWORK_ENDPOINT, reason);
        this.tracing.record({
          type: 'thread.exit',
          endpointId: NETWORK_ENDPOINT,
          threadName: 'NetworkService',
          code,
          reason,
          restarting: this.restarts < MAX_NETWORK_RESTARTS,
        });
        for (const listener of [...this.goneListeners]) listener(reason);
        this.restart(reason);
      });
    });
  }

  /** Chromium restarts a crashed network service; so does NavScope, up to MAX_NETWORK_RESTARTS times. */
  private restart(reason: string): void {
    if (this.restarts >= MAX_NETWORK_RESTARTS) {
      this.tracing.error(
        'network thread',
        `not restarted: it crashed ${this.restarts + 1} times (${reason}); nothing can load until NavScope is restarted`,
      );
      return;
    }
    this.restarts += 1;
    this.start().then(
      () => {
        for (const listener of [...this.restartListeners]) listener();
      },
      (error: unknown) => this.tracing.error('network thread', `restart failed: ${errorMessage(error)}`),
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker?.terminate();
    this.worker = null;
  }
}
