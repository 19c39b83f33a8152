import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layer rules (eslint)', () => {
  it('keep the browser model, network thread and renderer stand-in apart', async () => {
    expect(
      await problems(
        'electron/browser/x.ts',
        "import { URLLoader } from '../network/urlLoader.js';\nexport const a = URLLoader;\n",
      ),
    ).toEqual([
      expect.stringMatching(
        /^layers\/no-restricted-paths: The browser model talks to other runtimes only through shared\/ messages: electron\/browser\/ may import only shared\/, electron\/node\/ and itself/,
      ),
    ]);
    expect(
      await problems(
        'electron/network/x.ts',
        "import { RenderFrame } from '../renderer-process/renderFrame.js';\nexport const a = RenderFrame;\n",
      ),
    ).toEqual([expect.stringMatching(/network thread talks to other runtimes only/)]);
    expect(
      await problems('electron/renderer-process/x.ts', "import { Lab } from '../lab/lab.js';\nexport const a = Lab;\n"),
    ).toEqual([expect.stringMatching(/renderer stand-in/)]);
  });

  it('let the real-Chromium recorder see only shared/ and electron/node/, and only the hosts use it', async () => {
    expect(
      await problems('electron/real-chromium/x.ts', "import { Lab } from '../lab/lab.js';\nexport const a = Lab;\n"),
    ).toEqual([
      expect.stringMatching(/electron\/real-chromium\/ may import only shared\/, electron\/node\/ and itself/),
    ]);
    expect(
      await problems(
        'electron/real-chromium/x.ts',
        "import { chromiumLabFlags } from '../node/chromiumLabFlags.js';\nexport const a = chromiumLabFlags;\n",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'electron/browser/x.ts',
        "import { recordRealChromium } from '../real-chromium/realChromiumRecorder.js';\nexport const a = recordRealChromium;\n",
      ),
    ).toEqual([expect.stringMatching(/The browser model talks/)]);
    expect(
      await problems(
        'electron/hosts/cli/x.ts',
        "import { recordRealChromium } from '../../real-chromium/realChromiumRecorder.js';\nexport const a = recordRealChromium;\n",
      ),
    ).toEqual([]);
  });

  it('refuse a folder that is not placed in the layers: a new folder under electron/ may not hold code', async () => {
    expect(await problems('electron/foo/x.ts', 'export const a = 1;\n')).toEqual([
      expect.stringMatching(
        /electron\/foo\/ is not placed in the layer rules: add it to the layers in eslint\.config\.js/,
      ),
    ]);
    expect(await problems('shared/newthing/x.ts', 'export const a = 1;\n')).toEqual([
      expect.stringMatching(/shared\/newthing\/ is not placed in the layer rules/),
    ]);
  });

  it('keep the order inside shared/: base < net, web < ipc < trace < api', async () => {
    expect(
      await problems(
        'shared/net/x.ts',
        "import type { TraceEvent } from '../trace/traceEvent.js';\nexport type A = TraceEvent;\n",
      ),
    ).toEqual([expect.stringMatching(/shared\/net\/ may import only shared\/base\/ and itself/)]);
    expect(
      await problems(
        'shared/ipc/x.ts',
        "import type { TraceEvent } from '../trace/traceEvent.js';\nexport type A = TraceEvent;\n",
      ),
    ).toEqual([expect.stringMatching(/the message catalogue and transport know nothing of the trace above them/)]);
    expect(
      await problems(
        'shared/trace/x.ts',
        "import type { HostInfo } from '../api/browserModelApi.js';\nexport type A = HostInfo;\n",
      ),
    ).toEqual([expect.stringMatching(/the trace sits on the messages, not above them/)]);
    expect(
      await problems(
        'shared/trace/x.ts',
        "import { MAX_URL_LENGTH } from '../ipc/messageCatalogue.js';\nexport const a = MAX_URL_LENGTH;\n",
      ),
    ).toEqual([]);
  });

  it('keep shared/ pure: no electron/, no Node built-ins, no process', async () => {
    expect(
      await problems('shared/x.ts', "import { Lab } from '../electron/lab/lab.js';\nexport const a = Lab;\n"),
    ).toEqual([expect.stringMatching(/shared\/ is not placed in the layer rules|may import only/)]);
    expect(
      await problems('shared/base/x.ts', "import { Lab } from '../../electron/lab/lab.js';\nexport const a = Lab;\n"),
    ).toEqual([expect.stringMatching(/shared\/base\/ may import only itself/)]);
    expect(
      await problems('shared/base/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"),
    ).toEqual([expect.stringMatching(/may not use Node built-ins/)]);
    expect(await problems('shared/base/x.ts', 'export const a = process.pid;\n')).toEqual([
      expect.stringMatching(/no-restricted-globals/),
    ]);
  });

  it('allow electron only in the desktop host and the preload, and forbid any', async () => {
    expect(await problems('electron/browser/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual(
      [expect.stringMatching(/Only electron\/hosts\/desktop and electron\/preload/)],
    );
    expect(
      await problems('electron/hosts/desktop/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toEqual([]);
    expect(await problems('electron/lab/x.ts', 'export const a: any = 1;\n')).toEqual([
      expect.stringMatching(/no-explicit-any/),
    ]);
  });
});
