/**
 * How the browser model starts renderer processes without knowing what hosts it:
 * the Node hosts fork child processes, the desktop host forks Electron utility
 * processes. Both run the same renderer entry script.
 */
import type { EndpointId } from '../../shared/ipc/endpoints.js';
import type { PackedFrame } from '../../shared/ipc/messageEnvelope.js';

/**
 * V8 flags for renderer processes: a 1 MB young generation (semi-space) keeps a
 * renderer's resident memory under 60 MB; its documents are small, so the extra
 * scavenges cost little.
 */
export const RENDERER_V8_FLAGS: readonly string[] = ['--max-semi-space-size=1'];

export interface RendererLaunchOptions {
  endpointId: EndpointId;
  site: string;
  /** Shown by the OS / Electron as the process's name. */
  serviceName: string;
}

export interface RendererExit {
  code: number | null;
  signal: string | null;
  /** How the host classified the end (Electron's child-process-gone reasons, where known). */
  reason: 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'launch-failed';
}

export interface LaunchedRenderer {
  onSpawn(listener: (pid: number) => void): void;
  onMessage(listener: (raw: unknown) => void): void;
  onExit(listener: (exit: RendererExit) => void): void;
  post(frame: PackedFrame): void;
  kill(): void;
}

export interface RendererLauncher {
  /** How processes are started (shown in the window): 'child_process.fork', 'utilityProcess.fork'. */
  readonly kind: string;
  launch(options: RendererLaunchOptions): LaunchedRenderer;
  /** Kills every process still running (the host is exiting). */
  killAll(): void;
}
