/**
 * The CLI's outputs when they cannot be written: one `navscope:` line naming the file
 * and the reason, exit code 4 (not the navigation's failure, 1), never a stack trace;
 * `--out -` is standard output; the same file named twice is refused before anything
 * runs; a completed download is a success.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(__dirname, '../../../electron/hosts/cli/bin.mjs');
const folders: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};
const outDir = temp('navscope-cli-out-');

function navscope(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    cwd: outDir,
    env: {
      ...process.env,
      NAVSCOPE_DATA_DIR: temp('navscope-profile-'),
      NAVSCOPE_DOWNLOADS_DIR: temp('navscope-downloads-'),
      ...env,
    },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** stderr holds `navscope:` lines only: no stack trace. */
function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  for (const line of stderr.trim().split('\n')) expect(line).toMatch(/^navscope: /);
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('navscope trace: outputs that cannot be written', () => {
  it.each([
    ['a folder', () => outDir, /cannot write --out .*: it is a folder/],
    ['a file in a missing folder', () => path.join(outDir, 'missing', 'x.json'), /its folder .* does not exist/],
    ['/sys (a folder)', () => '/sys', /cannot write --out \/sys: it is a folder/],
  ])('refuses --out %s before navigating, with exit code 4', (_what, file, message) => {
    const run = navscope(['trace', 'www.naver.com', '--lab', '--out', file()]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/Loaded/);
    expectNoStack(run.stderr);
  });

  it.each([
    ['/dev/full', /cannot write --out \/dev\/full: no space left on the device \(ENOSPC\)/],
    ['/proc/self/mem', /cannot write --out \/proc\/self\/mem: /],
  ])('reports a write to %s that fails, with exit code 4 and the navigation still summed up', (file, message) => {
    const run = navscope(['trace', 'www.naver.com', '--lab', '--out', file]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/Loaded https:\/\/www\.naver\.com\//);
    expect(run.stderr).toMatch(message);
    expectNoStack(run.stderr);
  });

  it('a failing --har after --out succeeded: the trace is written, the HAR reported, exit 4', () => {
    const out = path.join(outDir, 'ok.json');
    const run = navscope(['trace', 'www.naver.com', '--lab', '--json', '--out', out, '--har', '/dev/full']);
    expect(run.code).toBe(4);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'navscope-trace' });
    expect(run.stderr).toMatch(/trace written to .*ok\.json/);
    expect(run.stderr).toMatch(/cannot write --har \/dev\/full: no space left on the device/);
    expectNoStack(run.stderr);
  });

  it('refuses --har naming the same file as --out, before anything is written', () => {
    const out = path.join(outDir, 'same.json');
    const run = navscope(['trace', 'www.naver.com', '--lab', '--out', out, '--har', `./${path.basename(out)}`]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/--har and --out both name .*same\.json: one would overwrite the other/);
    expect(existsSync(out)).toBe(false);
    expectNoStack(run.stderr);
  });

  it('--out - writes to standard output, not to a file named "-"', () => {
    const run = navscope(['trace', 'www.naver.com', '--lab', '--json', '--out', '-']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'navscope-trace' });
    expect(existsSync(path.join(outDir, '-'))).toBe(false);
  });

  it.each([['trace', 'www.naver.com', '--lab'], ['web']])(
    'an unusable data folder: navscope %s says which folder and why, exit 4',
    (...args) => {
      const run = navscope(args, { NAVSCOPE_DATA_DIR: '/sys/kernel/navscope' });
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(
        /cannot use the data folder \/sys\/kernel\/navscope: (permission denied \(EACCES\)|operation not permitted \(EPERM\)); set NAVSCOPE_DATA_DIR/,
      );
      expectNoStack(run.stderr);
    },
  );

  it('a completed download is a success: exit 0, and it says where the file is', () => {
    const run = navscope(['trace', 'https://www.naver.com/download/report.zip', '--lab']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^navscope: Downloaded https:\/\/www\.naver\.com\/download\/report\.zip → .*report\.zip/m,
    );
    expect(run.stderr).not.toMatch(/error:/);
  });
});
