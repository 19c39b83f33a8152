/**
 * README's architecture tree is the map a newcomer reads first: it must match the
 * folders. Every folder it names exists, and every folder at the levels it covers is
 * named in it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
/** Folders whose sub-folders the tree must all name. */
const COVERED = ['shared', 'electron', 'electron/hosts', 'renderer/src', 'renderer/src/components', 'test'];

/** The folders the tree in README's "Architecture" section names, as paths from the root. */
export function treeFolders(readme: string): string[] {
  const section = readme.slice(readme.indexOf('## Architecture'));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const folders: string[] = [];
  const stack: { indent: number; folder: string }[] = [];
  for (const line of block.split('\n')) {
    const match = /^( *)([\w.-]+(?:\/[\w.-]+)*\/)(?:\s|$)/.exec(line);
    if (!match) continue;
    const indent = match[1]!.length;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const name = match[2]!.replace(/\/$/, '');
    const folder = stack.length > 0 ? `${stack[stack.length - 1]!.folder}/${name}` : name;
    folders.push(folder);
    stack.push({ indent, folder });
  }
  return folders;
}

const subfolders = (folder: string): string[] =>
  readdirSync(path.join(root, folder))
    .filter((name) => statSync(path.join(root, folder, name)).isDirectory())
    .map((name) => `${folder}/${name}`);

describe("README's architecture tree", () => {
  const folders = treeFolders(readFileSync(path.join(root, 'README.md'), 'utf8'));

  it('names only folders that exist', () => {
    expect(folders.length).toBeGreaterThan(30);
    const missing = folders.filter((f) => {
      try {
        return !statSync(path.join(root, f)).isDirectory();
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it('names every folder at the levels it covers', () => {
    const unnamed = COVERED.flatMap(subfolders).filter((f) => !folders.includes(f));
    expect(unnamed).toEqual([]);
  });

  it('reads nesting from the indentation', () => {
    expect(treeFolders('## Architecture\n```\na/   x\n  b/   y\n    c/  z\n  d/e/  w\nf/\n```\n')).toEqual([
      'a',
      'a/b',
      'a/b/c',
      'a/d/e',
      'f',
    ]);
  });
});
