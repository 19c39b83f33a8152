/**
 * The renderer process's startup snapshot (Node's --build-snapshot): the renderer
 * entry bundled with its HTML and CSS parsers (out/node/rendererProcessSnapshot.cjs), run
 * once at build time, its heap written to out/node/rendererProcessSnapshot.blob. A process
 * started from the blob begins with everything loaded, as a process forked from
 * Chromium's zygote does, so it is ready about as soon as a bare Node process.
 *
 * A blob only runs on the Node (and V8 flags) that built it: the build writes what
 * that was beside it (rendererProcessSnapshot.json), and a host uses the blob only when it
 * matches. Otherwise renderers start from the script, as before.
 * NAVSCOPE_RENDERER_SNAPSHOT=0 turns the snapshot off.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RENDERER_V8_FLAGS } from '../../browser/rendererLauncher.js';
import { packageRoot } from '../../node/builtEntries.js';

export interface RendererSnapshot {
  /** The bundled entry (what the process is started with; the snapshot's main function runs instead). */
  script: string;
  blob: string;
}

interface SnapshotStamp {
  node: string;
  v8: string;
  arch: string;
  flags: string[];
}

function files(dir = path.join(packageRoot(), 'out', 'node')) {
  return {
    script: path.join(dir, 'rendererProcessSnapshot.cjs'),
    blob: path.join(dir, 'rendererProcessSnapshot.blob'),
    stamp: path.join(dir, 'rendererProcessSnapshot.json'),
  };
}

function currentStamp(): SnapshotStamp {
  return { node: process.version, v8: process.versions.v8, arch: process.arch, flags: [...RENDERER_V8_FLAGS] };
}

/** The snapshot renderers may start from on this Node, or null (none built, built by another Node, or turned off). */
export function rendererSnapshot(dir?: string): RendererSnapshot | null {
  if (process.env.NAVSCOPE_RENDERER_SNAPSHOT === '0') return null;
  const { script, blob, stamp } = files(dir);
  try {
    if (!existsSync(script) || !existsSync(blob)) return null;
    const built = JSON.parse(readFileSync(stamp, 'utf8')) as SnapshotStamp;
    return JSON.stringify(built) === JSON.stringify(currentStamp()) ? { script, blob } : null;
  } catch {
    return null;
  }
}

/**
 * Builds the blob from the bundled script with this Node and the renderer's V8 flags
 * (they must match when it runs). Run by electron/build.mjs.
 */
export function buildRendererSnapshot(dir?: string): void {
  const { script, blob, stamp } = files(dir);
  const partial = `${blob}.partial`;
  rmSync(stamp, { force: true });
  execFileSync(process.execPath, [...RENDERER_V8_FLAGS, '--snapshot-blob', partial, '--build-snapshot', script], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  renameSync(partial, blob);
  writeFileSync(stamp, `${JSON.stringify(currentStamp(), null, 2)}\n`);
}
