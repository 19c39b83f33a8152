/**
 * Launches renderer stand-ins as Electron utility processes (utilityProcess.fork)
 * running the same entry script as the Node hosts; its port adapter finds
 * process.parentPort there. Each process is named by its serviceName, and how it
 * ended is classified from app's 'child-process-gone' (Electron's own reasons).
 */
import { type UtilityProcess, utilityProcess } from 'electron';
import {
  type LaunchedRenderer,
  RENDERER_V8_FLAGS,
  type RendererExit,
  type RendererLaunchOptions,
  type RendererLauncher,
} from '../../browser/rendererLauncher.js';

/** The 'child-process-gone' details this launcher reads. */
export interface ChildProcessGoneDetails {
  type: string;
  reason: string;
  exitCode: number;
  serviceName?: string;
}

/** Electron's reasons, in the browser model's vocabulary. */
export function exitReasonFromElectron(reason: string): RendererExit['reason'] {
  switch (reason) {
    case 'clean-exit':
      return 'clean-exit';
    case 'killed':
    case 'oom':
    case 'memory-eviction':
      return 'killed';
    case 'launch-failed':
      return 'launch-failed';
    case 'abnormal-exit':
      return 'abnormal-exit';
    default:
      return 'crashed';
  }
}

/** How long an exit waits for Electron's classification before falling back to the exit code. */
const CLASSIFY_GRACE_MS = 200;

export class UtilityRendererLauncher implements RendererLauncher {
  readonly kind = 'utilityProcess.fork';
  private readonly children = new Map<string, UtilityProcess>();
  private readonly goneReasons = new Map<string, string>();

  constructor(private readonly entry: string) {}

  /** Feed app.on('child-process-gone') here. */
  childProcessGone(details: ChildProcessGoneDetails): void {
    if (details.type === 'Utility' && details.serviceName) this.goneReasons.set(details.serviceName, details.reason);
  }

  launch(options: RendererLaunchOptions): LaunchedRenderer {
    const serviceName = options.serviceName;
    const child = utilityProcess.fork(
      this.entry,
      [`--navscope-renderer-id=${options.endpointId}`, `--navscope-site=${options.site}`],
      { serviceName, stdio: 'inherit', execArgv: [...RENDERER_V8_FLAGS] },
    );
    this.children.set(serviceName, child);
    const exitListeners: ((exit: RendererExit) => void)[] = [];
    let pid: number | undefined;
    child.once('spawn', () => (pid = child.pid));
    child.once('exit', (code: number) => {
      this.children.delete(serviceName);
      setTimeout(() => {
        const electronReason = this.goneReasons.get(serviceName);
        this.goneReasons.delete(serviceName);
        const reason = electronReason
          ? exitReasonFromElectron(electronReason)
          : code === 0
            ? 'clean-exit'
            : 'abnormal-exit';
        for (const listener of exitListeners) listener({ code, signal: null, reason });
      }, CLASSIFY_GRACE_MS);
    });
    return {
      onSpawn: (listener) => child.once('spawn', () => listener(child.pid ?? -1)),
      onMessage: (listener) => child.on('message', (message: unknown) => listener(message)),
      onExit: (listener) => exitListeners.push(listener),
      post: (frame) => child.postMessage(frame),
      kill: () => {
        // A hard kill, as the tests and the fault lab mean it (kill() would ask politely).
        if (pid !== undefined) {
          try {
            process.kill(pid, 'SIGKILL');
            return;
          } catch {
            // already gone
          }
        }
        child.kill();
      },
    };
  }

  killAll(): void {
    for (const child of this.children.values()) child.kill();
  }
}
