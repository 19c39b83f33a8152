/**
 * The child side of a NavScope channel, whatever hosts the child:
 *   - an Electron utility process      → process.parentPort (postMessage / 'message' event)
 *   - a Node worker thread             → worker_threads.parentPort
 *   - a Node child_process.fork child  → process.send / process.on('message')
 * The same entry script runs unchanged in all three.
 */

export interface ParentPort {
  readonly kind: 'electron-utility' | 'worker-thread' | 'node-ipc';
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Lets the process exit once nothing else keeps it alive. */
  close(): void;
}

/** The slice of Electron's ParentPort this adapter uses (declared here: no electron import). */
interface ElectronParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  removeAllListeners(event?: string): void;
}

function electronParentPort(): ElectronParentPortLike | null {
  const candidate = (process as unknown as { parentPort?: unknown }).parentPort;
  if (
    candidate &&
    typeof candidate === 'object' &&
    typeof (candidate as ElectronParentPortLike).postMessage === 'function'
  ) {
    return candidate as ElectronParentPortLike;
  }
  return null;
}

export function getParentPort(): ParentPort {
  const electronPort = electronParentPort();
  if (electronPort) {
    return {
      kind: 'electron-utility',
      post: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
      close: () => electronPort.removeAllListeners('message'),
    };
  }
  // (A worker thread has no process.send, even inside a forked process.)
  if (typeof process.send === 'function') {
    return {
      kind: 'node-ipc',
      post: (message) => {
        if (process.connected) process.send?.(message);
      },
      onMessage: (listener) => process.on('message', listener),
      close: () => process.disconnect?.(),
    };
  }
  // Looked up only here: a renderer process, started from a startup snapshot, never loads worker_threads.
  const { isMainThread, parentPort: workerParentPort } = process.getBuiltinModule('node:worker_threads');
  if (!isMainThread && workerParentPort) {
    const port = workerParentPort;
    return {
      kind: 'worker-thread',
      post: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', listener),
      close: () => port.close(),
    };
  }
  throw new Error(
    'This script must run as a NavScope child (utility process, worker thread or forked process): no parent port found.',
  );
}
