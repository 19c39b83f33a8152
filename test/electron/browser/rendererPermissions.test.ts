/**
 * Renderer processes get no more than they need: Node's permission model lets them read
 * NavScope's own files and nothing else, write no file and start no process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rendererPermissionFlags } from '../../../electron/hosts/node/forkRendererLauncher.js';
import { packageRoot } from '../../../electron/node/builtEntries.js';
import { navigateAndCollect, useLabSession } from '../support/browserHarness.js';

const flags = rendererPermissionFlags(packageRoot());

describe.skipIf(flags.length === 0)('renderer process permissions', () => {
  const session = useLabSession();

  it('renderers run under the permission model and still load pages', async () => {
    const { result } = await navigateAndCollect(session(), 'www.naver.com');
    expect(result.outcome).toBe('loaded');
    const renderer = session().browser.webContents.currentFrame!.process;
    const cmdline = `/proc/${renderer.pid}/cmdline`;
    if (existsSync(cmdline)) {
      const args = readFileSync(cmdline, 'utf8').split('\0');
      expect(args).toEqual(expect.arrayContaining(flags));
    }
  });

  it('with those flags, writing a file, starting a process and reading outside NavScope are refused', () => {
    const attempt = (code: string) =>
      execFileSync(process.execPath, [...flags, '-e', code], { encoding: 'utf8', cwd: packageRoot() }).trim();
    expect(
      attempt(
        "try { require('fs').writeFileSync(require('os').tmpdir() + '/navscope-renderer-write', 'x'); console.log('written') } catch (e) { console.log(e.code) }",
      ),
    ).toBe('ERR_ACCESS_DENIED');
    expect(
      attempt(
        "try { require('child_process').spawnSync('node', ['-v']); console.log('spawned') } catch (e) { console.log(e.code) }",
      ),
    ).toBe('ERR_ACCESS_DENIED');
    expect(
      attempt(
        "try { require('fs').readFileSync('/etc/hostname'); console.log('read') } catch (e) { console.log(e.code) }",
      ),
    ).toBe('ERR_ACCESS_DENIED');
    expect(
      attempt(
        "try { new (require('worker_threads').Worker)('1', { eval: true }); console.log('thread') } catch (e) { console.log(e.code) }",
      ),
    ).toBe('ERR_ACCESS_DENIED');
  });
});
