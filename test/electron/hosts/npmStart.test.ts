import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasDesktopSession, openerCommand } from '../../../electron/hosts/cli/browserOpener.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';

const root = path.resolve(__dirname, '../../..');
const hasProc = existsSync('/proc/self/stat');

interface Started {
  npm: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  /** The URLs the stub opener was asked to open, one a line. */
  opened: () => string[];
}

/**
 * `npm start` as a user runs it, without the Electron binary and without internet (so the
 * web host starts), with a stub opener that records its argument. npm leads a process
 * group of its own (detached), as in a terminal.
 */
async function npmStart(display: string | null, extraArgs: string[] = []): Promise<Started> {
  const scratch = temporaryFolder('navscope-npm-start-');
  const openedFile = path.join(scratch, 'opened.txt');
  const opener = path.join(scratch, 'opener.sh');
  writeFileSync(opener, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${openedFile}'\n`, { mode: 0o755 });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // No binary here, whatever this machine has…
    ELECTRON_OVERRIDE_DIST_PATH: path.join(scratch, 'no-electron', 'dist'),
    // …and no internet: the download is pointed at a closed port on loopback.
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    electron_config_cache: path.join(scratch, 'electron-cache'),
    NAVSCOPE_DATA_DIR: path.join(scratch, 'profile'),
    NAVSCOPE_DOWNLOADS_DIR: path.join(scratch, 'downloads'),
    NAVSCOPE_OPENER: opener,
  };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  if (display !== null) env.DISPLAY = display;
  const npm = spawn('npm', ['start', '--silent', ...(extraArgs.length > 0 ? ['--', ...extraArgs] : [])], {
    cwd: root,
    detached: true,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s:\n${output}`)), 60_000);
    const check = () => {
      // The URL, and then the line that follows whatever the opener did.
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)[^]*Press Ctrl-C to stop/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    npm.stdout.on('data', check);
    npm.once('exit', () => reject(new Error(`npm start exited early:\n${output}`)));
  });
  return {
    npm,
    url,
    output: () => output,
    opened: () => (existsSync(openedFile) ? readFileSync(openedFile, 'utf8').split('\n').filter(Boolean) : []),
  };
}

/** pid → parent pid and process group, for every process (Linux /proc). */
function processTable(): Map<number, { ppid: number; pgid: number; command: string }> {
  const table = new Map<number, { ppid: number; pgid: number; command: string }>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // exited, waiting to be reaped
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      table.set(pid, { ppid: Number(fields[1]), pgid: Number(fields[2]), command });
    } catch {
      // Ended while we looked.
    }
  }
  return table;
}

/** npm and every process below it: the shell, the NavScope host, its renderers. */
function processesStartedBy(pid: number): Array<{ pid: number; command: string }> {
  const table = processTable();
  const found = [{ pid, command: table.get(pid)?.command ?? 'npm' }];
  for (let i = 0; i < found.length; i++) {
    for (const [child, info] of table)
      if (info.ppid === found[i]!.pid) found.push({ pid: child, command: info.command });
  }
  return found;
}

/** Waits until npm's tree includes a renderer process (the web host keeps a spare one). */
async function treeWithRenderer(pid: number): Promise<Array<{ pid: number; command: string }>> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const tree = processesStartedBy(pid);
    if (tree.some((p) => p.command.includes('rendererProcess'))) return tree;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no renderer process appeared under npm: ${JSON.stringify(processesStartedBy(pid))}`);
}

/** The processes of `tree`, and of npm's process group, still running after up to 30 s. */
async function survivors(tree: Array<{ pid: number; command: string }>, group: number): Promise<string[]> {
  let left: string[] = [];
  for (let attempt = 0; attempt < 300; attempt++) {
    const table = processTable();
    left = [
      ...tree.filter((p) => table.has(p.pid)).map((p) => `${p.pid} ${p.command}`),
      ...[...table].filter(([, info]) => info.pgid === group).map(([pid, info]) => `${pid} ${info.command}`),
    ];
    if (left.length === 0) return [];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [...new Set(left)];
}

async function stopAll(started: Started): Promise<void> {
  try {
    process.kill(-started.npm.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

describe('npm start without the Electron binary and without internet', () => {
  it('says why, starts the web host, prints its URL, and the page loads; no display: no browser is opened', async () => {
    const started = await npmStart(null);
    try {
      const output = started.output();
      expect(output).toMatch(/Electron binary not present/);
      expect(output).toMatch(/The desktop app cannot start here: the Electron [\d.]+ download failed/);
      expect(output).toMatch(/Starting the web host instead/);
      expect(output).toMatch(/Not opening a browser: there is no display/);
      const page = await fetch(started.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="app">/);
      expect(started.opened()).toEqual([]);
    } finally {
      process.kill(-started.npm.pid!, 'SIGINT');
      await new Promise((resolve) => started.npm.once('exit', resolve));
      await stopAll(started);
    }
  }, 90_000);

  it('opens the printed URL in the default browser where there is a display', async () => {
    const started = await npmStart(':99');
    try {
      expect(started.output()).toMatch(/Opened it in the default browser \(.*opener\.sh\); --no-open turns this off/);
      // The opener runs detached: its record of the URL may land a moment after the message.
      await expect.poll(() => started.opened()).toEqual([started.url]);
    } finally {
      process.kill(-started.npm.pid!, 'SIGINT');
      await new Promise((resolve) => started.npm.once('exit', resolve));
      await stopAll(started);
    }
  }, 90_000);

  it('does not open it with --no-open', async () => {
    const started = await npmStart(':99', ['--no-open']);
    try {
      expect(started.output()).not.toMatch(/Opened it/);
      expect(started.opened()).toEqual([]);
    } finally {
      process.kill(-started.npm.pid!, 'SIGINT');
      await new Promise((resolve) => started.npm.once('exit', resolve));
      await stopAll(started);
    }
  }, 90_000);
});

describe.skipIf(!hasProc)('stopping npm start with SIGTERM ends every process it started', () => {
  it('SIGTERM to the npm process alone (kill <pid>): the host and its renderers end too', async () => {
    const started = await npmStart(null);
    try {
      const tree = await treeWithRenderer(started.npm.pid!);
      expect(tree.some((p) => p.command.includes('bin.mjs start'))).toBe(true);
      process.kill(started.npm.pid!, 'SIGTERM');
      expect(await survivors(tree, started.npm.pid!)).toEqual([]);
    } finally {
      await stopAll(started);
    }
  }, 90_000);

  it('SIGTERM to its process group (as a service manager does): everything ends', async () => {
    const started = await npmStart(null);
    try {
      const tree = await treeWithRenderer(started.npm.pid!);
      process.kill(-started.npm.pid!, 'SIGTERM');
      expect(await survivors(tree, started.npm.pid!)).toEqual([]);
    } finally {
      await stopAll(started);
    }
  }, 90_000);
});

describe('the default browser opener', () => {
  it('opens only where there is a desktop: a display on Linux, always on macOS and Windows', () => {
    expect(hasDesktopSession({}, 'linux')).toBe(false);
    expect(hasDesktopSession({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDesktopSession({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDesktopSession({}, 'freebsd')).toBe(false);
    expect(hasDesktopSession({}, 'darwin')).toBe(true);
    expect(hasDesktopSession({}, 'win32')).toBe(true);
  });

  it('uses xdg-open, open or the Windows URL handler, unless NAVSCOPE_OPENER names another command', () => {
    const url = 'http://127.0.0.1:8080/?token=a&b';
    expect(openerCommand(url, {}, 'linux')).toEqual({ command: 'xdg-open', args: [url] });
    expect(openerCommand(url, {}, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(openerCommand(url, {}, 'win32')).toEqual({
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', url],
    });
    expect(openerCommand(url, { NAVSCOPE_OPENER: '/bin/stub' }, 'linux')).toEqual({
      command: '/bin/stub',
      args: [url],
    });
  });
});
