/**
 * Renderer processes start from the renderer's startup snapshot (built by
 * electron/build.mjs), with their HTML and CSS parsers already in memory; a blob
 * another Node built is never used.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererSnapshot } from '../../../electron/hosts/node/rendererSnapshot.js';
import { packageRoot } from '../../../electron/node/builtEntries.js';
import { navigateAndCollect, ofType, useLabSession } from '../support/browserHarness.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';

const built = path.join(packageRoot(), 'out', 'node');

describe('the renderer startup snapshot', () => {
  const session = useLabSession();

  it('is built for this Node, and renderers start from it and load pages', async () => {
    const snapshot = rendererSnapshot();
    expect(snapshot).not.toBeNull();
    const { result, events } = await navigateAndCollect(session(), 'www.naver.com');
    expect(result.outcome).toBe('loaded');
    const renderer = session().browser.webContents.currentFrame!.process;
    const cmdline = `/proc/${renderer.pid}/cmdline`;
    if (existsSync(cmdline)) {
      const args = readFileSync(cmdline, 'utf8').split('\0');
      expect(args).toEqual(expect.arrayContaining(['--snapshot-blob', snapshot!.blob]));
    }
    // Its parsers were in the snapshot: their loading ends as soon as it begins, and the page was parsed and styled.
    const init = ofType(events, 'span.end').find((e) => e.spanId === `${renderer.endpointId}/init`);
    expect(init?.status ?? 'ok').toBe('ok');
    expect(ofType(events, 'renderer.render').length).toBeGreaterThan(0);
  });

  it('is not used when it was built by another Node, or is missing', () => {
    const dir = temporaryFolder('navscope-snapshot-');
    expect(rendererSnapshot(dir)).toBeNull();
    for (const name of ['rendererProcessSnapshot.cjs', 'rendererProcessSnapshot.blob', 'rendererProcessSnapshot.json'])
      copyFileSync(path.join(built, name), path.join(dir, name));
    expect(rendererSnapshot(dir)).toEqual({
      script: path.join(dir, 'rendererProcessSnapshot.cjs'),
      blob: path.join(dir, 'rendererProcessSnapshot.blob'),
    });
    const stamp = JSON.parse(readFileSync(path.join(dir, 'rendererProcessSnapshot.json'), 'utf8')) as object;
    writeFileSync(path.join(dir, 'rendererProcessSnapshot.json'), JSON.stringify({ ...stamp, node: 'v0.0.1' }));
    expect(rendererSnapshot(dir)).toBeNull();
  });
});
