/**
 * `npm install` on Node 20 (issue 15, item 15): npm warns that Electron 45's own
 * packages want Node ≥ 22.12; the prepare script then says what that means.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const specifier: string = path.join(root, 'electron/hosts/cli/engineNote.mjs');
const { engineNote } = (await import(/* @vite-ignore */ specifier)) as { engineNote: (v: string) => string | null };

describe('the note after npm install', () => {
  it('explains the EBADENGINE warnings on a Node older than Electron’s tooling wants, and is silent otherwise', () => {
    expect(engineNote('v20.19.0')).toMatch(/EBADENGINE warnings above come from Electron 45's own packages/);
    expect(engineNote('v20.19.0')).toMatch(/Node >= 22\.12/);
    expect(engineNote('v22.11.0')).not.toBeNull();
    expect(engineNote('v22.12.0')).toBeNull();
    expect(engineNote('v24.1.0')).toBeNull();
  });

  it('names exactly the packages whose engines Node 20 does not satisfy', () => {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    const wanting = Object.entries(lock.packages)
      .filter(([, p]) => /^>=\s*22\.12/.test(p.engines?.node ?? ''))
      .map(([name]) => name.replace(/^.*node_modules\//, ''))
      .sort();
    const note = engineNote('v20.19.0')!;
    for (const name of wanting) expect(note).toContain(name);
    // The README says the same.
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toMatch(/Node ≥ 22\.12/);
  });
});
