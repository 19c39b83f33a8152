/**
 * The generator of the Mojo method name table reads real .mojom syntax: comments
 * (also with // inside strings), attributes, ordinals, nested enums and constants,
 * replies, and the interface's comment as its purpose.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mojoCppMethodName, mojoIpcHash } from '../../../shared/real/mojoMethodNames.js';

const script = path.resolve(__dirname, '../../../electron/hosts/cli/makeMojoNameTable.mjs');
let dir: string | undefined;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const MOJOM = `// Copyright header.
module example.mojom;

import "url/mojom/url.mojom";

const string kHome = "https://example.test//not-a-comment";

/* A block comment
   that says nothing. */
struct Params { int32 a; };

// Loads things for a frame. The second sentence is not the purpose.
//
// More detail, e.g. what it does.
[Stable, Uuid="1234"]
interface Loader {
  const uint32 kLimit = 4;
  enum State { kIdle, kBusy };

  // Starts a load.
  [Sync]
  Start@0(url.mojom.Url url, array<map<string, Params>> p) => (bool ok);
  Cancel@1();
  [EnableIf=is_android]
  Pause(
      int32 reason);
};

interface Silent {};
`;

describe('makeMojoNameTable.mjs', () => {
  it('writes every method of every interface with its hash, purpose and replies', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'navscope-mojom-'));
    mkdirSync(path.join(dir, 'src', 'example'), { recursive: true });
    writeFileSync(path.join(dir, 'src', 'example', 'loader.mojom'), MOJOM);
    const out = path.join(dir, 'table.ts');
    const printed = execFileSync(
      process.execPath,
      [script, path.join(dir, 'src'), '--chromium-version', '1.2.3.4', '--source', 'a test', '--out', out],
      { encoding: 'utf8' },
    );
    expect(printed).toContain('2 interfaces, 3 methods from 1 .mojom files (Chromium 1.2.3.4)');
    const table = readFileSync(out, 'utf8');
    expect(table).toContain("chromiumVersion: '1.2.3.4'");
    expect(table).toContain("source: 'a test'");
    expect(table).toContain("file: 'example/loader.mojom'");
    expect(table).toContain("purpose: 'Loads things for a frame.'");
    expect(table).toMatch(/methods: \['Start', 'Cancel', 'Pause'\],\s+replies: \['Start'\]/);
    for (const method of ['Start', 'Cancel', 'Pause'])
      expect(table).toContain(
        `${mojoIpcHash(mojoCppMethodName('example.mojom.Loader', method))}: 'example.mojom.Loader.${method}'`,
      );
  });

  it('refuses to run without saying which Chromium version the files are', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'navscope-mojom-'));
    dir = empty;
    expect(() => execFileSync(process.execPath, [script, empty], { encoding: 'utf8', stdio: 'pipe' })).toThrow(
      /--chromium-version is required/,
    );
  });
});
