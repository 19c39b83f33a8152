/**
 * The bench's own child processes and waits: a throwaway script forked as NavScope forks
 * its renderers (same serialization, V8 flags and permission model), and polling for a condition.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RENDERER_V8_FLAGS } from '../../browser/rendererLauncher.js';
import { rendererPermissionFlags } from '../node/forkRendererLauncher.js';

/** Writes `source` to a temporary CommonJS file; `remove()` deletes it. */
export function childScript(name: string, source: string): { file: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'navscope-bench-'));
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Forks `file` like a renderer process (same serialization, V8 flags and permission
 * model: it may read its own folder only) and resolves once it has sent its first message.
 */
export async function forkLikeRenderer(file: string): Promise<ChildProcess> {
  const child = fork(file, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: [...RENDERER_V8_FLAGS, ...rendererPermissionFlags(path.dirname(file))],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('error', reject);
  });
  return child;
}

/** Resolves once `check()` holds; fails naming `what` after `timeoutMs`. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
