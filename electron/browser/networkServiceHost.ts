/**
 * The browser's handle on the network thread: starts the worker_threads Worker that
 * runs the network service inside the browser process, and attaches its channel to
 * the router once the thread says hello.
 */
import { Worker } from 'node:worker_threads';
import type { EndpointInfo } from '../../shared/ipc/endpoints.js';
import { NETWORK_ENDPOINT } from '../../shared/ipc/endpoints.js';
import type { NetworkServiceConfig } from '../../shared/net/networkServiceConfig.js';
import type { BrowserTracing } from './browserTracing.js';
import type { ChildChannel, MessageRouter } from './messageRouter.js';

export class NetworkServiceHost {
  private worker: Worker | null = null;
  private stopping = false;
  private readonly goneListeners = new Set<(reason: string) => void>();

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

  start(): Promise<EndpointInfo> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.entry, { workerData: this.config, name: 'NetworkService' });
      this.worker = worker;
      const channel: ChildChannel = { endpointId: NETWORK_ENDPOINT, role: 'network', post: (frame) => worker.postMessage(frame) };
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
        const reason = `the network thread exited (code ${code})`;
        this.tracing.error('network thread', reason);
        if (!ready) reject(new Error(reason));
        for (const listener of this.goneListeners) listener(reason);
      });
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker?.terminate();
    this.worker = null;
  }
}
