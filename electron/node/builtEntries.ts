/**
 * Where the built entry scripts of threads and processes live (out/node/*.mjs, made
 * by electron/build.mjs). Found from this module's own location: in the bundle it is
 * out/node/, from source it is electron/node/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type BuiltEntry = 'networkThread' | 'rendererProcess' | 'cli';

export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'electron'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('cannot find the NavScope package root from ' + fileURLToPath(import.meta.url));
}

/** The built window (index.html and assets), served by the web host. */
export function builtWindowDir(): string {
  return path.join(packageRoot(), 'out', 'renderer');
}

export function builtEntry(name: BuiltEntry): string {
  let file = path.join(packageRoot(), 'out', 'node', `${name}${name === 'rendererProcess' ? '.cjs' : '.mjs'}`);
  // In the packaged desktop app, entries started by path live beside the archive.
  const unpacked = file.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
  if (unpacked !== file && existsSync(unpacked)) file = unpacked;
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
  return file;
}
