/**
 * Launches renderer processes as Node child processes (child_process.fork) with
 * V8 ("advanced") serialization, so bytes cross as Uint8Array as they would through
 * Electron's structured clone. Used by the CLI and the web host. Each process starts
 * from the renderer's startup snapshot where this Node has one (rendererSnapshot.ts):
 * its parsers are in memory from the start.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { packageRoot } from '../../node/builtEntries.js';
import { type RendererSnapshot, rendererSnapshot } from './rendererSnapshot.js';
import {
  type LaunchedRenderer,
  RENDERER_V8_FLAGS,
  type RendererExit,
  type RendererLaunchOptions,
  type RendererLauncher,
} from '../../browser/rendererLauncher.js';

/**
 * Node's permission model for a renderer process: it may read NavScope's own files (its
 * code and libraries) and nothing else, write no file, and start no process or thread.
 * Empty where this Node has no permission model.
 */
export function rendererPermissionFlags(readable: string): string[] {
  const known = process.allowedNodeEnvironmentFlags;
  const flag = known.has('--permission')
    ? '--permission'
    : known.has('--experimental-permission')
      ? '--experimental-permission'
      : null;
  if (!flag) return [];
  return [
    flag,
    `--allow-fs-read=${readable}`,
    ...(known.has('--disable-warning') ? ['--disable-warning=ExperimentalWarning'] : []),
  ];
}

export class ForkRendererLauncher implements RendererLauncher {
  readonly kind = 'child_process.fork';
  private readonly children = new Set<ChildProcess>();

  constructor(
    private readonly entry: string,
    private readonly snapshot: RendererSnapshot | null = rendererSnapshot(),
  ) {}

  /** Whether processes start from the startup snapshot. */
  get fromSnapshot(): boolean {
    return this.snapshot !== null;
  }

  launch(options: RendererLaunchOptions): LaunchedRenderer {
    const snapshot = this.snapshot;
    const child = fork(
      snapshot ? snapshot.script : this.entry,
      [`--navscope-renderer-id=${options.endpointId}`, `--navscope-site=${options.site}`],
      {
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        // No inspector or flags of this process: the renderer's own V8 flags and Node's permission model.
        execArgv: [
          ...RENDERER_V8_FLAGS,
          ...(snapshot ? ['--snapshot-blob', snapshot.blob] : []),
          ...rendererPermissionFlags(packageRoot()),
        ],
        env: { ...process.env, NAVSCOPE_SERVICE_NAME: options.serviceName },
      },
    );
    this.children.add(child);
    let launchFailed = false;
    const exitListeners: ((exit: RendererExit) => void)[] = [];
    // Spawn failures surface here (and no 'exit' may follow), and so do failed sends (posts take no callback).
    child.on('error', (error) => {
      if (child.pid === undefined) {
        if (launchFailed) return;
        launchFailed = true;
        for (const listener of exitListeners) listener({ code: null, signal: null, reason: 'launch-failed' });
      } else {
        process.emitWarning(`renderer ${options.endpointId}: ${error.message}`);
      }
    });
    child.once('exit', (code, signal) => {
      this.children.delete(child);
      if (launchFailed) return;
      const reason: RendererExit['reason'] =
        signal === 'SIGKILL' ? 'killed' : signal !== null ? 'crashed' : code === 0 ? 'clean-exit' : 'abnormal-exit';
      for (const listener of exitListeners) listener({ code, signal, reason });
    });
    return {
      onSpawn: (listener) => child.once('spawn', () => listener(child.pid ?? -1)),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => exitListeners.push(listener),
      post: (frame) => {
        if (child.connected) child.send(frame);
      },
      kill: () => {
        child.kill('SIGKILL');
      },
    };
  }

  /** Kills any child still running (used when the host exits). */
  killAll(): void {
    for (const child of this.children) child.kill('SIGKILL');
  }
}
