// Builds the Node-side entry points (CLI, network thread, renderer process, hosts)
// into out/node/ with esbuild (npm packages stay external: they are installed), and
// the window into out/renderer/ with Vite.
// Usage: node electron/build.mjs [--node-only]   (also runs on `npm install` via "prepare")
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Entry name (file in out/node/) → source. */
export const NODE_ENTRIES = {
  cli: 'electron/hosts/cli/navscopeCli.ts',
  networkThread: 'electron/network/networkThreadMain.ts',
  bench: 'electron/hosts/bench/navscopeBench.ts',
  rendererSnapshotBuild: 'electron/hosts/node/rendererSnapshotBuild.ts',
};

/**
 * The renderer process is CommonJS: a process started per site loads CommonJS about
 * 10 ms sooner than an ES module (no module graph to link), and that is most of what
 * a renderer does before it says it is ready.
 */
export const COMMONJS_ENTRIES = {
  rendererProcess: 'electron/renderer-process/rendererMain.ts',
};

export async function buildNode() {
  const common = {
    absWorkingDir: root,
    outdir: 'out/node',
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: NODE_ENTRIES, outExtension: { '.js': '.mjs' }, format: 'esm' });
  await build({ ...common, entryPoints: COMMONJS_ENTRIES, outExtension: { '.js': '.cjs' }, format: 'cjs' });
  // The renderer's startup snapshot: the same entry with its libraries in one file (a snapshot
  // cannot load packages), run once by Node, which writes its heap to rendererProcessSnapshot.blob.
  await build({
    ...common,
    packages: undefined,
    entryPoints: { rendererProcessSnapshot: COMMONJS_ENTRIES.rendererProcess },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
  });
  execFileSync(process.execPath, [path.join(root, 'out/node/rendererSnapshotBuild.mjs')], { stdio: 'inherit' });
}

/** The desktop shell: Electron's main process (ESM) and the window's preload (one CommonJS file, as sandboxed preloads require). */
export async function buildDesktop() {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: { main: 'electron/hosts/desktop/desktopMain.ts' },
    outdir: 'out/desktop',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  });
  await build({
    ...common,
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir: 'out/desktop',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
  });
}

export async function buildWindow() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
  if (!process.argv.includes('--node-only')) await Promise.all([buildDesktop(), buildWindow()]);
}
