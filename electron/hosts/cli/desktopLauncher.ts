/**
 * `npm start`: launch the desktop app. The Electron binary is found without
 * `require('electron')` (which would download it silently); when it is missing it is
 * fetched once, with progress; when that is impossible (offline, no display), the
 * web host starts instead and says why.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../../node/builtEntries.js';
import { watchParentProcess } from './parentWatch.js';
import { errorMessage } from '../../../shared/base/errors.js';

export type ElectronBinary =
  { found: true; path: string } | { found: false; reason: string; packageDir: string | null };

function platformExecutable(): string {
  switch (process.platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** Where the Electron binary is, if it is there (ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/dist). */
export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(path.join(packageRoot(), 'package.json')).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed (run npm install)', packageDir: null };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformExecutable();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, executable) : path.join(packageDir, 'dist', executable);
  return existsSync(binary)
    ? { found: true, path: binary }
    : { found: false, reason: `Electron binary not present (${binary})`, packageDir };
}

interface ElectronGet {
  downloadArtifact(options: {
    version: string;
    artifactName: string;
    platform: string;
    arch: string;
    cacheRoot?: string;
    checksums?: Record<string, string>;
    downloadOptions?: {
      getProgressCallback?: (progress: {
        percent: number;
        transferred: number;
        total?: number;
      }) => Promise<void> | void;
    };
  }): Promise<string>;
}

/** Downloads the Electron build this package pins (showing progress), then lets its own installer unpack it. */
export async function fetchElectron(
  packageDir: string,
  report: (line: string) => void,
): Promise<{ ok: true; path: string } | { ok: false; reason: string }> {
  const requireFromElectron = createRequire(path.join(packageDir, 'package.json'));
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  try {
    const get = requireFromElectron('@electron/get') as ElectronGet;
    let lastShown = -1;
    await get.downloadArtifact({
      version,
      artifactName: 'electron',
      platform: process.platform,
      arch: process.arch,
      cacheRoot: process.env.electron_config_cache,
      checksums: requireFromElectron('./checksums.json') as Record<string, string>,
      downloadOptions: {
        getProgressCallback: (progress) => {
          const percent = Math.floor(progress.percent * 100);
          if (percent >= lastShown + 5 || percent === 100) {
            lastShown = percent;
            report(
              `  downloading Electron ${version}: ${percent}%${progress.total ? ` of ${(progress.total / 1048576).toFixed(0)} MB` : ''}`,
            );
          }
        },
      },
    });
  } catch (error) {
    return {
      ok: false,
      reason: `the Electron ${version} download failed (${errorMessage(error)})`,
    };
  }
  report('  unpacking…');
  const exit = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [path.join(packageDir, 'install.js')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  if (exit !== 0) return { ok: false, reason: 'the Electron installer could not unpack the download' };
  const binary = findElectronBinary();
  return binary.found ? { ok: true, path: binary.path } : { ok: false, reason: binary.reason };
}

function noDisplay(): boolean {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

/**
 * Starts the desktop app and resolves with its exit code, or resolves null with the
 * reason it could not start (the caller then starts the web host).
 */
export async function launchDesktop(
  args: string[],
  report: (line: string) => void,
): Promise<{ code: number } | { code: null; reason: string }> {
  let binary = findElectronBinary();
  if (!binary.found) {
    if (!binary.packageDir) return { code: null, reason: binary.reason };
    report(`${binary.reason}: fetching it (first launch)…`);
    const fetched = await fetchElectron(binary.packageDir, report);
    if (!fetched.ok) return { code: null, reason: fetched.reason };
    binary = { found: true, path: fetched.path };
  }
  if (noDisplay()) return { code: null, reason: 'there is no display to open a window on (DISPLAY is not set)' };
  const electronArgs = [packageRoot(), ...args];
  // Electron refuses to run as root with its sandbox on (electron#26828).
  if (process.getuid?.() === 0) electronArgs.unshift('--no-sandbox');
  report(`Starting the NavScope desktop app (${binary.path})`);
  const started = Date.now();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(binary.path, electronArgs, { stdio: 'inherit', env });
    // Stopping `npm start` stops the app: signals are passed on, and the app is asked to
    // quit when the process that started this one ends (npm's shell dies of SIGTERM).
    const forwarded: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    let stopping = false;
    const forward = (signal: NodeJS.Signals) => {
      stopping = true;
      child.kill(signal);
    };
    for (const signal of forwarded) process.on(signal, forward);
    const stopWatching = watchParentProcess(() => forward('SIGTERM'));
    const stopForwarding = () => {
      for (const signal of forwarded) process.removeListener(signal, forward);
      stopWatching();
    };
    child.once('close', stopForwarding);
    child.once('error', (error) => {
      stopForwarding();
      resolve({ code: null, reason: `Electron could not be started: ${error.message}` });
    });
    child.once('exit', (code, signal) => {
      // An app that dies at once, unasked, did not start (missing system libraries, no GPU…).
      if (!stopping && code !== 0 && Date.now() - started < 5_000)
        resolve({ code: null, reason: `Electron exited at once (${signal ?? `code ${code}`})` });
      else resolve({ code: code ?? 1 });
    });
  });
}
